"""Kept import files are removed by the scheduler once their time is up: the file of a background
import and its problem report after IMPORT_FILES_KEEP_DAYS, a preview's upload after a day; the
record says so and its counts stay."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

import workflows.views.workspace.imports
from forms_builder.models import private_storage
from scheduling.models import DueItem, DueState
from scheduling.services import run_scheduler
from tests.integration.test_imports__background import (
    BAD_ROW,
    every_file_is_large,  # noqa: F401 - a fixture used by name
    run_url,
    supervisor,  # noqa: F401 - a fixture used by name
    upload,
)
from tests.integration.test_imports__clients import ROWS, csv_bytes
from tests.integration.test_imports__clients import upload as preview_upload
from workflows.imports.uploads import FOLDER as PREVIEW_FOLDER
from workflows.models import ClientImport, ImportStatus
from workflows.services.import_files import IMPORT_FILES_KIND, UPLOAD_FILE_KIND


@pytest.fixture
def background_import(client, supervisor, django_capture_on_commit_callbacks):  # noqa: F811
    def make(rows):
        client.force_login(supervisor)
        with django_capture_on_commit_callbacks(execute=True):
            upload(client, csv_bytes(rows))
        return ClientImport.objects.latest("pk")

    return make


def _time_up(record) -> dt.datetime:
    return DueItem.objects.get(kind=IMPORT_FILES_KIND, object_id=record.pk).due_at


def test_a_refused_imports_file_and_report_are_removed_when_their_time_is_up(
    client, settings, background_import
):
    settings.IMPORT_FILES_KEEP_DAYS = 10
    record = background_import([*ROWS, BAD_ROW])
    assert record.status == ImportStatus.REFUSED and private_storage().exists(record.file_path)
    due = _time_up(record)
    assert due == record.created_at + dt.timedelta(days=10)
    listing = client.get(reverse("workflows_admin:client_import_runs")).content.decode()
    assert "10 วัน" in listing  # the list says how long files are kept

    run_scheduler(now=due - dt.timedelta(minutes=1))
    record.refresh_from_db()
    assert record.files_removed_at is None and private_storage().exists(record.file_path)

    run_scheduler(now=due + dt.timedelta(seconds=1))
    path = record.file_path
    record.refresh_from_db()
    assert not private_storage().exists(path)
    assert record.file_path == "" and record.problems == [] and record.files_removed_at
    assert record.problem_count == 1 and record.counts["new"] == 4  # the counts stay
    assert record.status == ImportStatus.REFUSED
    assert client.get(run_url("client_import_problems", record, format="csv")).status_code == 404
    page = client.get(run_url("client_import_run", record)).content.decode()
    assert 'id="import-files-removed"' in page and "ถูกลบ" in page


def test_an_import_nobody_confirmed_cannot_be_confirmed_once_its_file_is_gone(
    client, background_import, django_capture_on_commit_callbacks
):
    record = background_import(ROWS)
    assert record.status == ImportStatus.READY
    run_scheduler(now=_time_up(record) + dt.timedelta(seconds=1))
    record.refresh_from_db()
    assert record.status == ImportStatus.EXPIRED and record.files_removed_at
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(run_url("client_import_run_confirm", record), follow=True)
    assert "ไม่ได้รอการยืนยันแล้ว" in page.content.decode()
    record.refresh_from_db()
    assert record.status == ImportStatus.EXPIRED


def test_a_running_import_keeps_its_file_a_while_longer(background_import):
    record = background_import(ROWS)
    ClientImport.objects.filter(pk=record.pk).update(status=ImportStatus.IMPORTING)
    due = _time_up(record)
    run_scheduler(now=due + dt.timedelta(seconds=1))
    record.refresh_from_db()
    assert record.files_removed_at is None and private_storage().exists(record.file_path)
    later = DueItem.objects.get(kind=IMPORT_FILES_KIND, object_id=record.pk, state="pending")
    assert later.due_at > due


def test_a_failed_delete_leaves_the_record_as_it_was_and_is_tried_again(
    background_import, monkeypatch
):
    record = background_import([*ROWS, BAD_ROW])
    storage = type(private_storage())

    def broken(self, name):
        raise OSError("disk")

    monkeypatch.setattr(storage, "delete", broken)
    run_scheduler(now=_time_up(record) + dt.timedelta(seconds=1))
    record.refresh_from_db()
    assert record.files_removed_at is None and record.problems and record.file_path
    item = DueItem.objects.get(kind=IMPORT_FILES_KIND, object_id=record.pk)
    assert item.state == DueState.PENDING and "disk" in item.last_error


def test_a_previews_upload_nobody_confirmed_is_removed_after_a_day(
    client,
    supervisor,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setattr(workflows.views.workspace.imports, "BACKGROUND_BYTES", 1024**2)
    client.force_login(supervisor)
    preview_upload(client, csv_bytes(ROWS))
    item = DueItem.objects.get(kind=UPLOAD_FILE_KIND)
    path = item.params["path"]
    assert path.startswith(f"{PREVIEW_FOLDER}/") and private_storage().exists(path)
    assert item.due_at - timezone.now() > dt.timedelta(hours=23)
    run_scheduler(now=item.due_at + dt.timedelta(seconds=1))
    assert not private_storage().exists(path)
