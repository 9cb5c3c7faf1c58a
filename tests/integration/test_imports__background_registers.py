"""A case, follow-up or people register of more than REQUEST_ROWS rows is checked and imported by
a task worker, through the client import's machinery: progress, confirmation, result, the report
of its bad rows, and who sees it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import workflows.imports.registers
import workflows.services.import_runs
import workflows.views.workspace.register_imports
from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at, screening_process
from tests.integration.test_imports__cases import HEADERS, ROWS, VALID_ID
from tests.integration.test_imports__clients import csv_bytes
from tests.integration.test_imports__follow_ups_people import PEOPLE_HEADERS, PEOPLE_ROWS
from workflows.models import AccessKind, AccessRecord, Case, ClientImport, ImportStatus

BAD_ROW = ["K3", VALID_ID, "", "ไม่มีกระบวนการนี้", "", "", "1/1/2567", "", "", ""]


@pytest.fixture(autouse=True)
def every_register_is_large(monkeypatch):
    monkeypatch.setattr(workflows.views.workspace.register_imports, "REQUEST_ROWS", 1)


@pytest.fixture
def supervisor(partner):
    return member(Role.SUPERVISOR, partner=partner)


@pytest.fixture
def process(partner):
    return screening_process(partner)


@pytest.fixture
def clients(partner):
    return client_at(partner, national_id=VALID_ID), client_at(partner, source_reference="R2")


def upload(client, kind, data, name="register.csv"):
    return client.post(
        reverse("workflows_admin:register_import", args=[kind]),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def run_url(name, record, **params):
    url = reverse(f"workflows_admin:{name}", args=[record.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_a_large_case_register_is_checked_then_imported_in_the_background(
    client, partner, supervisor, process, clients, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, "cases", csv_bytes(ROWS, HEADERS))
    record = ClientImport.objects.get()
    assert response.status_code == 302 and response.url == run_url("client_import_run", record)
    record.refresh_from_db()
    assert record.kind == "cases" and record.status == ImportStatus.READY
    assert record.total == 2 and record.counts["new"] == 2 and not Case.objects.exists()
    page = client.get(run_url("client_import_run", record)).content.decode()
    assert "นำเข้ากรณี" in page and 'data-count="new">2<' in page
    assert run_url("client_import_run_confirm", record) in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(run_url("client_import_run_confirm", record))
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE and record.done == 2
    assert set(Case.objects.values_list("source_reference", flat=True)) == {"K1", "K2"}
    page = client.get(run_url("client_import_run", record)).content.decode()
    assert 'id="import-done-link"' in page
    listing = client.get(reverse("workflows_admin:client_import_runs")).content.decode()
    assert "register.csv" in listing and "นำเข้ากรณี" in listing
    # The same file again: checked in the background, every row unchanged.
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "cases", csv_bytes(ROWS, HEADERS))
    again = ClientImport.objects.first()
    assert again.status == ImportStatus.READY and again.counts["unchanged"] == 2


def test_a_case_register_with_problems_is_refused_with_its_report(
    client, partner, supervisor, process, clients, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "cases", csv_bytes([*ROWS, BAD_ROW], HEADERS))
    record = ClientImport.objects.get()
    assert record.status == ImportStatus.REFUSED and record.problem_count == 1
    assert record.problems[0][:2] == [4, "กระบวนการทำงาน"]
    report = client.get(run_url("client_import_problems", record, format="csv"))
    text = b"".join(report.streaming_content).decode("utf-8-sig")
    assert "K3" in text and "K1" not in text
    assert client.post(run_url("client_import_run_confirm", record), follow=True).status_code == 200
    assert not Case.objects.exists()


def test_progress_is_reported_while_the_cases_are_written(
    partner, supervisor, process, clients, monkeypatch
):
    from django.core.files.base import ContentFile

    seen = []
    monkeypatch.setattr(workflows.imports.registers, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(workflows.services.import_runs._Progress, "every", 0)
    monkeypatch.setattr(
        workflows.services.import_runs._Progress, "_save", lambda self, done: seen.append(done)
    )
    record = workflows.services.import_runs.import_start(
        kind="cases",
        partner=partner,
        user=supervisor,
        file=ContentFile(csv_bytes(ROWS, HEADERS)),
        name="r.csv",
    )
    workflows.services.import_runs.import_run_now(import_id=record.pk)
    assert seen == [0, 1]  # checked
    ClientImport.objects.filter(pk=record.pk).update(status=ImportStatus.IMPORTING)
    seen.clear()
    workflows.services.import_runs.import_run_now(import_id=record.pk)
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE and Case.objects.count() == 2
    assert seen == [0, 1]  # written


def test_more_rows_than_the_background_limit_are_refused(
    partner, supervisor, process, clients, monkeypatch
):
    from django.core.files.base import ContentFile

    monkeypatch.setattr(workflows.imports.registers, "MAX_ROWS", 1)
    record = workflows.services.import_runs.import_start(
        kind="cases",
        partner=partner,
        user=supervisor,
        file=ContentFile(csv_bytes(ROWS, HEADERS)),
        name="r.csv",
    )
    workflows.services.import_runs.import_run_now(import_id=record.pk)
    record.refresh_from_db()
    assert record.status == ImportStatus.REFUSED and record.problems[0][0] == 0


def test_a_people_import_is_seen_by_administrators_only(
    client, partner, other_partner, django_capture_on_commit_callbacks
):
    administrator = member(Role.ADMINISTRATOR, partner=partner)
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "people", csv_bytes(PEOPLE_ROWS, PEOPLE_HEADERS), name="people.csv")
    record = ClientImport.objects.get()
    assert record.kind == "people" and record.status == ImportStatus.READY
    assert client.get(run_url("client_import_run", record)).status_code == 200
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    for name in ("client_import_run", "client_import_progress", "client_import_problems"):
        assert client.get(run_url(name, record, format="csv")).status_code == 404
    assert client.post(run_url("client_import_run_confirm", record)).status_code == 404
    listing = client.get(reverse("workflows_admin:client_import_runs")).content.decode()
    assert "people.csv" not in listing
    client.force_login(member(Role.ADMINISTRATOR, partner=other_partner))
    assert client.get(run_url("client_import_run", record)).status_code == 404


def test_an_uploader_who_lost_the_role_gets_a_refusal_not_a_crash(
    partner, supervisor, process, clients
):
    from django.core.files.base import ContentFile

    record = workflows.services.import_runs.import_start(
        kind="cases",
        partner=partner,
        user=supervisor,
        file=ContentFile(csv_bytes(ROWS, HEADERS)),
        name="r.csv",
    )
    supervisor.memberships.all().delete()
    workflows.services.import_runs.import_run_now(import_id=record.pk)
    record.refresh_from_db()
    assert record.status == ImportStatus.REFUSED and not Case.objects.exists()


def test_the_run_page_and_the_listing_read_a_fixed_number_of_queries(
    client, partner, supervisor, process, clients, django_assert_max_num_queries
):
    from django.core.files.base import ContentFile

    for kind in ("cases", "clients"):
        workflows.services.import_runs.import_start(
            kind=kind,
            partner=partner,
            user=supervisor,
            file=ContentFile(csv_bytes(ROWS, HEADERS)),
            name=f"{kind}.csv",
        )
    client.force_login(supervisor)
    record = ClientImport.objects.filter(kind="cases").get()
    with django_assert_max_num_queries(18):  # with the menu
        assert client.get(run_url("client_import_run", record)).status_code == 200
    with django_assert_max_num_queries(18):  # with the menu
        assert client.get(reverse("workflows_admin:client_import_runs")).status_code == 200
    assert not AccessRecord.objects.filter(kind=AccessKind.IMPORT).exists()
