"""Importing planned follow-ups (through follow_up_add: each gets its due item) and a partner's
people and roles (through the people admin's services: no password, only the partner's own
people): the dry run, all or nothing, idempotence, isolation and who may import."""

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from partners.models import Membership, Role, User
from scheduling.models import DueItem
from tests.factories import member
from tests.factories_workflows import client_at, screening_process
from tests.integration.test_imports__clients import csv_bytes
from tests.integration.test_workflows__follow_ups import follow_up_process
from thai.dates import BE_OFFSET
from workflows.models import Case, FollowUp
from workflows.services.cases import case_start
from workflows.services.imports import ImportRefused
from workflows.services.register_imports import (
    KINDS,
    register_import_commit,
    register_import_preview,
)


def be(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year + BE_OFFSET}"


def preview(kind, partner, user, data):
    return register_import_preview(
        kind=KINDS[kind], partner=partner, user=user, data=data, name="register.csv"
    )


def commit(kind, partner, user, data):
    return register_import_commit(
        kind=KINDS[kind], partner=partner, user=user, data=data, name="register.csv"
    )


def problems(plan):
    return [(p.row, p.column) for p in plan.problems]


# Follow-ups

FOLLOW_UP_HEADERS = ["เลขที่เรื่อง", "กระบวนการติดตามผล", "วันที่ติดตามผล", "จำนวนวันล่วงหน้า"]


@pytest.fixture
def supervisor(partner):
    return member(Role.SUPERVISOR, partner=partner)


@pytest.fixture
def case(partner):
    follow_up_process(partner)
    case = case_start(
        partner=partner, client=client_at(partner), definition=screening_process(partner)
    )
    Case.objects.filter(pk=case.pk).update(source_reference="ทบ.66/001")
    return case


def follow_up_rows(case):
    later = timezone.localdate() + relativedelta(months=3)
    return [
        ["ทบ.66/001", "เยี่ยมติดตาม", be(later), ""],
        [case.reference, "visit", be(later + dt.timedelta(days=30)), "๓"],
    ]


def test_follow_ups_are_planned_through_the_service(partner, supervisor, case):
    data = csv_bytes(follow_up_rows(case), FOLLOW_UP_HEADERS)
    plan = preview("follow-ups", partner, supervisor, data)
    assert plan.problems == [] and plan.counts["new"] == 2
    assert not FollowUp.objects.exists()
    commit("follow-ups", partner, supervisor, data)
    planned = list(FollowUp.objects.filter(case=case).order_by("due_on"))
    assert [f.lead_days for f in planned] == [7, 3]
    assert all(f.reason and f.changed_by == supervisor for f in planned)
    for follow_up in planned:
        assert DueItem.objects.filter(key=f"follow_up:{follow_up.pk}").exists()
    again = commit("follow-ups", partner, supervisor, data)
    assert again.counts == {"new": 0, "updated": 0, "linked": 0, "unchanged": 2}
    assert FollowUp.objects.count() == 2


def test_follow_up_problems_and_all_or_nothing(partner, supervisor, case):
    past = timezone.localdate() - dt.timedelta(days=3)
    rows = [
        *follow_up_rows(case),
        ["ไม่มีเรื่องนี้", "เยี่ยมติดตาม", be(past), ""],
        ["ทบ.66/001", "ไม่มีกระบวนการนี้", "ไม่ใช่วันที่", "500"],
    ]
    with pytest.raises(ImportRefused) as refused:
        commit("follow-ups", partner, supervisor, csv_bytes(rows, FOLLOW_UP_HEADERS))
    found = problems(refused.value.plan)
    assert (4, "เลขที่เรื่อง") in found and (4, "วันที่ติดตามผล") in found
    assert (5, "กระบวนการติดตามผล") in found and (5, "วันที่ติดตามผล") in found
    assert (5, "จำนวนวันล่วงหน้า") in found
    assert not FollowUp.objects.exists()


def test_follow_ups_never_reach_another_partners_case(partner, other_partner, supervisor, case):
    other_supervisor = member(Role.SUPERVISOR, partner=other_partner)
    data = csv_bytes(follow_up_rows(case), FOLLOW_UP_HEADERS)
    plan = preview("follow-ups", other_partner, other_supervisor, data)
    assert [row for row, _column in problems(plan)] == [2, 2, 3, 3]  # case and process unknown
    with pytest.raises(PermissionDenied):
        preview("follow-ups", partner, other_supervisor, data)
    with pytest.raises(PermissionDenied):
        commit("follow-ups", partner, member(Role.CASEWORKER, partner=partner), data)
    assert not FollowUp.objects.exists()


# People

PEOPLE_HEADERS = ["Username", "First name", "Last name", "Email", "Role"]
PEOPLE_ROWS = [
    ["somsri", "สมศรี", "ดีงาม", "somsri@example.org", "เจ้าหน้าที่ผู้ปฏิบัติงาน"],
    ["somsri", "สมศรี", "ดีงาม", "somsri@example.org", "supervisor"],
    ["wichai", "วิชัย", "", "wichai@example.org", "Caseworker"],
]


@pytest.fixture
def administrator(partner):
    return member(Role.ADMINISTRATOR, partner=partner)


def test_people_are_created_without_a_password_with_their_roles(partner, administrator):
    data = csv_bytes(PEOPLE_ROWS, PEOPLE_HEADERS)
    plan = preview("people", partner, administrator, data)
    assert plan.problems == []
    assert (plan.counts["new"], plan.counts["updated"]) == (2, 1)
    assert not User.objects.filter(username="somsri").exists()
    commit("people", partner, administrator, data)
    somsri = User.objects.get(username="somsri")
    assert not somsri.has_usable_password()
    assert set(Membership.objects.filter(user=somsri).values_list("partner", "role")) == {
        (partner.pk, Role.CASEWORKER),
        (partner.pk, Role.SUPERVISOR),
    }
    assert somsri.groups.count() == 2  # the role groups, as the people admin gives them
    again = commit("people", partner, administrator, data)
    assert again.counts["unchanged"] == 3


def test_people_updates_and_new_roles(partner, administrator):
    commit("people", partner, administrator, csv_bytes(PEOPLE_ROWS, PEOPLE_HEADERS))
    rows = [["wichai", "วิชัย", "ใจกล้า", "wichai@example.org", "ผู้ดูแลระบบ"]]
    plan = commit("people", partner, administrator, csv_bytes(rows, PEOPLE_HEADERS))
    assert plan.counts["updated"] == 1
    wichai = User.objects.get(username="wichai")
    assert wichai.last_name == "ใจกล้า"
    assert Membership.objects.filter(user=wichai, role=Role.ADMINISTRATOR).exists()


def test_people_of_another_partner_are_never_touched(partner, other_partner, administrator):
    elsewhere = member(Role.CASEWORKER, partner=other_partner, username="elsewhere")
    nowhere = User.objects.create(username="nowhere")
    boss = User.objects.create(username="boss", is_superuser=True)
    rows = [
        [person.username, "ใหม่", "", "x@example.org", "caseworker"]
        for person in (elsewhere, nowhere, boss)
    ]
    plan = preview("people", partner, administrator, csv_bytes(rows, PEOPLE_HEADERS))
    assert problems(plan) == [(2, "Username"), (3, "Username"), (4, "Username")]
    elsewhere.refresh_from_db()
    assert elsewhere.first_name != "ใหม่"
    assert not Membership.objects.filter(partner=partner, user__in=[elsewhere, nowhere, boss])


def test_people_problems(partner, administrator):
    rows = [
        ["bad name!", "", "", "a@example.org", "caseworker"],
        ["noemail", "", "", "", "caseworker"],
        ["badrole", "", "", "b@example.org", "เจ้านาย"],
        ["twice", "ก", "", "t@example.org", "caseworker"],
        ["twice", "ข", "", "t@example.org", "supervisor"],
        ["same", "", "", "not-an-email", "caseworker"],
    ]
    with pytest.raises(ImportRefused) as refused:
        commit("people", partner, administrator, csv_bytes(rows, PEOPLE_HEADERS))
    assert problems(refused.value.plan) == [
        (2, "Username"),
        (3, "Email"),
        (4, "Role"),
        (6, "Username"),
        (7, "Email"),
    ]
    assert not User.objects.filter(username__in=["noemail", "badrole", "twice"]).exists()


def test_only_administrators_import_people_for_their_own_partner(
    client, partner, other_partner, administrator
):
    data = csv_bytes(PEOPLE_ROWS, PEOPLE_HEADERS)
    for user in (
        member(Role.SUPERVISOR, partner=partner),
        member(Role.ADMINISTRATOR, partner=other_partner),
    ):
        with pytest.raises(PermissionDenied):
            preview("people", partner, user, data)
        with pytest.raises(PermissionDenied):
            commit("people", partner, user, data)
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    url = reverse("workflows_admin:register_import", args=["people"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(administrator)
    assert client.get(url).status_code == 200
    assert not User.objects.filter(username="somsri").exists()


def test_each_kinds_template_downloads_for_those_who_may_import_it(client, partner, case):
    import io

    import openpyxl

    client.force_login(member(Role.SUPERVISOR, partner=partner))
    url = reverse("workflows_admin:register_import_template", args=["follow-ups"])
    response = client.get(url)
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book.worksheets[0][1]][:2] == [
        "เลขที่เรื่อง / Case reference",
        "กระบวนการติดตามผล / Follow-up process",
    ]
    assert [c.value for c in book["lists"]["B"] if c.value] == ["เยี่ยมติดตาม"]
    people = reverse("workflows_admin:register_import_template", args=["people"])
    assert client.get(people).status_code in (302, 403)
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    book = openpyxl.load_workbook(io.BytesIO(client.get(people).content))
    assert book.worksheets[0].data_validations.dataValidation  # the roles


def test_a_json_register_is_read_too(partner, administrator):
    import json

    data = json.dumps(
        [{"username": "json.person", "email": "j@example.org", "role": "caseworker"}]
    ).encode()
    plan = register_import_preview(
        kind=KINDS["people"], partner=partner, user=administrator, data=data, name="p.json"
    )
    assert plan.problems == [] and plan.counts["new"] == 1


def test_a_register_longer_than_the_limit_is_refused_whole(partner, administrator, monkeypatch):
    import workflows.imports.registers

    monkeypatch.setattr(workflows.imports.registers, "MAX_ROWS", 2)
    plan = preview("people", partner, administrator, csv_bytes(PEOPLE_ROWS, PEOPLE_HEADERS))
    assert problems(plan) == [(0, "")] and "2" in plan.problems[0].message
