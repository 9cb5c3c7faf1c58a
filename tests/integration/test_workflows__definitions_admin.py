"""The process administration: scoping and denials, building a draft, publishing, migrating."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from viewflow.workflow.status import STATUS
from wagtail.users.models import UserProfile

from forms_builder.models import VersionStatus
from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_partners import central_administrator
from tests.factories_processes import empty_process, two_step_draft
from tests.factories_workflows import client_at, note_form, screening_form
from workflows.models import CaseEvent, CaseEventKind, CaseTask, ProcessDefinition, ProcessKind
from workflows.services.cases import case_start
from workflows.services.definitions import (
    process_definition_create,
    process_version_draft,
    process_version_publish,
    step_save,
)


def url(name, *args):
    return reverse(f"workflows_definitions:{name}", args=args)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def in_english(user):
    """The admin follows the user's preferred language; these tests read English messages."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def admin_a(partner):
    return in_english(member(Role.ADMINISTRATOR, partner=partner))


@pytest.fixture
def process_b(other_partner):
    definition, _version = two_step_draft(other_partner, key="b_intake")
    return definition


@pytest.fixture
def shared_process(db):
    return process_definition_create(
        partner=None, key="shared", name_th="กระบวนการกลาง", kind=ProcessKind.OTHER
    )


def condition_rows(*rows) -> dict:
    data = {
        "condition-TOTAL_FORMS": str(max(len(rows), 1)),
        "condition-INITIAL_FORMS": "0",
        "condition-MIN_NUM_FORMS": "0",
        "condition-MAX_NUM_FORMS": "1000",
    }
    for index, (group, field, operator, value) in enumerate(rows):
        data.update(
            {
                f"condition-{index}-group": str(group),
                f"condition-{index}-field": field,
                f"condition-{index}-operator": operator,
                f"condition-{index}-value": value,
            }
        )
    if not rows:
        data["condition-0-group"] = "1"
    return data


def test_the_list_shows_own_and_network_processes_only(
    client, partner, admin_a, process_b, shared_process
):
    own, _version = two_step_draft(partner)
    client.force_login(admin_a)
    html = client.get(url("index")).content.decode()
    assert own.name_th in html and shared_process.name_th in html
    assert process_b.name_th not in html or f"/processes/{process_b.pk}/" not in html
    client.force_login(central_administrator())
    html = client.get(url("index")).content.decode()
    assert f"/processes/{process_b.pk}/" in html and f"/processes/{own.pk}/" in html


@pytest.mark.parametrize(
    ("name", "method", "extra"),
    [
        ("detail", "get", ()),
        ("draft", "get", ()),
        ("publish", "post", ()),
        ("export", "get", ()),
        ("version", "get", (1,)),
        ("step_add", "get", ()),
        ("details", "get", ()),
        ("draft_start", "post", ()),
        ("migrate", "get", (1,)),
    ],
)
def test_another_partners_process_is_a_404(client, admin_a, process_b, name, method, extra):
    client.force_login(admin_a)
    response = getattr(client, method)(url(name, process_b.pk, *extra))
    assert response.status_code == 404
    assert process_b.versions.get().status == VersionStatus.DRAFT


def test_another_partners_steps_and_decisions_are_404_too(client, admin_a, partner, process_b):
    own, _version = two_step_draft(partner)
    foreign_step = process_b.versions.get().steps.first()
    foreign_decision = process_b.versions.get().transitions.first()
    client.force_login(admin_a)
    assert client.get(url("step_edit", own.pk, foreign_step.pk)).status_code == 404
    assert client.post(url("step_delete", own.pk, foreign_step.pk)).status_code == 404
    assert client.get(url("transition_edit", own.pk, foreign_decision.pk)).status_code == 404
    assert client.get(url("transition_add", own.pk, foreign_step.pk)).status_code == 404
    assert foreign_step.__class__.objects.filter(pk=foreign_step.pk).exists()


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR, Role.COMMUNICATIONS])
def test_non_administrators_cannot_open_the_process_admin(client, partner, role):
    own, _version = two_step_draft(partner)
    client.force_login(member(role, partner=partner))
    for address in (url("index"), url("detail", own.pk), url("draft", own.pk)):
        response = client.get(address)
        assert response.status_code in (302, 403)
        assert "processes" not in response.get("Location", "")


def test_the_menu_shows_processes_to_administrators_only(client, partner, admin_a):
    client.force_login(admin_a)
    assert url("index") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(member(Role.CASEWORKER, partner=partner))
    assert url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_network_wide_processes_are_read_only_for_partner_administrators(
    client, admin_a, shared_process
):
    client.force_login(admin_a)
    assert client.get(url("detail", shared_process.pk)).status_code == 200
    assert client.get(url("draft", shared_process.pk)).status_code == 404
    assert client.post(url("publish", shared_process.pk)).status_code == 404
    assert client.get(url("step_add", shared_process.pk)).status_code == 404
    client.force_login(central_administrator())
    assert client.get(url("draft", shared_process.pk)).status_code == 200


def test_a_partner_administrator_creates_only_for_their_partners(
    client, partner, other_partner, admin_a
):
    client.force_login(admin_a)
    data = {"key": "new_one", "name_th": "ใหม่", "kind": ProcessKind.INTAKE}
    response = client.post(url("create"), {**data, "partner": other_partner.pk})
    assert response.status_code == 200 and not ProcessDefinition.objects.filter(key="new_one")
    response = client.post(url("create"), {**data, "partner": ""})
    assert response.status_code == 200 and not ProcessDefinition.objects.filter(key="new_one")
    response = client.post(url("create"), {**data, "partner": partner.pk})
    definition = ProcessDefinition.objects.get(key="new_one")
    assert response.status_code == 302 and response["Location"] == url("draft", definition.pk)
    assert definition.partner == partner and definition.versions.get().number == 1


def test_building_a_draft_in_the_admin_and_publishing_it(client, partner, admin_a):
    screening, note = screening_form(partner), note_form(partner)
    foreign_form = note_form(PartnerFactory(), key="foreign_form")
    client.force_login(admin_a)
    client.post(
        url("create"), {"partner": partner.pk, "key": "p", "name_th": "ก", "kind": "intake"}
    )
    definition = ProcessDefinition.objects.get(key="p")
    step = {"kind": "human", "role": "caseworker", "due_unit": "days"}
    response = client.post(
        url("step_add", definition.pk),
        {**step, "key": "screen", "name_th": "คัดกรอง", "form_version": foreign_form.pk},
    )
    assert response.status_code == 200  # another partner's form is not a choice
    client.post(
        url("step_add", definition.pk),
        {
            **step,
            "key": "screen",
            "name_th": "คัดกรอง",
            "form_version": screening.pk,
            "is_start": "on",
            "due": "2",
        },
    )
    client.post(
        url("step_add", definition.pk),
        {**step, "key": "assess", "name_th": "ประเมิน", "form_version": note.pk},
    )
    response = client.post(
        url("step_add", definition.pk),
        {"kind": "end", "key": "imm", "name_th": "ตม.", "due_unit": "hours"},
    )
    assert "An end step needs an outcome." in response.content.decode()
    client.post(
        url("step_add", definition.pk),
        {
            "kind": "end",
            "key": "imm",
            "name_th": "ตม.",
            "outcome": "immigration",
            "due_unit": "hours",
        },
    )
    client.post(
        url("step_add", definition.pk),
        {"kind": "end", "key": "done", "name_th": "เสร็จ", "outcome": "other", "due_unit": "hours"},
    )
    version = definition.versions.get()
    steps = {s.key: s for s in version.steps.all()}
    assert steps["screen"].due_hours == 48 and steps["screen"].is_start
    # Publishing now fails, and says which steps lack a way out.
    html = client.post(url("publish", definition.pk)).content.decode()
    assert "has no way out" in html and "คัดกรอง" in html
    # A condition may only use fields of forms before the decision: "summary" is later.
    response = client.post(
        url("transition_add", definition.pk, steps["screen"].pk),
        {
            "target": steps["imm"].pk,
            "label_th": "ต่างชาติ",
            **condition_rows((1, "summary", "not_empty", "")),
        },
    )
    assert response.status_code == 200 and not version.transitions.exists()
    response = client.post(
        url("transition_add", definition.pk, steps["screen"].pk),
        {
            "target": steps["imm"].pk,
            "label_th": "ต่างชาติ",
            **condition_rows((1, "nationality", "equals", "martian")),
        },
    )
    assert "is not a choice of this field" in response.content.decode()
    client.post(
        url("transition_add", definition.pk, steps["screen"].pk),
        {
            "target": steps["imm"].pk,
            "label_th": "ต่างชาติ",
            "label_en": "Foreign",
            **condition_rows((1, "nationality", "equals", "foreign"), (2, "age", "gte", "90")),
        },
    )
    client.post(
        url("transition_add", definition.pk, steps["screen"].pk),
        {
            "target": steps["assess"].pk,
            "label_th": "ประเมิน",
            "is_default": "on",
            **condition_rows(),
        },
    )
    client.post(
        url("transition_add", definition.pk, steps["assess"].pk),
        {"target": steps["done"].pk, "label_th": "เสร็จ", "is_default": "on", **condition_rows()},
    )
    foreign = version.transitions.get(label_th="ต่างชาติ")
    assert foreign.condition == {
        "any": [
            {"all": [{"field": "nationality", "operator": "equals", "value": "foreign"}]},
            {"all": [{"field": "age", "operator": "gte", "value": 90}]},
        ]
    }
    html = client.get(url("draft", definition.pk)).content.decode()
    assert "<svg" in html and 'data-step="imm"' in html
    response = client.post(url("publish", definition.pk))
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED
    # Published: the edit URLs are gone until a new draft is started.
    assert client.get(url("step_edit", definition.pk, steps["screen"].pk)).status_code == 404
    client.post(url("draft_start", definition.pk))
    assert definition.versions.get(number=2).status == VersionStatus.DRAFT
    html = client.get(url("version", definition.pk, 1)).content.decode()
    assert (
        "Foreign" in html
        and "<svg" in html
        and url("step_edit", definition.pk, steps["screen"].pk) not in html
    )


def test_export_holds_the_process_and_its_forms(client, partner, admin_a):
    definition, version = two_step_draft(partner)
    process_version_publish(version=version)
    client.force_login(admin_a)
    response = client.get(url("export", definition.pk) + "?versions=latest")
    document = json.loads(response.content)
    assert [p["key"] for p in document["processes"]] == [definition.key]
    assert {f["key"] for f in document["forms"]} == {"screening", "note_intake"}


def test_the_migration_screen_previews_then_moves(client, partner, admin_a):
    definition, v1 = two_step_draft(partner)
    process_version_publish(version=v1)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    v2 = process_version_draft(definition=definition)
    step_save(version=v2, step=v2.steps.get(key="screen"), name_th="คัดกรองใหม่")
    process_version_publish(version=v2)
    client.force_login(admin_a)
    assert (
        url("migrate", definition.pk, 1)
        in client.get(url("detail", definition.pk)).content.decode()
    )
    old_step = v1.steps.get(key="screen")
    new_step = v2.steps.get(key="screen")
    field = f"step_{old_step.pk}"
    html = client.get(url("migrate", definition.pk, 1)).content.decode()
    assert f'value="{new_step.pk}" selected' in html  # same key: proposed
    response = client.post(
        url("migrate", definition.pk, 1), {"to": "2", field: "", "action": "preview"}
    )
    assert "choose where they go" in response.content.decode()
    response = client.post(
        url("migrate", definition.pk, 1), {"to": "2", field: "", "action": "apply"}
    )
    case.refresh_from_db()
    assert case.process_version == v1 and 'id="migration-changed"' in response.content.decode()
    html = client.post(
        url("migrate", definition.pk, 1), {"to": "2", field: new_step.pk, "action": "preview"}
    ).content.decode()
    assert case.reference in html and "คัดกรองใหม่" in html
    token = re.search(r'name="previewed" value="([^"]+)"', html).group(1)
    response = client.post(
        url("migrate", definition.pk, 1),
        {"to": "2", field: new_step.pk, "action": "apply", "previewed": token},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.process_version_id == v2.pk and case.current_step_id == new_step.pk
    assert CaseTask.objects.get(process=case, status=STATUS.NEW).step_id == new_step.pk
    event = case.events.get()
    assert event.kind == CaseEventKind.MOVED and event.actor == admin_a
    assert event.details == {
        "from_version": 1,
        "from_step": old_step.name,
        "to_version": 2,
        "to_step": "คัดกรองใหม่",
    }


def test_moving_cases_applies_what_was_previewed_and_nothing_else(client, partner, admin_a):
    """Preview "screening", change the dropdown to another step, click move: nothing moves, and
    the screen previews what is chosen now. A case that closes after the preview stops it too."""
    definition, v1 = two_step_draft(partner)
    process_version_publish(version=v1)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    v2 = process_version_draft(definition=definition)
    process_version_publish(version=v2)
    old_step = v1.steps.get(key="screen")
    same, other = v2.steps.get(key="screen"), v2.steps.get(key="assess")
    field = f"step_{old_step.pk}"
    client.force_login(admin_a)
    html = client.post(
        url("migrate", definition.pk, 1), {"to": "2", field: same.pk, "action": "preview"}
    ).content.decode()
    token = re.search(r'name="previewed" value="([^"]+)"', html).group(1)
    response = client.post(
        url("migrate", definition.pk, 1),
        {"to": "2", field: other.pk, "action": "apply", "previewed": token},
    )
    case.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 200 and case.process_version_id == v1.pk
    assert 'id="migration-changed"' in html and other.name in html
    # A forged or stale token moves nothing either.
    client.post(
        url("migrate", definition.pk, 1),
        {"to": "2", field: same.pk, "action": "apply", "previewed": token + "x"},
    )
    case.refresh_from_db()
    assert case.process_version_id == v1.pk
    # The previewed case closes before the click: the move is refused, nothing changes.
    v1.refresh_from_db()
    second = case_start(partner=partner, client=client_at(partner), version=v1)
    response = client.post(
        url("migrate", definition.pk, 1),
        {"to": "2", field: same.pk, "action": "apply", "previewed": token},
    )
    second.refresh_from_db()
    assert second.process_version_id == v1.pk
    assert "changed since the preview" in response.content.decode()
    assert not CaseEvent.objects.exists()


def test_the_admin_pages_render(client, partner, admin_a):
    definition, version = two_step_draft(partner)
    step = version.steps.get(key="screen")
    decision = version.transitions.filter(condition__isnull=False).first()
    client.force_login(admin_a)
    for address in (
        url("index"),
        url("create"),
        url("detail", definition.pk),
        url("details", definition.pk),
        url("draft", definition.pk),
        url("step_add", definition.pk),
        url("step_edit", definition.pk, step.pk),
        url("step_delete", definition.pk, step.pk),
        url("transition_add", definition.pk, step.pk),
        url("transition_edit", definition.pk, decision.pk),
        url("transition_delete", definition.pk, decision.pk),
        url("version", definition.pk, 1),
    ):
        assert client.get(address).status_code == 200, address
    html = client.get(url("transition_edit", definition.pk, decision.pk)).content.decode()
    assert 'value="foreign"' in html  # the saved row is shown for editing
    html = client.get(url("draft", definition.pk)).content.decode()
    assert "when nationality equals Foreign" in html  # conditions read as words, with labels
    empty, _v = empty_process(partner, key="empty")
    assert client.get(url("draft", empty.pk)).status_code == 200


def test_the_list_and_the_draft_take_a_bounded_number_of_queries(
    client, partner, admin_a, django_assert_max_num_queries
):
    for number in range(6):
        two_step_draft(partner, key=f"p{number}")
    definition = ProcessDefinition.objects.get(key="p0")
    client.force_login(admin_a)
    client.get(url("index"))
    with django_assert_max_num_queries(25):
        assert client.get(url("index")).status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(url("draft", definition.pk)).status_code == 200


def test_the_forms_admin_lists_the_processes_using_a_form_version(client, partner, admin_a):
    definition, version = two_step_draft(partner)
    form = version.steps.get(key="screen").form_version.definition
    client.force_login(admin_a)
    html = client.get(reverse("forms_builder_admin:detail", args=[form.pk])).content.decode()
    assert url("version", definition.pk, 1) in html
