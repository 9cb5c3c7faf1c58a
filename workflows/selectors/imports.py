"""Background imports a user may see: those of the registers they import, into the partners
they import them for (a people register only for the partner's administrators)."""

from django.db.models import Q, QuerySet

from partners.selectors import user_partner_ids
from workflows.models import ClientImport


def imports_visible_to(user) -> QuerySet[ClientImport]:
    from workflows.services.import_runs import KINDS

    by_roles: dict[tuple, list[str]] = {}
    for key, kind in KINDS.items():
        by_roles.setdefault(kind.roles, []).append(key)
    visible = Q(pk__in=[])
    for roles, kinds in by_roles.items():
        visible |= Q(kind__in=kinds, partner_id__in=user_partner_ids(user, roles))
    return ClientImport.objects.filter(visible).select_related("partner", "created_by")


def import_seconds_left(record: ClientImport, now) -> int | None:
    """From the pace so far: None before the first rows are done or once it has stopped."""
    if not record.running or not record.started_at or not record.done or not record.total:
        return None
    elapsed = (now - record.started_at).total_seconds()
    return max(0, round(elapsed / record.done * (record.total - record.done)))
