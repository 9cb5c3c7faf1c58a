"""Importing the registers beside the client register — cases, planned follow-ups, a partner's
people and roles — through the services staff use: all rows or none, under the partner's lock.

Each kind is a `RegisterKind`: its columns, who may import it, how its rows are checked
(`workflows.imports.<kind>`, reads only) and how a checked row is written (`case_imports`,
`follow_up_imports`, `person_imports`). Confirming checks the file again inside the transaction;
a row the writing service refuses undoes every row before it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from partners.models import Partner, Role
from partners.selectors import user_has_role
from workflows.imports.cases import ANSWERS_HELP, case_columns, case_import_plan
from workflows.imports.clients import ImportPlan, Problem
from workflows.imports.follow_ups import follow_up_columns, follow_up_import_plan
from workflows.imports.people import PERSON_COLUMNS, person_import_plan
from workflows.imports.readers import MAX_BYTES, sheet_read
from workflows.imports.registers import RowRefused
from workflows.services.case_imports import cases_write
from workflows.services.follow_up_imports import follow_ups_write
from workflows.services.imports import IMPORT_ROLES, ImportRefused
from workflows.services.person_imports import people_write

REGISTER_IMPORT_ACTION = "workflows.register.import"


@dataclass(frozen=True)
class RegisterKind:
    key: str
    title: Promise  # the page: "Import cases"
    sheet: Promise  # the template's sheet: "Cases"
    roles: tuple
    columns: Callable  # (partner ids) -> the template's columns, with today's dropdowns
    plan: Callable  # (partner=, sheet=, progress=) -> (ImportPlan, [PlannedRow])
    write: Callable  # ([PlannedRow], partner=, user=, file_name=, progress=); raises RowRefused
    counted: tuple  # (count key, label) shown in the preview
    notes: tuple = ()  # extra lines of the template's instructions
    done_url_name: str = ""  # the list the rows imported are found in (linked from the run page)


KINDS = {
    kind.key: kind
    for kind in (
        RegisterKind(
            key="cases",
            title=_("Import cases"),
            sheet=_("Cases"),
            roles=IMPORT_ROLES,
            columns=case_columns,
            plan=case_import_plan,
            write=cases_write,
            done_url_name="workflows_admin:client_index",
            counted=(
                ("new", _("New cases")),
                ("linked", _("New cases of a person registered by another partner")),
                ("updated", _("Imported before, now updated")),
                ("unchanged", _("Imported before (unchanged)")),
            ),
            notes=(
                _(
                    "Importing a case again (the same register reference) updates its dates, "
                    "its imported answers and its outcome, and closes it when it has ended "
                    "since; its client, its process and the step of an open case are never "
                    "changed by an import."
                ),
                _(
                    "A case that has ended needs its outcome and the date it closed; a case "
                    "still open may name the step it waits at, and its task goes to that "
                    "step's queue."
                ),
                ANSWERS_HELP,
            ),
        ),
        RegisterKind(
            key="follow-ups",
            title=_("Import planned follow-ups"),
            sheet=_("Follow-ups"),
            roles=IMPORT_ROLES,
            columns=follow_up_columns,
            plan=follow_up_import_plan,
            write=follow_ups_write,
            counted=(
                ("new", _("New follow-ups")),
                ("unchanged", _("Planned before (unchanged)")),
            ),
        ),
        RegisterKind(
            key="people",
            title=_("Import people and roles"),
            sheet=_("People"),
            roles=(Role.ADMINISTRATOR,),
            columns=lambda partner_ids: PERSON_COLUMNS,
            plan=person_import_plan,
            write=people_write,
            done_url_name="partners_admin:person_index",
            counted=(
                ("new", _("New people")),
                ("updated", _("Given a role or new details")),
                ("unchanged", _("Unchanged")),
            ),
            notes=(
                _(
                    "Passwords are never imported: a new person sets their own with “Forgot "
                    "password?” on the sign-in page."
                ),
            ),
        ),
    )
}


def _check_role(kind: RegisterKind, user, partner: Partner) -> None:
    if not user_has_role(user, kind.roles, partner):
        raise PermissionDenied


def register_import_preview(
    *,
    kind: RegisterKind,
    partner: Partner,
    user,
    data: bytes | BinaryIO,
    name: str,
    progress=None,
    max_bytes: int = MAX_BYTES,
) -> ImportPlan:
    """The dry run. Raises ImportFileError for an unreadable file. `progress(rows_done)` is
    called as the rows are checked."""
    _check_role(kind, user, partner)
    sheet = sheet_read(data, name, max_bytes=max_bytes)
    return kind.plan(partner=partner, sheet=sheet, progress=progress)[0]


def register_import_commit(
    *,
    kind: RegisterKind,
    partner: Partner,
    user,
    data: bytes | BinaryIO,
    name: str,
    progress=None,
    max_bytes: int = MAX_BYTES,
) -> ImportPlan:
    """Write every row or none; ImportRefused (nothing written) when any row has a problem.
    `progress(rows_done)` is called as the rows are written (after their check)."""
    _check_role(kind, user, partner)
    sheet = sheet_read(data, name, max_bytes=max_bytes)
    try:
        with transaction.atomic():
            Partner.objects.select_for_update().get(pk=partner.pk)
            plan, rows = kind.plan(partner=partner, sheet=sheet)
            if plan.problems:
                raise ImportRefused(plan)
            try:
                kind.write(rows, partner=partner, user=user, file_name=name, progress=progress)
            except RowRefused as refused:
                raise ImportRefused(_refused(refused.row, refused.message)) from None
            log(
                instance=partner,
                action=REGISTER_IMPORT_ACTION,
                user=user,
                title=str(partner),
                data={"kind": kind.key, "file": name, "rows": plan.total, **plan.counts},
            )
    except IntegrityError:
        raise ImportRefused(
            _refused(
                0,
                _(
                    "Someone changed the same records at the same moment. Nothing was "
                    "imported: upload the file again."
                ),
            )
        ) from None
    return plan


def _refused(row: int, message) -> ImportPlan:
    plan = ImportPlan()
    plan.problems.append(Problem(row, "", str(message)))
    return plan
