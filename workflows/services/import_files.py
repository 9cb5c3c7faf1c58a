"""Kept import files do not stay forever: the file of an import run in the background (and its
error report, which reads it) is removed `settings.IMPORT_FILES_KEEP_DAYS` after the upload, and
a file uploaded for a preview nobody confirmed a day after it. The scheduler does it (a due item
per file), so it happens even when nobody uploads again.

The record is changed under its row lock and the file deleted in the same transaction: when the
delete fails, the record stays as it was and the due item is tried again. An import still running
is left a while longer; one still waiting for its confirmation can no longer be confirmed.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction

from forms_builder.models import private_storage
from scheduling.services import due_item_add, due_item_schedule
from workflows.models import ClientImport, ImportStatus

IMPORT_FILES_KIND = "client_import_files"
UPLOAD_FILE_KIND = "client_import_upload"
RUNNING_AGAIN = dt.timedelta(hours=1)


def import_files_keep() -> dt.timedelta:
    return dt.timedelta(days=settings.IMPORT_FILES_KEEP_DAYS)


def import_files_schedule(record: ClientImport, *, due_at: dt.datetime | None = None) -> None:
    due_item_schedule(
        kind=IMPORT_FILES_KIND,
        key=f"client-import-files-{record.pk}-{(due_at or record.created_at).timestamp():.0f}",
        due_at=due_at or record.created_at + import_files_keep(),
        target=record,
    )


def upload_file_schedule(*, path: str, due_at: dt.datetime) -> None:
    due_item_add(
        kind=UPLOAD_FILE_KIND,
        key=f"client-import-upload-{path}"[:200],
        due_at=due_at,
        params={"path": path},
    )


def import_files_remove(*, import_id: int, now: dt.datetime) -> bool:
    """Remove the import's file and its report's rows; whether they were removed now."""
    with transaction.atomic():
        record = ClientImport.objects.select_for_update().filter(pk=import_id).first()
        if record is None or record.files_removed_at is not None:
            return False
        if record.running:
            import_files_schedule(record, due_at=now + RUNNING_AGAIN)
            return False
        path = import_files_forget(record, now=now)
        if path:
            private_storage().delete(path)  # last: if it fails, the record is not changed
    return True


def import_files_forget(record: ClientImport, *, now: dt.datetime) -> str:
    """Mark a locked import's file and report rows as removed; the path of the file to delete."""
    if record.status == ImportStatus.READY:
        record.status = ImportStatus.EXPIRED
    path, record.file_path = record.file_path, ""
    record.problems, record.files_removed_at = [], now
    record.save(update_fields=["status", "file_path", "problems", "files_removed_at"])
    return path


def upload_file_remove(path: str) -> None:
    """A preview's upload nobody confirmed (confirming removes it itself)."""
    private_storage().delete(path)
