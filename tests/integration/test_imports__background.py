"""Large registers checked and imported by a task worker: progress, confirmation, the report of
bad rows, past imports, and isolation."""

import csv
import io
import threading

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

import workflows.imports.clients
import workflows.services.import_runs
import workflows.services.imports
from partners.models import Role
from tests.factories import member
from tests.integration.test_imports__clients import ROWS, csv_bytes
from workflows.models import Client, ClientImport, ImportStatus
from workflows.views.workspace.exports import EXPORT_ACTION

BAD_ROW = ["R4", "1101700230709", "ผิด", "", "ชาย", "1/1/2563"]


@pytest.fixture(autouse=True)
def every_file_is_large(monkeypatch):
    monkeypatch.setattr(workflows.views.workspace.imports, "BACKGROUND_BYTES", 10)


@pytest.fixture
def supervisor(partner):
    return member(Role.SUPERVISOR, partner=partner)


def upload(client, data, name="register.csv"):
    return client.post(
        reverse("workflows_admin:client_import"), {"file": io.BytesIO(data) and _file(data, name)}
    )


def _file(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/csv")


def run_url(name, record, **params):
    url = reverse(f"workflows_admin:{name}", args=[record.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_a_large_file_is_checked_then_imported_in_the_background(
    client, partner, supervisor, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, csv_bytes(ROWS))
    record = ClientImport.objects.get()
    assert response.status_code == 302 and response.url == run_url("client_import_run", record)
    record.refresh_from_db()
    assert record.status == ImportStatus.READY and record.total == 3
    assert record.counts["new"] == 3 and not Client.objects.exists()
    progress = client.get(run_url("client_import_progress", record)).json()
    assert progress["running"] is False and progress["done"] == 3 and progress["total"] == 3
    page = client.get(run_url("client_import_run", record)).content.decode()
    assert run_url("client_import_run_confirm", record) in page
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(run_url("client_import_run_confirm", record))
    # Confirmed, it stays on its run's page (like a small import), saying so in Thai.
    assert confirmed.url == run_url("client_import_run", record)
    shown = client.get(confirmed.url).content.decode()
    assert f"กำลังนำเข้า 3 แถวให้ {partner} หน้านี้แสดงความคืบหน้า" in shown
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE and Client.objects.count() == 3
    again = client.post(run_url("client_import_run_confirm", record), follow=True)
    assert "ไม่ได้รอการยืนยันแล้ว" in again.content.decode() and Client.objects.count() == 3
    listing = client.get(reverse("workflows_admin:client_import_runs")).content.decode()
    assert "register.csv" in listing and 'data-status="done"' in listing


def test_a_file_with_problems_is_refused_with_a_downloadable_report_of_its_bad_rows(
    client, partner, supervisor, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, csv_bytes([*ROWS, BAD_ROW]))
    record = ClientImport.objects.get()
    assert record.status == ImportStatus.REFUSED and record.problem_count == 1
    page = client.get(run_url("client_import_run", record)).content.decode()
    assert "เลขประจำตัวประชาชน" in page and run_url("client_import_run_confirm", record) not in page
    response = client.get(run_url("client_import_problems", record, format="csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "แถว" and rows[0][-1] == "ปัญหา"
    assert len(rows) == 2 and rows[1][:2] == ["5", "R4"] and "เลขประจำตัวประชาชน" in rows[1][-1]
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == supervisor and entry.data["list"] == "import-problems"
    xlsx = client.get(run_url("client_import_problems", record, format="xlsx"))
    assert xlsx.status_code == 200
    assert not Client.objects.exists()


def test_another_partners_people_see_nothing_and_caseworkers_cannot_import(
    client, partner, other_partner, supervisor, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, csv_bytes([*ROWS, BAD_ROW]))
    record = ClientImport.objects.get()
    client.force_login(member(Role.SUPERVISOR, partner=other_partner))
    for name in ("client_import_run", "client_import_progress", "client_import_problems"):
        assert client.get(run_url(name, record, format="csv")).status_code == 404
    assert client.post(run_url("client_import_run_confirm", record)).status_code == 404
    listing = client.get(reverse("workflows_admin:client_import_runs")).content.decode()
    assert "register.csv" not in listing
    client.force_login(member(Role.CASEWORKER, partner=partner))
    assert client.get(run_url("client_import_run", record)).status_code == 302
    assert client.get(reverse("workflows_admin:client_import_runs")).status_code == 302


@pytest.mark.postgres
def test_progress_is_seen_by_others_while_the_rows_are_written(
    transactional_db, on_postgres, partner, monkeypatch
):
    """The import's own transaction hides its rows; the count of rows done is not hidden."""
    supervisor = member(Role.SUPERVISOR, partner=partner)
    monkeypatch.setattr(workflows.imports.clients, "CHUNK", 1)
    monkeypatch.setattr(workflows.services.import_runs._Progress, "every", 0)
    from django.core.files.base import ContentFile

    record = workflows.services.import_runs.import_start(
        kind="clients",
        partner=partner,
        user=supervisor,
        file=ContentFile(csv_bytes(ROWS)),
        name="r.csv",
    )
    ClientImport.objects.filter(pk=record.pk).update(status=ImportStatus.IMPORTING, total=3)
    seen = []
    original = workflows.services.imports._write

    def watching_write(rows, writer):
        original(rows, writer)

        def look():
            seen.append(ClientImport.objects.get(pk=record.pk).done)
            connection.close()

        thread = threading.Thread(target=look)
        thread.start()
        thread.join()

    monkeypatch.setattr(workflows.services.imports, "_write", watching_write)
    workflows.services.import_runs.import_run_now(import_id=record.pk)
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE and Client.objects.count() == 3
    assert seen == [0, 1, 2]  # each chunk's count is saved (and seen) after its write


def test_a_file_over_the_background_limit_is_refused_before_it_is_kept(
    client, partner, supervisor, monkeypatch
):
    monkeypatch.setattr(workflows.services.import_runs, "MAX_BYTES", 1024 * 1024)
    client.force_login(supervisor)
    page = upload(client, csv_bytes(ROWS * 10_000)).content.decode()
    assert "ไฟล์ใหญ่กว่า 1 MB" in page and not ClientImport.objects.exists()
