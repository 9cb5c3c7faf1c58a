"""Who sees the breach register: the data protection officers and administrators of a partner
involved in the breach (superusers: all)."""

from django.db.models import QuerySet

from partners.selectors import user_partner_ids
from workflows.models import Breach
from workflows.selectors.audit import PARTNER_LOG_ROLES


def breach_partner_ids(user) -> set[int] | None:
    if getattr(user, "is_superuser", False):
        return None
    return user_partner_ids(user, PARTNER_LOG_ROLES)


def breaches_visible_to(user) -> QuerySet[Breach]:
    ids = breach_partner_ids(user)
    breaches = Breach.objects.all()
    if ids is not None:
        breaches = breaches.filter(pk__in=Breach.objects.filter(partners__in=ids).values("pk"))
    return breaches.order_by("-discovered_at", "-pk")


def breaches_awaiting_office(user) -> int:
    """Open breaches the office (PDPC) has not been told of, nor decided not to tell."""
    return (
        breaches_visible_to(user)
        .filter(closed=False, regulator_notified_at__isnull=True, no_notification_reason="")
        .count()
    )
