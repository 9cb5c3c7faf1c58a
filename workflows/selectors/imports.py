"""Background imports a user may see: those into the partners they import for."""

from django.db.models import QuerySet

from partners.selectors import user_partner_ids
from workflows.models import ClientImport
from workflows.services.imports import IMPORT_ROLES


def client_imports_visible_to(user) -> QuerySet[ClientImport]:
    return ClientImport.objects.filter(
        partner_id__in=user_partner_ids(user, IMPORT_ROLES)
    ).select_related("partner", "created_by")


def import_seconds_left(record: ClientImport, now) -> int | None:
    """From the pace so far: None before the first rows are done or once it has stopped."""
    if not record.running or not record.started_at or not record.done or not record.total:
        return None
    elapsed = (now - record.started_at).total_seconds()
    return max(0, round(elapsed / record.done * (record.total - record.done)))
