"""Who must give a second factor, and which admin addresses they may reach before they have."""

from django.conf import settings
from django.urls import reverse

from partners.models import Role
from partners.selectors import user_has_role, user_memberships

ROLES = (Role.ADMINISTRATOR, Role.SUPERVISOR, Role.DATA_PROTECTION)
RECOVERY_CODES = 10


def two_factor_required(user) -> bool:
    if not getattr(settings, "THIPHUENG_TWO_FACTOR_REQUIRED", False):
        return False
    if user.is_superuser or user_has_role(user, ROLES):
        return True
    # A partner's policy: everyone who works there (memberships are read with their partner).
    return any(m.partner.two_factor_for_everyone for m in user_memberships(user))


def reachable_unverified() -> tuple[str, ...]:
    """The sign-in, sign-out and two-factor screens, and the admin's translations."""
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("partners_two_factor:verify"),
        reverse("partners_two_factor:setup"),
        reverse("wagtailadmin_javascript_catalog"),
    )
