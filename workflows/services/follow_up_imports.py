"""Writing imported follow-ups through `follow_up_add`, as a caseworker plans one: each gets
its due item, so its case starts in the queue some days before its date."""

from django.utils.translation import gettext as _

from workflows.errors import WorkflowError
from workflows.imports.clients import UNCHANGED
from workflows.imports.registers import PlannedRow, RowRefused, rows_counted
from workflows.services.followups import follow_up_add


def follow_ups_write(
    rows: list[PlannedRow], *, partner, user, file_name: str, progress=None
) -> None:
    for row in rows_counted(rows, progress):
        if row.action == UNCHANGED:
            continue
        values = row.values
        try:
            follow_up_add(
                case=values["case"],
                user=user,
                due_on=values["due_on"],
                reason=values["reason"] or _("Imported from %(file)s") % {"file": file_name},
                process_definition=values["process"],
                lead_days=values["lead_days"],
            )
        except WorkflowError as error:
            raise RowRefused(row.row, error) from error
