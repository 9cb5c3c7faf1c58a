"""Exports of the client list and the task lists: only what the user sees, with the page's filters,
Thai headers and Buddhist-era dates, IDs masked for those who do not work with the person, and
every export in the audit log."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at
from tests.factories_workspace import case_at
from workflows.models import AccessKind, AccessRecord
from workflows.views.workspace.exports import EXPORT_ACTION

VALID_ID = "1101700230708"


def url(name, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{reverse(f'workflows_admin:{name}')}?{query}"


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[list]:
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


@pytest.fixture
def people(partner, other_partner):
    client_at(
        partner,
        first_name="สมชาย",
        national_id=VALID_ID,
        id_status="thai_id",
        birth_date=dt.date(2020, 8, 6),
    )
    client_at(partner, first_name="มานี")
    client_at(other_partner, first_name="ของเขา")


def test_client_export_holds_only_visible_clients_with_thai_headers_and_be_dates(
    client, partner, people
):
    worker = member(Role.CASEWORKER, partner=partner)
    client.force_login(worker)
    rows = csv_rows(client.get(url("client_export", format="csv")))
    assert rows[0][:2] == ["ชื่อ", "นามสกุล"]
    names = [row[0] for row in rows[1:]]
    assert sorted(names) == ["มานี", "สมชาย"]
    somchai = next(row for row in rows if row[0] == "สมชาย")
    assert VALID_ID in somchai and "06/08/2563" in somchai
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == worker and entry.data["rows"] == 2 and entry.data["list"] == "clients"


def test_client_export_keeps_the_search_filter_and_xlsx_works(client, partner, people):
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    rows = xlsx_rows(client.get(url("client_export", format="xlsx", q="มานี")))
    assert [row[0] for row in rows[1:]] == ["มานี"]


def test_a_holder_found_by_id_elsewhere_is_not_exported(client, partner, other_partner):
    client_at(other_partner, first_name="ที่อื่น", national_id=VALID_ID, id_status="thai_id")
    client.force_login(member(Role.CASEWORKER, partner=partner))
    rows = csv_rows(client.get(url("client_export", format="csv", q=VALID_ID)))
    assert rows[1:] == []


def test_administrators_get_masked_ids(client, partner, people):
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    rows = csv_rows(client.get(url("client_export", format="csv")))
    somchai = next(row for row in rows if row[0] == "สมชาย")
    assert VALID_ID not in somchai and "*********0708" in somchai


def test_task_exports_hold_only_the_partners_tasks(client, partner, other_partner):
    case_at(partner, first_name="เคสเรา")
    case_at(other_partner, first_name="เคสเขา")
    client.force_login(member(Role.CASEWORKER, partner=partner))
    queue = client.get(reverse("workflows_admin:queue")).content.decode()
    assert reverse("workflows_admin:queue_export") in queue
    rows = csv_rows(client.get(url("queue_export", format="csv")))
    assert len(rows) == 2 and "เคสเรา" in rows[1][1]
    assert csv_rows(client.get(url("inbox_export", format="csv")))[1:] == []
    assert client.get(url("approvals_export", format="csv")).status_code == 302


def test_approvals_export_for_supervisors(client, partner):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    client.force_login(supervisor)
    page = client.get(reverse("workflows_admin:approvals")).content.decode()
    assert reverse("workflows_admin:approvals_export") in page
    rows = csv_rows(client.get(url("approvals_export", format="csv")))
    assert rows[0][0] == "กรณี" and rows[1:] == []


@pytest.mark.parametrize("role", [Role.COMMUNICATIONS])
def test_communications_cannot_export(client, partner, people, role):
    client.force_login(member(role, partner=partner))
    for name in ("client_export", "queue_export", "inbox_export"):
        assert client.get(url(name, format="csv")).status_code == 302
    assert not ModelLogEntry.objects.filter(action=EXPORT_ACTION).exists()


def test_formulas_typed_as_names_stay_text(client, partner):
    client_at(partner, first_name='=HYPERLINK("http://x","y")')
    client.force_login(member(Role.CASEWORKER, partner=partner))
    rows = xlsx_rows(client.get(url("client_export", format="xlsx")))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")'


def test_an_unknown_format_is_a_404(client, partner):
    client.force_login(member(Role.CASEWORKER, partner=partner))
    assert client.get(url("client_export", format="pdf")).status_code == 404


def test_client_export_queries_do_not_grow(client, partner, django_assert_max_num_queries):
    for number in range(30):
        client_at(partner, first_name=f"ก{number}")
    client.force_login(member(Role.CASEWORKER, partner=partner))
    with django_assert_max_num_queries(16):  # and one per partner named
        rows = csv_rows(client.get(url("client_export", format="csv")))
    assert len(rows) == 31


def test_a_cases_answers_export_one_column_per_field_key_masked_and_audited(
    client, partner, other_partner
):
    from tests.factories_workspace import open_task
    from tests.integration.test_workflows__workspace import sensitive_case
    from workflows.services.cases import task_claim, task_complete

    case = sensitive_case(partner)
    worker = member(Role.CASEWORKER, partner=partner)
    task = task_claim(task=open_task(case), user=worker)
    task_complete(task=task, user=worker, data={"illness": "วัณโรค", "place": "ตลาด"})
    answers = reverse("workflows_admin:case_answers_export", args=[case.pk])
    client.force_login(worker)
    assert answers in client.get(reverse("workflows_admin:case", args=[case.pk])).content.decode()
    rows = csv_rows(client.get(f"{answers}?format=csv"))
    assert rows[0][3:] == ["illness", "place"] and rows[0][0] == "ขั้นตอน"
    assert rows[1][0] == "ถาม" and rows[1][3:] == ["วัณโรค", "ตลาด"]
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == worker and entry.data == {
        "list": "case-answers",
        "format": "csv",
        "rows": 1,
        "filters": "",
    }
    # The person's access log ("who has seen this person") lists the export.
    assert AccessRecord.objects.get(kind=AccessKind.EXPORT).client_id == case.client_id
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    book = xlsx_rows(client.get(f"{answers}?format=xlsx"))
    assert book[0][3:] == ["illness", "place"] and "วัณโรค" not in book[1] and "ตลาด" in book[1]
    client.force_login(member(Role.SUPERVISOR, partner=other_partner))
    assert client.get(f"{answers}?format=csv").status_code == 404


def test_an_exports_file_name_carries_todays_date_in_the_buddhist_era(client, partner, people):
    from django.utils import timezone

    client.force_login(member(Role.CASEWORKER, partner=partner))
    today = timezone.localdate()
    response = client.get(url("client_export", format="xlsx"))
    stamp = f"{today.year + 543}{today:%m%d}"
    assert f'filename="clients-{stamp}.xlsx"' in response["Content-Disposition"]
