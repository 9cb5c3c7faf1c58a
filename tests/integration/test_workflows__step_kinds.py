"""Step kinds are declared once (workflows.step_kinds): the model's choices, the step editor, the
publishing checks, the step table and the bundle all follow the declaration."""

import pytest
from django import forms
from django.urls import reverse

from partners.models import Role
from tests.factories import member
from tests.factories_processes import empty_process
from workflows import step_kinds
from workflows.models import Step
from workflows.serialization import bundle_export
from workflows.step_kinds.base import StepKindSpec
from workflows.views.definitions.forms import StepForm


class CallStep(StepKindSpec):
    """A kind invented for the test: its settings live in Step.settings."""

    value = "call"
    label = "Phone call"
    legend = "A phone call"
    attrs = {"settings": {}}

    def settings_fields(self, *, definition):
        return {"call_number": forms.CharField(label="Number to call", required=False)}

    def settings_initial(self, step):
        return {"call_number": step.settings.get("number", "")}

    def settings_clean(self, form, cleaned):
        if not cleaned.get("call_number"):
            form.add_error("call_number", "Say which number to call.")

    def settings_attrs(self, cleaned):
        return {"settings": {"number": cleaned["call_number"]}}

    def describe(self, step):
        return [f"Call {step.settings.get('number')}"]


@pytest.fixture
def call_kind(monkeypatch):
    kinds = {**step_kinds.STEP_KINDS, "call": CallStep()}
    monkeypatch.setattr(step_kinds, "STEP_KINDS", kinds)
    monkeypatch.setattr("workflows.views.definitions.forms.STEP_KINDS", kinds)
    monkeypatch.setattr("workflows.services.definitions.STEP_KINDS", kinds)
    return kinds["call"]


def test_every_kind_names_its_settings_apart_from_the_others(partner):
    definition, _version = empty_process(partner)
    seen = set(StepForm.COMMON) | {"sort_order"}
    for kind in step_kinds.STEP_KINDS.values():
        names = set(kind.settings_fields(definition=definition))
        assert not names & seen, kind.value
        seen |= names
    field = Step._meta.get_field("kind")
    assert [value for value, _label in field.choices] == list(step_kinds.STEP_KINDS)


def test_a_declared_kind_is_edited_saved_described_and_exported(client, partner, call_kind):
    definition, version = empty_process(partner)
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    add = reverse("workflows_definitions:step_add", args=[definition.pk])
    page = client.get(add).content.decode()
    assert 'id="call-settings"' in page and "Number to call" in page

    data = {"kind": "call", "key": "ring", "name_th": "โทรติดตาม", "due_unit": "hours"}
    response = client.post(add, data)
    assert response.status_code == 200 and "Say which number to call." in response.content.decode()
    assert not version.steps.exists()

    # Settings of other kinds sent along (no JavaScript) are not kept.
    response = client.post(
        add, {**data, "call_number": "1300", "outcome": "other", "due": "3", "role": "caseworker"}
    )
    assert response.status_code == 302
    step = version.steps.get()
    assert (step.kind, step.settings) == ("call", {"number": "1300"})
    assert (step.outcome, step.role, step.due_hours) == ("", "", None)

    draft = client.get(reverse("workflows_definitions:draft", args=[definition.pk]))
    assert "Call 1300" in draft.content.decode()
    entry = bundle_export(processes=[definition])["processes"][0]["versions"][0]["steps"][0]
    assert entry["kind"] == "call" and entry["settings"] == {"number": "1300"}


def test_changing_a_steps_kind_drops_what_the_old_kind_used(partner, call_kind):
    from workflows.services.definitions import step_save

    _definition, version = empty_process(partner)
    step = step_save(
        version=version, key="end", kind="end", name_th="จบ", outcome="other", is_start=False
    )
    step = step_save(version=version, step=step, kind="call", settings={"number": "1300"})
    assert (step.outcome, step.settings) == ("", {"number": "1300"})
    step = step_save(version=version, step=step, kind="end", outcome="other")
    assert (step.outcome, step.settings) == ("other", {})
