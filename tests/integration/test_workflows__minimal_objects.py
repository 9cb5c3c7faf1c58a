"""Objects holding only their required fields — a client without a name (every client a public
report creates), a case with no answers yet — open on every staff page without a server error,
and every model's name is a real string. Dates that cannot be true are refused."""

import datetime as dt

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone, translation

from forms_builder.models import FieldType
from forms_builder.runtime.dynamic_form import form_for
from partners.models import Role
from tests.factories import member
from tests.factories_reports import report_data, report_form, report_network
from tests.factories_workflows import published_form
from tests.factories_workspace import open_task
from workflows.forms.clients import ClientForm
from workflows.models import Client
from workflows.services.cases import task_claim
from workflows.services.public_reports import public_report_submit

OUR_APPS = ("partners", "forms_builder", "workflows", "cms", "thai")


@pytest.fixture
def nameless_case(db):
    network = report_network()
    report = public_report_submit(
        form=report_form(report_data("200402")), reporter={}, consent=False
    )
    return network["pattaya"], report.case


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_staff_page_opens_for_a_client_without_a_name(client, nameless_case, language):
    partner, case = nameless_case
    supervisor = member(Role.SUPERVISOR, partner=partner)
    task = open_task(case)
    client.force_login(supervisor)
    client.cookies["django_language"] = language
    with translation.override(language):
        pages = [
            reverse("workflows_admin:client", args=[case.client_id]),
            reverse("workflows_admin:client_edit", args=[case.client_id]),
            reverse("workflows_admin:case", args=[case.pk]),
            reverse("workflows_admin:task", args=[task.pk]),
            reverse("workflows_admin:queue"),
            reverse("workflows_admin:client_index") + "?q=",
            reverse("workflows_admin:dashboard"),
        ]
        for address in pages:
            assert client.get(address).status_code == 200, address
        task_claim(task=task, user=supervisor)
        for address in (reverse("workflows_admin:inbox"), pages[3]):
            assert client.get(address).status_code == 200, address


def test_every_model_names_itself_with_a_real_string(nameless_case):
    """str() raises TypeError when __str__ returns a lazy translation: try one row of each."""
    for language in ("th", "en"):
        with translation.override(language):
            for model in apps.get_models():
                if model._meta.app_label not in OUR_APPS:
                    continue
                for instance in model._default_manager.all()[:3]:
                    assert isinstance(str(instance), str), model


def test_a_birth_date_in_the_future_is_refused_and_never_shows_a_negative_age(partner):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with translation.override("th"):
        form = ClientForm(
            data={
                "first_name": "สมชาย",
                "id_status": "none",
                "sex": "unknown",
                "birth_date": f"{tomorrow.day}/{tomorrow.month}/{tomorrow.year + 543}",
            },
            partners=[partner],
        )
        assert not form.is_valid() and "birth_date" in form.errors
    assert Client(birth_date=tomorrow).age is None


def test_an_administrator_can_refuse_dates_that_have_not_happened(db):
    version = published_form(
        None,
        "event_dates",
        [
            {
                "key": "found_on",
                "field_type": FieldType.DATE,
                "validation": {"not_in_future": True},
            },
            {
                "key": "seen_at",
                "field_type": FieldType.DATETIME,
                "validation": {"not_in_future": True},
            },
            {"key": "next_visit", "field_type": FieldType.DATE},
        ],
    )
    later = timezone.localtime() + dt.timedelta(days=2)
    be = f"{later.day}/{later.month}/{later.year + 543}"
    with translation.override("th"):
        form = form_for(
            version=version,
            data={"found_on": be, "seen_at_0": be, "seen_at_1": "10:00", "next_visit": be},
        )
        assert not form.is_valid()
        assert set(form.errors) == {"found_on", "seen_at"}


def test_the_field_editor_sets_and_shows_the_not_in_the_future_rule():
    from forms_builder.admin.field_forms import FieldSettingsForm
    from forms_builder.models import FieldDefinition

    form = FieldSettingsForm(
        data={"key": "born_on", "label_th": "วันเกิด", "not_in_future": "on"},
        field_type=FieldType.DATE,
        sibling_keys=set(),
    )
    assert form.is_valid(), form.errors
    assert form.attrs()["validation"] == {"not_in_future": True}
    field = FieldDefinition(
        key="born_on", field_type=FieldType.DATE, validation={"not_in_future": True}
    )
    assert FieldSettingsForm.initial_for(field)["not_in_future"] is True
    text = FieldSettingsForm(field_type=FieldType.SHORT_TEXT, sibling_keys=set())
    assert "not_in_future" not in text.fields
