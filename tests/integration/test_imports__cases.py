"""Importing a case register: historical cases with their outcome and dates, open cases whose task
waits in the right queue, answers by field key, the dry run, all or nothing, idempotence,
isolation and who may import."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.status import PROCESS, STATUS

from partners.models import Role
from scheduling.models import DueItem
from tests.factories import member
from tests.factories_workflows import client_at, screening_process
from tests.integration.test_imports__clients import csv_bytes, kept_files, xlsx_bytes
from thai.dates import fiscal_year_be
from workflows.imports.readers import sheet_read
from workflows.imports.template import import_template_xlsx
from workflows.models import (
    AccessKind,
    AccessRecord,
    Case,
    CaseSource,
    CaseTask,
    ClientImport,
    Outcome,
)
from workflows.selectors.cases import case_answers
from workflows.services.imports import ImportRefused
from workflows.services.register_imports import (
    KINDS,
    register_import_commit,
    register_import_preview,
)

KIND = KINDS["cases"]
VALID_ID = "1101700230708"
HEADERS = [
    "เลขที่เรื่องในทะเบียนเดิม",
    "เลขประจำตัวประชาชน",
    "เลขที่ผู้รับบริการในทะเบียนเดิม",
    "กระบวนการทำงาน",
    "ขั้นตอนปัจจุบัน",
    "ผลการดำเนินงาน",
    "วันที่เปิดเรื่อง",
    "วันที่ปิดเรื่อง",
    "age",
    "nationality",
]
ROWS = [
    # Ended in fiscal year 2563 (Oct 2019 - Sep 2020), opened in 2562.
    ["K1", "1-1017-00230-70-8", "", "คัดกรอง", "", "ช่วยเหลือในชุมชน", "5/9/2562", "6/8/2563"]
    + ["45", "ไทย"],
    # Still open, waiting at the assessment.
    ["K2", "", "R2", "คัดกรอง", "ประเมิน", "", "1 ม.ค. 2567", "", "", ""],
]


@pytest.fixture
def supervisor(partner):
    return member(Role.SUPERVISOR, partner=partner)


@pytest.fixture
def process(partner):
    return screening_process(partner)


@pytest.fixture
def clients(partner):
    return client_at(partner, national_id=VALID_ID), client_at(partner, source_reference="R2")


def preview(partner, user, data, name="cases.csv"):
    return register_import_preview(kind=KIND, partner=partner, user=user, data=data, name=name)


def commit(partner, user, data, name="cases.csv"):
    return register_import_commit(kind=KIND, partner=partner, user=user, data=data, name=name)


def problems(plan):
    return [(p.row, p.column) for p in plan.problems]


def test_preview_counts_and_writes_nothing(partner, supervisor, process, clients):
    plan = preview(partner, supervisor, csv_bytes(ROWS, HEADERS))
    assert plan.problems == []
    assert plan.counts["new"] == 2
    assert plan.unknown_headers == []
    assert not Case.objects.exists()


def test_historical_case_ends_with_its_outcome_and_dates(partner, supervisor, process, clients):
    Outcome.objects.filter(key="helped_in_community").update(anonymise_after_years=5)
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    case = Case.objects.get(source_reference="K1")
    assert case.status == PROCESS.DONE
    assert case.outcome == "helped_in_community"
    assert case.source == CaseSource.IMPORT
    assert timezone.localtime(case.created).date() == dt.date(2019, 9, 5)
    assert timezone.localtime(case.finished).date() == dt.date(2020, 8, 6)
    # Reports of past fiscal years count it where it belongs.
    assert fiscal_year_be(timezone.localtime(case.created).date()) == 2562
    assert fiscal_year_be(timezone.localtime(case.finished).date()) == 2563
    assert not CaseTask.objects.filter(process=case, status=STATUS.NEW).exists()
    assert case_answers(case=case) == {"age": 45, "nationality": "thai"}
    # Its retention check counts from the day it ended, not today.
    item = DueItem.objects.get(key=f"client-retention-{case.client_id}-case-{case.pk}")
    assert timezone.localtime(item.due_at).date() == dt.date(2025, 8, 7)


def test_open_case_waits_in_its_steps_queue(partner, supervisor, process, clients):
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    case = Case.objects.get(source_reference="K2")
    assert case.status != PROCESS.DONE and case.outcome == ""
    assert case.current_step.key == "assess"
    task = CaseTask.objects.get(process=case, status=STATUS.NEW)
    assert (task.step.key, task.role, task.partner) == ("assess", Role.CASEWORKER, partner)
    assert timezone.localtime(case.created).date() == dt.date(2024, 1, 1)


def test_reimport_changes_nothing(partner, supervisor, process, clients):
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    plan = commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    assert plan.counts["unchanged"] == 2 and plan.counts["new"] == 0
    assert Case.objects.count() == 2


def changed(row, **cells):
    """The row with some cells changed, by header index."""
    row = list(row)
    for index, value in cells.items():
        row[int(index[1:])] = value
    return row


def test_reimport_updates_dates_answers_and_outcome(partner, supervisor, process, clients):
    Outcome.objects.filter(key="helped_in_community").update(anonymise_after_years=5)
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    k1 = Case.objects.get(source_reference="K1")
    rows = [
        # Opened a day later, closed a month later, another age.
        changed(ROWS[0], c6="6/9/2562", c7="6/9/2563", c8="46"),
        ROWS[1],
    ]
    plan = preview(partner, supervisor, csv_bytes(rows, HEADERS))
    assert plan.problems == [] and plan.counts["updated"] == 1 and plan.counts["unchanged"] == 1
    commit(partner, supervisor, csv_bytes(rows, HEADERS))
    case = Case.objects.get(pk=k1.pk)
    assert timezone.localtime(case.created).date() == dt.date(2019, 9, 6)
    assert timezone.localtime(case.finished).date() == dt.date(2020, 9, 6)
    assert case_answers(case=case) == {"age": 46, "nationality": "thai"}
    assert CaseTask.objects.filter(process=case, data__imported=True).count() == 1
    item = DueItem.objects.get(key=f"client-retention-{case.client_id}-case-{case.pk}")
    assert timezone.localtime(item.due_at).date() == dt.date(2025, 9, 7)
    # The same file once more: nothing left to change.
    again = commit(partner, supervisor, csv_bytes(rows, HEADERS))
    assert again.counts["unchanged"] == 2 and again.counts["updated"] == 0


def test_reimport_closes_an_open_case_that_has_ended_since(partner, supervisor, process, clients):
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    rows = [ROWS[0], changed(ROWS[1], c4="", c5="ช่วยเหลือในชุมชน", c7="2/1/2567")]
    plan = commit(partner, supervisor, csv_bytes(rows, HEADERS))
    assert plan.counts["updated"] == 1
    case = Case.objects.get(source_reference="K2")
    assert case.status == PROCESS.DONE and case.outcome == "helped_in_community"
    assert timezone.localtime(case.finished).date() == dt.date(2024, 1, 2)
    assert not CaseTask.objects.filter(process=case, status=STATUS.NEW).exists()


def test_reimport_names_what_an_import_cannot_change(partner, supervisor, process, clients):
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    rows = [
        changed(ROWS[0], c5="", c7=""),  # reopen an ended case
        changed(ROWS[1], c4="screen"),  # move an open case to another step
    ]
    plan = preview(partner, supervisor, csv_bytes(rows, HEADERS))
    assert problems(plan) == [(2, "ผลการดำเนินงาน"), (3, "ขั้นตอนปัจจุบัน")]
    other = client_at(partner, national_id="3100600423216")
    rows = [changed(ROWS[0], c1="3100600423216"), ROWS[1]]  # another client
    plan = preview(partner, supervisor, csv_bytes(rows, HEADERS))
    assert problems(plan) == [(2, "เลขที่เรื่องในทะเบียนเดิม")] and other.pk
    with pytest.raises(ImportRefused):
        commit(partner, supervisor, csv_bytes(rows, HEADERS))
    assert Case.objects.get(source_reference="K1").client.national_id == VALID_ID


def test_reimport_leaves_answers_given_since_alone(partner, supervisor, process, clients):
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    case = Case.objects.get(source_reference="K1")
    answer_set = CaseTask.objects.get(process=case, data__imported=True).answer_set
    answer_set.data = {**answer_set.data, "note": "ภายหลัง"}
    answer_set.save()
    commit(partner, supervisor, csv_bytes([changed(ROWS[0], c8="50"), ROWS[1]], HEADERS))
    answer_set.refresh_from_db()
    assert answer_set.data["age"] == 50 and answer_set.data["note"] == "ภายหลัง"


def test_every_kind_of_row_problem(partner, supervisor, process, clients):
    rows = [
        ["", VALID_ID, "", "คัดกรอง", "", "", "1/1/2567", "", "", ""],  # no reference
        ["B2", "3555700961423", "", "คัดกรอง", "", "", "1/1/2567", "", "", ""],  # unknown client
        ["B3", "", "", "คัดกรอง", "", "", "1/1/2567", "", "", ""],  # no client key
        ["B4", VALID_ID, "", "ไม่มีกระบวนการนี้", "", "", "1/1/2567", "", "", ""],
        ["B5", VALID_ID, "", "คัดกรอง", "ไม่มีขั้นนี้", "", "1/1/2567", "", "", ""],
        ["B6", VALID_ID, "", "คัดกรอง", "", "ช่วยเหลือในชุมชน", "1/1/2567", "", "", ""],
        ["B7", VALID_ID, "", "คัดกรอง", "", "", "1/1/2567", "1/1/2566", "", ""],
        ["B8", VALID_ID, "", "คัดกรอง", "", "", "1/1/2567", "", "ห้าสิบ", "ลาว"],
        ["B8", VALID_ID, "", "คัดกรอง", "", "", "31/2/2567", "", "", ""],
    ]
    plan = preview(partner, supervisor, csv_bytes(rows, HEADERS))
    assert plan.total == 9  # every row read, though none will be written
    found = problems(plan)
    assert (2, "เลขที่เรื่องในทะเบียนเดิม") in found
    assert (3, "เลขประจำตัวประชาชน") in found
    assert (4, "เลขประจำตัวประชาชน") in found
    assert (5, "กระบวนการทำงาน") in found
    assert (6, "ขั้นตอนปัจจุบัน") in found
    assert (7, "วันที่ปิดเรื่อง") in found
    assert (8, "วันที่ปิดเรื่อง") in found  # outcome missing too: both said
    assert (8, "ผลการดำเนินงาน") in found
    assert (9, "age") in found and (9, "nationality") in found
    assert (10, "เลขที่เรื่องในทะเบียนเดิม") in found and (10, "วันที่เปิดเรื่อง") in found
    assert all(p.message for p in plan.problems)


def test_thai_messages(partner, supervisor, process, clients, settings):
    from django.utils import translation

    rows = [["B1", "3555700961423", "", "คัดกรอง", "", "", "1/1/2567", "", "", ""]]
    with translation.override("th"):
        plan = preview(partner, supervisor, csv_bytes(rows, HEADERS))
    assert "นำเข้าผู้รับบริการ" in plan.problems[0].message


def test_an_error_in_the_last_row_writes_nothing(partner, supervisor, process, clients):
    rows = [*ROWS, ["K3", VALID_ID, "", "คัดกรอง", "", "", "ไม่ใช่วันที่", "", "", ""]]
    with pytest.raises(ImportRefused):
        commit(partner, supervisor, csv_bytes(rows, HEADERS))
    assert not Case.objects.exists()
    assert not CaseTask.objects.exists()


def test_a_crash_half_way_leaves_nothing(partner, supervisor, process, clients, monkeypatch):
    import workflows.services.case_imports as case_imports

    real = case_imports._case_write
    calls = []

    def crash_on_second(values, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(values, **kwargs)

    monkeypatch.setattr(case_imports, "_case_write", crash_on_second)
    with pytest.raises(RuntimeError):
        commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    assert not Case.objects.exists()


def test_xlsx_with_english_headers(partner, supervisor, process, clients):
    english = [
        "Case register reference",
        "National ID",
        "Client register reference",
        "Process",
        "Current step",
        "Outcome",
        "Opened on",
        "Closed on",
        "age",
        "nationality",
    ]
    rows = [
        ["K1", VALID_ID, "", f"screening-{process.partner_id}", "", "Helped in the community"]
        + [dt.datetime(2019, 9, 5), "06-08-63", 45, "Thai"]
    ]
    plan = commit(partner, supervisor, xlsx_bytes(rows, english), name="cases.xlsx")
    assert plan.problems == [] and plan.counts["new"] == 1


def test_a_client_registered_elsewhere_is_linked(
    partner, other_partner, supervisor, process, clients
):
    client_at(other_partner, national_id="3555700961423")
    rows = [["K9", "3555700961423", "", "คัดกรอง", "", "", "1/1/2567", "", "", ""]]
    plan = commit(partner, supervisor, csv_bytes(rows, HEADERS))
    assert plan.counts["linked"] == 1
    assert Case.objects.get(source_reference="K9").partner == partner


def test_isolation_another_partners_process_and_cases(
    partner, other_partner, supervisor, process, clients
):
    other_process = screening_process(other_partner)
    other_admin = member(Role.SUPERVISOR, partner=other_partner)
    client_at(other_partner, source_reference="R2")
    commit(other_partner, other_admin, csv_bytes([ROWS[1]], HEADERS))
    assert other_process.partner == other_partner
    # The same reference at this partner is a new case here: the other partner's is untouched.
    plan = preview(partner, supervisor, csv_bytes([ROWS[1]], HEADERS))
    assert plan.counts["new"] == 1
    # Another partner's process cannot be named.
    rows = [["K5", VALID_ID, "", f"screening-{other_partner.pk}", "", "", "1/1/2567", "", "", ""]]
    assert problems(preview(partner, supervisor, csv_bytes(rows, HEADERS))) == [
        (2, "กระบวนการทำงาน")
    ]


def test_who_may_import(partner, other_partner, process, clients):
    data = csv_bytes(ROWS, HEADERS)
    for user in (
        member(Role.CASEWORKER, partner=partner),
        member(Role.COMMUNICATIONS, partner=partner),
        member(Role.SUPERVISOR, partner=other_partner),
    ):
        with pytest.raises(PermissionDenied):
            preview(partner, user, data)
        with pytest.raises(PermissionDenied):
            commit(partner, user, data)
    assert not Case.objects.exists()


def test_template_has_both_headers_dropdowns_and_instructions(partner, process):
    import io

    import openpyxl

    data = import_template_xlsx(KIND.columns([partner.pk]), sheet=KIND.sheet, notes=KIND.notes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert "วันที่เปิดเรื่อง / Opened on" in headers
    assert sheet.data_validations.dataValidation  # process and outcome dropdowns
    lists = [c.value for c in book["lists"]["D"] if c.value]
    assert lists == ["คัดกรอง"]
    assert len(book.sheetnames) == 3
    # The template's own headers are read back.
    read = sheet_read(data, "t.xlsx")
    plan = preview(partner, member(Role.SUPERVISOR, partner=partner), data, name="t.xlsx")
    assert read.headers and plan.total == 0 and plan.problems == []


def test_views_preview_confirm_and_access_records(client, partner, supervisor, process, clients):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(supervisor)
    url = reverse("workflows_admin:register_import", args=["cases"])
    assert client.get(url).status_code == 200
    template = client.get(reverse("workflows_admin:register_import_template", args=["cases"]))
    assert template.status_code == 200
    upload = SimpleUploadedFile("cases.csv", csv_bytes(ROWS, HEADERS))
    response = client.post(url, {"partner": partner.pk, "file": upload})
    assert response.status_code == 200
    token = response.context["token"]
    assert token and not Case.objects.exists()
    response = client.post(
        reverse("workflows_admin:register_import_confirm", args=["cases"]), {"token": token}
    )
    assert response.status_code == 302
    assert Case.objects.count() == 2
    # The same landing as every import: its run's page, with the counts and a Thai message.
    record = ClientImport.objects.get(kind="cases")
    assert response.url == reverse("workflows_admin:client_import_run", args=[record.pk])
    result = client.get(response.url).content.decode()
    assert f"นำเข้า 2 แถวให้ {partner} แล้ว" in result and 'data-status="done"' in result
    kinds = list(AccessRecord.objects.filter(user=supervisor).values_list("kind", flat=True))
    assert AccessKind.LOOKUP in kinds and AccessKind.IMPORT in kinds
    assert kept_files() == []


def test_views_deny_caseworkers_and_unknown_kinds(client, partner):
    client.force_login(member(Role.CASEWORKER, partner=partner))
    response = client.get(reverse("workflows_admin:register_import", args=["cases"]))
    assert response.status_code in (302, 403)
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    assert client.get("/admin/work/imports/nothing/").status_code == 404


def test_the_preview_reads_a_fixed_number_of_queries_whatever_the_rows(
    partner, supervisor, process, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def register(count):
        for index in range(count):
            client_at(partner, source_reference=f"N{count}-{index}")
        return csv_bytes(
            [
                [f"Q{count}-{i}", "", f"N{count}-{i}", "คัดกรอง", "ประเมิน", "", "1/1/2567", "", "45"]
                + ["ไทย"]
                for i in range(count)
            ],
            HEADERS,
        )

    small, large = register(3), register(60)
    with CaptureQueriesContext(connection) as few:
        assert preview(partner, supervisor, small).problems == []
    with django_assert_max_num_queries(len(few)):
        assert preview(partner, supervisor, large).counts["new"] == 60


def test_imported_cases_pages_and_answers_export_render(
    client, partner, supervisor, process, clients
):
    commit(partner, supervisor, csv_bytes(ROWS, HEADERS))
    client.force_login(supervisor)
    for case in Case.objects.all():
        response = client.get(reverse("workflows_admin:case", args=[case.pk]))
        assert response.status_code == 200
    ended = Case.objects.get(source_reference="K1")
    page = client.get(reverse("workflows_admin:case", args=[ended.pk])).content.decode()
    assert "ช่วยเหลือในชุมชน" in page or "Helped in the community" in page
    export = client.get(reverse("workflows_admin:case_answers_export", args=[ended.pk]))
    assert export.status_code == 200
