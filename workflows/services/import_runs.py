"""Large registers are checked and imported by a task worker, with their progress on a record.

Every register runs so: clients, and those beside it (cases, follow-ups, people: `KINDS`), each
through its own preview and commit services. `import_start` keeps the file in the private
storage and records a `ClientImport` of its kind (checking); a task checks every row (the dry
run) and leaves it ready for the uploader's confirmation, or refused with every problem.
`import_confirm` sends it back to a worker, which imports it through the kind's commit (all rows
or none, under the partner's lock). The record's status moves under its own row lock, so a
confirmation acts once.

Progress is saved after each chunk of rows. While importing, the rows are written inside one
transaction that others cannot see into, so the count is saved from a short-lived thread with
its own database connection (best effort: a failed save only leaves the bar behind).
"""

import functools
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import DatabaseError, connections, transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from forms_builder.models import private_storage
from notifications.email import user_language
from partners.models import Partner
from partners.selectors import user_has_role
from workflows.imports.clients import ImportPlan, Problem
from workflows.imports.readers import ImportFileError, sheet_row_count
from workflows.models import ClientImport, ImportStatus
from workflows.services.import_files import import_files_schedule
from workflows.services.imports import (
    CLIENT_COUNTED,
    IMPORT_ROLES,
    ImportRefused,
    client_import_commit,
    client_import_preview,
)
from workflows.services.register_imports import KINDS as REGISTER_KINDS
from workflows.services.register_imports import register_import_commit, register_import_preview

FOLDER = "imports/background"
BACKGROUND_BYTES = 1024 * 1024  # larger uploads are checked and imported in the background
MAX_BYTES = 100 * 1024 * 1024
PROBLEMS_KEPT = 10_000
NO_LONGER_ALLOWED = _("The uploader may no longer import this register into this partner.")


@dataclass(frozen=True)
class BackgroundKind:
    """How one register is checked and imported by a worker; both services take (partner=,
    user=, data=, name=, progress=, max_bytes=) and return the ImportPlan (the commit raises
    ImportRefused)."""

    title: Promise
    roles: tuple
    counted: tuple  # (count key, label), as the preview shows them
    preview: Callable
    commit: Callable
    done_url_name: str = ""  # where the rows imported are found


KINDS = {
    "clients": BackgroundKind(
        title=_("Import clients"),
        roles=IMPORT_ROLES,
        counted=CLIENT_COUNTED,
        preview=client_import_preview,
        commit=client_import_commit,
        done_url_name="workflows_admin:client_index",
    ),
    **{
        kind.key: BackgroundKind(
            title=kind.title,
            roles=kind.roles,
            counted=kind.counted,
            preview=functools.partial(register_import_preview, kind=kind),
            commit=functools.partial(register_import_commit, kind=kind),
            done_url_name=kind.done_url_name,
        )
        for kind in REGISTER_KINDS.values()
    },
}


def import_start(*, kind: str, partner: Partner, user, file, name: str) -> ClientImport:
    """Keep the file and have a worker check it."""
    if not user_has_role(user, KINDS[kind].roles, partner):
        raise PermissionDenied
    suffix = name.rsplit(".", 1)[-1].lower()
    path = private_storage().save(f"{FOLDER}/{uuid.uuid4().hex}.{suffix}", File(file))
    record = ClientImport.objects.create(
        kind=kind, partner=partner, created_by=user, file_name=name[:255], file_path=path
    )
    import_files_schedule(record)
    _enqueue(record)
    return record


def import_record_done(*, kind: str, partner: Partner, user, name: str, plan) -> ClientImport:
    """A register imported at once (a small file, confirmed after its preview) among the past
    imports too, done, with its counts: every import ends on its run's page. Its file was not
    kept (the preview's copy is deleted once it is written)."""
    now = timezone.now()
    return ClientImport.objects.create(
        kind=kind,
        partner=partner,
        created_by=user,
        file_name=name[:255],
        file_path="",
        status=ImportStatus.DONE,
        total=plan.total,
        done=plan.total,
        counts=plan.counts,
        started_at=now,
        finished_at=now,
        files_removed_at=now,
    )


def import_confirm(*, record: ClientImport, user) -> bool:
    """Ready → importing, once; False when it is no longer waiting for a confirmation."""
    if not user_has_role(user, KINDS[record.kind].roles, record.partner):
        raise PermissionDenied
    with transaction.atomic():
        locked = ClientImport.objects.select_for_update().get(pk=record.pk)
        if locked.status != ImportStatus.READY:
            return False
        locked.status, locked.done = ImportStatus.IMPORTING, 0
        locked.save(update_fields=["status", "done"])
        _enqueue(locked)
    return True


def _enqueue(record: ClientImport) -> None:
    from workflows.tasks import import_run

    transaction.on_commit(lambda: import_run.enqueue(record.pk))


def import_run_now(*, import_id: int) -> None:
    """The task: check or import, whichever the record waits for; in the uploader's language."""
    record = ClientImport.objects.select_related("partner", "created_by").get(pk=import_id)
    if record.status not in (ImportStatus.CHECKING, ImportStatus.IMPORTING):
        return
    with translation.override(user_language(record.created_by)):
        _run(record)


def _run(record: ClientImport) -> None:
    record.started_at, record.done = timezone.now(), 0
    record.save(update_fields=["started_at", "done"])
    importing = record.status == ImportStatus.IMPORTING
    progress = _Progress(record.pk)
    storage = private_storage()
    try:
        if not importing:
            with storage.open(record.file_path, "rb") as file:
                record.total = sheet_row_count(file, record.file_name, max_bytes=MAX_BYTES)
            record.save(update_fields=["total"])
        kind = KINDS[record.kind]
        run = kind.commit if importing else kind.preview
        with storage.open(record.file_path, "rb") as file:
            plan = run(
                partner=record.partner,
                user=record.created_by,
                data=file,
                name=record.file_name,
                progress=progress,
                max_bytes=MAX_BYTES,
            )
    except ImportRefused as refused:
        plan = refused.plan
    except ImportFileError as error:
        plan = ImportPlan()
        plan.problems.append(_file_problem(str(error)))
    except PermissionDenied:
        plan = ImportPlan()
        plan.problems.append(_file_problem(str(NO_LONGER_ALLOWED)))
    except Exception:
        _finish(record, ImportStatus.FAILED, ImportPlan())
        raise
    if plan.problems:
        status = ImportStatus.REFUSED
    else:
        status = ImportStatus.DONE if importing else ImportStatus.READY
    _finish(record, status, plan)


def _file_problem(message: str) -> Problem:
    return Problem(0, "", message)


def _finish(record: ClientImport, status: str, plan: ImportPlan) -> None:
    record.status = status
    record.counts = plan.counts
    record.total = plan.total if status != ImportStatus.FAILED else record.total
    record.done = record.total or 0
    record.problems = [[p.row, p.column, p.message] for p in plan.problems[:PROBLEMS_KEPT]]
    record.problem_count = len(plan.problems)
    record.finished_at = timezone.now()
    record.save()


class _Progress:
    """Saves the rows done (at most once a second), from its own connection when inside a
    transaction."""

    every = 1.0  # seconds

    def __init__(self, import_id: int):
        self.import_id = import_id
        self.saved_at = 0.0

    def __call__(self, done: int) -> None:
        if time.monotonic() - self.saved_at < self.every:
            return
        self.saved_at = time.monotonic()
        if not transaction.get_connection().in_atomic_block:
            self._save(done)
            return
        thread = threading.Thread(target=self._save_alone, args=(done,))
        thread.start()
        thread.join()

    def _save(self, done: int) -> None:
        ClientImport.objects.filter(pk=self.import_id).update(done=done)

    def _save_alone(self, done: int) -> None:
        try:
            self._save(done)
        except DatabaseError:
            pass  # the bar stays behind; the import goes on
        finally:
            connections.close_all()
