"""Importing a client register: the dry run, all or nothing, idempotence, linking by national ID,
file formats and encodings, isolation and who may import."""

import io
import json

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

import workflows.imports.clients
import workflows.services.imports
from forms_builder.models import private_storage
from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at
from workflows.imports.clients import CLIENT_COLUMNS
from workflows.imports.readers import ImportFileError
from workflows.imports.uploads import FOLDER
from workflows.models import AccessKind, AccessRecord, Client, ClientImport
from workflows.services.imports import (
    CLIENTS_IMPORT_ACTION,
    ImportRefused,
    client_import_commit,
    client_import_preview,
)

VALID_ID = "1101700230708"
HEADERS = ["เลขที่ในทะเบียนเดิม", "เลขประจำตัวประชาชน", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด"]


def csv_bytes(rows, headers=HEADERS, encoding="utf-8-sig") -> bytes:
    lines = [",".join(headers)] + [",".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows, headers=HEADERS) -> bytes:
    book = openpyxl.Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


ROWS = [
    ["R1", "1-1017-00230-70-8", "สมชาย", "ใจดี", "ชาย", "6/8/2563"],
    ["R2", "", "มานี", "มีนา", "หญิง", "06-08-63"],
    ["R3", "", "ปิติ", "", "male", "6 ส.ค. 2563"],
]


@pytest.fixture
def supervisor(partner):
    return member(Role.SUPERVISOR, partner=partner)


def preview(partner, user, data, name="register.csv"):
    return client_import_preview(partner=partner, user=user, data=data, name=name)


def commit(partner, user, data, name="register.csv"):
    return client_import_commit(partner=partner, user=user, data=data, name=name)


def problems(plan):
    return [(p.row, p.column) for p in plan.problems]


def test_preview_counts_and_writes_nothing(partner, supervisor):
    plan = preview(partner, supervisor, csv_bytes(ROWS))
    assert plan.problems == []
    assert plan.counts == {"new": 3, "updated": 0, "linked": 0, "unchanged": 0}
    assert not Client.objects.exists()


def test_commit_writes_every_row_with_buddhist_era_dates_and_logs(partner, supervisor):
    plan = commit(partner, supervisor, csv_bytes(ROWS))
    assert plan.counts["new"] == 3
    somchai = Client.objects.get(national_id=VALID_ID)
    assert (somchai.first_name, somchai.sex, str(somchai.birth_date)) == (
        "สมชาย",
        "male",
        "2020-08-06",
    )
    assert somchai.id_status == "thai_id" and somchai.source_reference == "R1"
    assert somchai.sort_key and "สมชาย" in somchai.search_text
    assert Client.objects.get(source_reference="R2").sex == "female"
    entry = ModelLogEntry.objects.get(action=CLIENTS_IMPORT_ACTION)
    assert entry.user == supervisor and entry.data["rows"] == 3 and entry.data["new"] == 3


def test_reimporting_the_same_file_changes_nothing_and_a_changed_cell_updates(partner, supervisor):
    commit(partner, supervisor, csv_bytes(ROWS))
    again = commit(partner, supervisor, csv_bytes(ROWS))
    assert again.counts == {"new": 0, "updated": 0, "linked": 0, "unchanged": 3}
    assert Client.objects.count() == 3
    changed = [ROWS[0], ["R2", "", "มานี", "ใหม่", "หญิง", "06-08-63"], ROWS[2]]
    plan = commit(partner, supervisor, csv_bytes(changed))
    assert plan.counts == {"new": 0, "updated": 1, "linked": 0, "unchanged": 2}
    assert Client.objects.get(source_reference="R2").last_name == "ใหม่"


def test_a_person_registered_elsewhere_is_linked_not_duplicated_or_changed(
    partner, other_partner, supervisor
):
    theirs = client_at(other_partner, national_id=VALID_ID, id_status="thai_id", first_name="ก")
    plan = commit(partner, supervisor, csv_bytes(ROWS[:1]))
    assert plan.counts["linked"] == 1 and plan.counts["new"] == 0
    theirs.refresh_from_db()
    assert (theirs.first_name, theirs.registered_by, theirs.source_reference) == (
        "ก",
        other_partner,
        "",
    )
    assert Client.objects.count() == 1


def test_an_error_in_the_last_row_writes_nothing(partner, supervisor):
    rows = [*ROWS, ["R4", "1101700230709", "ผิด", "", "ชาย", "1/1/2563"]]
    with pytest.raises(ImportRefused) as refused:
        commit(partner, supervisor, csv_bytes(rows))
    assert problems(refused.value.plan) == [(5, "เลขประจำตัวประชาชน")]
    assert not Client.objects.exists()


def test_a_crash_half_way_leaves_nothing(partner, supervisor, monkeypatch):
    client_at(partner, source_reference="R2", first_name="เดิม")
    original = Client.save

    def crash(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Client, "save", crash)
    with pytest.raises(RuntimeError):
        commit(partner, supervisor, csv_bytes(ROWS))
    monkeypatch.setattr(Client, "save", original)
    assert list(Client.objects.values_list("first_name", flat=True)) == ["เดิม"]
    assert not ModelLogEntry.objects.filter(action=CLIENTS_IMPORT_ACTION).exists()


def test_a_bad_row_in_a_later_chunk_undoes_the_chunks_already_written(
    partner, supervisor, monkeypatch
):
    monkeypatch.setattr(workflows.imports.clients, "CHUNK", 2)
    written = []
    original = workflows.services.imports._write

    def counting_write(rows, writer):
        written.append(len(rows))
        original(rows, writer)

    monkeypatch.setattr(workflows.services.imports, "_write", counting_write)
    rows = [*ROWS, ["R4", "", "ก", "", "", ""], ["R5", "", "", "", "", ""]]
    with pytest.raises(ImportRefused) as refused:
        commit(partner, supervisor, csv_bytes(rows))
    assert written == [2, 2] and problems(refused.value.plan) == [(6, "")]
    assert not Client.objects.exists()


def test_a_duplicate_in_another_chunk_is_found_and_counts_add_up(partner, supervisor, monkeypatch):
    monkeypatch.setattr(workflows.imports.clients, "CHUNK", 2)
    rows = [*ROWS, ["R9", VALID_ID, "ซ้ำ", "", "", ""]]
    with pytest.raises(ImportRefused) as refused:
        commit(partner, supervisor, csv_bytes(rows))
    assert problems(refused.value.plan) == [(5, "เลขประจำตัวประชาชน")]
    assert not Client.objects.exists()
    plan = commit(partner, supervisor, csv_bytes(ROWS))
    assert plan.total == 3 and plan.counts["new"] == 3 and Client.objects.count() == 3


def test_a_file_is_read_as_a_stream_with_progress(partner, supervisor, monkeypatch, tmp_path):
    monkeypatch.setattr(workflows.imports.clients, "CHUNK", 2)
    path = tmp_path / "register.csv"
    path.write_bytes(csv_bytes(ROWS, encoding="cp874"))
    done = []
    with path.open("rb") as file:
        plan = client_import_commit(
            partner=partner, user=supervisor, data=file, name="r.csv", progress=done.append
        )
    assert plan.counts["new"] == 3 and done == [2, 3]
    assert Client.objects.filter(first_name="มานี").exists()


def test_a_file_over_the_size_limit_is_a_message(partner, supervisor):
    data = csv_bytes(ROWS * 20_000)
    with pytest.raises(ImportFileError, match=" 1 MB"):
        client_import_commit(
            partner=partner, user=supervisor, data=data, name="r.csv", max_bytes=2**20
        )
    assert not Client.objects.exists()


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (["X", "12345", "ก", "", "ชาย", ""], "เลขประจำตัวประชาชน"),  # not 13 digits
        (["X", "", "ก", "", "ยักษ์", ""], "เพศ"),  # unknown choice
        (["X", "", "ก", "", "", "6/8/2020"], "วันเกิด"),  # a CE year
        (["X", "", "ก", "", "", "31/2/2563"], "วันเกิด"),  # no such day
        (["X", "", "ก", "", "", "1/1/2599"], "วันเกิด"),  # in the future
        (["", "", "ก", "", "", ""], ""),  # no key
        (["X", "", "", "", "", ""], ""),  # no name
        (["X" * 101, "", "ก", "", "", ""], "เลขที่ในทะเบียนเดิม"),  # too long
    ],
)
def test_every_kind_of_row_error_names_row_and_column_in_thai(partner, supervisor, row, column):
    plan = preview(partner, supervisor, csv_bytes([ROWS[0], row]))
    assert problems(plan) == [(3, column)]
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in plan.problems[0].message)


def test_duplicates_within_the_file_and_mismatched_ids(partner, supervisor):
    rows = [ROWS[0], ["R9", "1101700230708", "ซ้ำ", "", "", ""]]
    assert problems(preview(partner, supervisor, csv_bytes(rows))) == [(3, "เลขประจำตัวประชาชน")]
    headers = ["ref", "national_id", "first_name", "id_status"]
    rows = [["A", VALID_ID, "ก", "Stateless"]]
    plan = preview(partner, supervisor, csv_bytes(rows, headers=headers))
    assert problems(plan) == [(2, "national_id")]


def test_areas_and_estimated_age_with_english_headers(partner, supervisor):
    headers = ["Register reference", "First name", "Province found in", "District found in"]
    headers += ["Subdistrict found in", "Estimated age"]
    rows = [["A1", "ก", "ชลบุรี", "อ.บางละมุง", "หนองปรือ", "๔๕"]]
    commit(partner, supervisor, csv_bytes(rows, headers=headers))
    client = Client.objects.get()
    assert (client.found_area_code, client.estimated_age) == ("200402", 45)
    assert client.estimated_on is not None
    bad = [["A2", "ข", "ชลบุรี", "ไม่มี", "", ""]]
    assert problems(preview(partner, supervisor, csv_bytes(bad, headers=headers))) == [
        (2, "District found in")
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874", "tis-620"])
def test_csv_encodings(partner, supervisor, encoding):
    plan = preview(partner, supervisor, csv_bytes(ROWS, encoding=encoding))
    assert plan.problems == [] and plan.counts["new"] == 3


def test_xlsx_with_real_dates_and_template_headers_and_json(partner, supervisor):
    import datetime as dt

    headers = [column.header for column in CLIENT_COLUMNS[:5]] + ["วันเกิด"]
    rows = [["R1", VALID_ID, "", "", "สมชาย", dt.datetime(2020, 8, 6)]]
    commit(partner, supervisor, xlsx_bytes(rows, headers=headers), name="r.xlsx")
    assert str(Client.objects.get().birth_date) == "2020-08-06"
    data = json.dumps([{"ref": "J1", "ชื่อ": "เจ", "birth_date": "๖/๘/๒๕๖๓"}]).encode()
    headers_plan = preview(partner, supervisor, data, name="r.json")
    assert headers_plan.unknown_headers == ["ref"]
    data = json.dumps([{"source_reference": "J1", "ชื่อ": "เจ"}]).encode()
    assert commit(partner, supervisor, data, name="r.json").counts["new"] == 1


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"not a workbook", "r.xlsx"), (b"{", "r.json"), (b"[1, 2]", "r.json"), (b"x", "r.pdf")],
)
def test_unreadable_files_are_a_message(partner, supervisor, data, name):
    with pytest.raises(ImportFileError):
        preview(partner, supervisor, data, name=name)


def test_only_administrators_and_supervisors_of_the_partner_may_import(partner, other_partner):
    for role in (Role.CASEWORKER, Role.COMMUNICATIONS):
        with pytest.raises(PermissionDenied):
            preview(partner, member(role, partner=partner), csv_bytes(ROWS))
    outsider = member(Role.SUPERVISOR, partner=other_partner)
    with pytest.raises(PermissionDenied):
        commit(partner, outsider, csv_bytes(ROWS))
    administrator = member(Role.ADMINISTRATOR, partner=partner)
    assert commit(partner, administrator, csv_bytes(ROWS)).counts["new"] == 3


def test_an_import_cannot_touch_another_partners_client_by_reference(
    partner, other_partner, supervisor
):
    theirs = client_at(other_partner, source_reference="R2", first_name="ของเขา")
    commit(partner, supervisor, csv_bytes(ROWS))
    theirs.refresh_from_db()
    assert theirs.first_name == "ของเขา"
    assert Client.objects.filter(source_reference="R2").count() == 2


# Screens


def url(name):
    return reverse(f"workflows_admin:{name}")


def upload(client, data, name="register.csv", **extra):
    file = io.BytesIO(data)
    file.name = name
    return client.post(url("client_import"), {"file": file, **extra})


def kept_files():
    try:
        return private_storage().listdir(FOLDER)[1]
    except FileNotFoundError:
        return []


def test_upload_preview_confirm_and_no_file_left_behind(client, partner, supervisor):
    client.force_login(supervisor)
    assert client.get(url("client_index")).content.decode().count(url("client_import")) == 1
    page = upload(client, csv_bytes(ROWS))
    assert page.status_code == 200 and not Client.objects.exists()
    token = page.context["token"]
    assert token and len(kept_files()) == 1
    done = client.post(url("client_import_confirm"), {"token": token})
    assert done.status_code == 302 and Client.objects.count() == 3
    assert kept_files() == []
    # It lands on its run's page among the past imports, as a background import does.
    record = ClientImport.objects.get()
    assert done.url == reverse("workflows_admin:client_import_run", args=[record.pk])
    assert (record.kind, record.status, record.total) == ("clients", "done", 3)
    assert record.counts["new"] == 3
    result = client.get(done.url).content.decode()
    assert f"นำเข้า 3 แถวให้ {partner} แล้ว" in result and 'data-status="done"' in result
    assert 'data-count="new">3<' in result and "import-done-link" in result
    again = client.post(url("client_import_confirm"), {"token": token})
    assert again.status_code == 302 and Client.objects.count() == 3
    recorded = AccessRecord.objects.filter(partner=partner).order_by("id")
    assert [(r.kind, r.detail["rows"]) for r in recorded] == [
        (AccessKind.LOOKUP, 3),  # the preview
        (AccessKind.IMPORT, 3),
    ]


def test_the_preview_says_which_rows_are_linked(client, partner, other_partner, supervisor):
    client_at(other_partner, national_id=VALID_ID, id_status="thai_id")
    client.force_login(supervisor)
    content = upload(client, csv_bytes(ROWS)).content.decode()
    assert "data-linked" in content and f"ลงทะเบียนโดย {other_partner}" in content


def test_a_file_with_problems_shows_them_and_offers_no_confirmation(client, partner, supervisor):
    client.force_login(supervisor)
    rows = [*ROWS, ["R4", "1101700230709", "ผิด", "", "", ""]]
    page = upload(client, csv_bytes(rows))
    content = page.content.decode()
    assert 'id="import-problems"' in content and "หลักสุดท้าย" in content
    assert page.context["token"] == "" and kept_files() == []


def test_confirm_checks_again_and_a_rolled_back_write_keeps_no_file(
    client, partner, other_partner, supervisor
):
    client.force_login(supervisor)
    token = upload(client, csv_bytes(ROWS)).context["token"]
    # Between preview and confirmation someone else's register takes R1's ID: it is linked now.
    client_at(other_partner, national_id=VALID_ID, id_status="thai_id")
    client.post(url("client_import_confirm"), {"token": token})
    assert Client.objects.filter(registered_by=partner).count() == 2
    assert kept_files() == []


def test_another_users_token_or_partner_is_refused(client, partner, other_partner, supervisor):
    client.force_login(supervisor)
    token = upload(client, csv_bytes(ROWS)).context["token"]
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    assert client.post(url("client_import_confirm"), {"token": token}).status_code == 302
    assert not Client.objects.exists()
    outsider = member(Role.SUPERVISOR, partner=other_partner)
    client.force_login(outsider)
    page = upload(client, csv_bytes(ROWS), partner=partner.pk)
    assert page.context["form"].errors["partner"]


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.COMMUNICATIONS])
def test_caseworkers_and_communications_cannot_open_the_import(client, partner, role):
    client.force_login(member(role, partner=partner))
    for name in ("client_import", "client_import_template"):
        assert client.get(url(name)).status_code == 302
    assert upload(client, csv_bytes(ROWS)).status_code == 302
    assert not Client.objects.exists()


def test_the_template_has_both_headers_instructions_and_dropdowns(client, partner, supervisor):
    client.force_login(supervisor)
    response = client.get(url("client_import_template"))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    register = book.worksheets[0]
    headers = [cell.value for cell in register[1]]
    assert "เลขประจำตัวประชาชน / National ID" in headers
    assert "ชาย" in [cell.value for cell in book["lists"][get_letter(headers, "เพศ")]]
    validations = register.data_validations.dataValidation
    assert len(validations) == 2
    assert book.worksheets[2].max_row > len(CLIENT_COLUMNS)
    # The filled-in template imports as it is.
    register.append(["T1", VALID_ID])
    output = io.BytesIO()
    book.save(output)
    plan = preview(partner, supervisor, output.getvalue(), name="t.xlsx")
    assert [p.message for p in plan.problems] and plan.total == 1


def get_letter(headers, thai):
    from openpyxl.utils import get_column_letter

    index = next(i for i, h in enumerate(headers, 1) if h.startswith(thai))
    return get_column_letter(index)


def test_the_sample_register_imports_cleanly(partner, supervisor):
    from pathlib import Path

    data = (Path(__file__).parents[2] / "docs/samples/clients-register.csv").read_bytes()
    plan = commit(partner, supervisor, data, name="clients-register.csv")
    assert plan.problems == [] and plan.counts["new"] == 20
    assert commit(partner, supervisor, data, name="clients-register.csv").counts["unchanged"] == 20


def test_odd_characters_survive_the_write(partner, supervisor):
    data = json.dumps([{"source_reference": "A\\1", "first_name": "ก\\ข", "aliases": "x\ty"}])
    commit(partner, supervisor, data.encode(), name="r.json")
    client = Client.objects.get()
    assert (client.source_reference, client.first_name, client.aliases) == ("A\\1", "ก\\ข", "x y")
    assert client.created_at and client.uuid


def test_the_preview_reads_a_bounded_number_of_queries(
    client, partner, supervisor, django_assert_max_num_queries
):
    rows = [[f"R{n}", "", f"ชื่อ{n}", "", "ชาย", "1/1/2530"] for n in range(200)]
    client.force_login(supervisor)
    client.get(url("client_import"))
    with django_assert_max_num_queries(16):  # the menu, the access record, the file's removal
        page = upload(client, csv_bytes(rows))
    assert page.context["plan"].counts["new"] == 200
