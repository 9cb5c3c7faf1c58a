"""Reads about partners, memberships and roles. Every permission check goes through here."""

from collections.abc import Iterable

from django.db.models import QuerySet

from partners.models import Membership, Partner, PartnerKind, Role

_CACHE_ATTR = "_thiphueng_memberships"


def user_memberships(user) -> list[Membership]:
    """The user's memberships at active partners, read once per user object (i.e. per request)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, partner__is_active=True).select_related("partner")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def user_memberships_forget(user) -> None:
    """Drop the per-object cache after memberships change."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def user_has_role(user, roles: Role | Iterable[Role], partner: Partner | None = None) -> bool:
    """Whether the user holds one of the roles (at the partner, or at any partner)."""
    wanted = {roles} if isinstance(roles, str) else set(roles)
    return any(
        m.role in wanted and (partner is None or m.partner_id == partner.pk)
        for m in user_memberships(user)
    )


def user_partner_ids(user, roles: Role | Iterable[Role] | None = None) -> set[int]:
    """Ids of the partners where the user holds one of the roles (any role when None)."""
    wanted = None if roles is None else ({roles} if isinstance(roles, str) else set(roles))
    return {m.partner_id for m in user_memberships(user) if wanted is None or m.role in wanted}


def user_partners(user, roles: Role | Iterable[Role] | None = None) -> QuerySet[Partner]:
    return Partner.objects.filter(pk__in=user_partner_ids(user, roles))


def user_is_central_administrator(user) -> bool:
    """Superusers and administrators of the provincial center manage the whole network."""
    if getattr(user, "is_superuser", False):
        return True
    return any(
        m.role == Role.ADMINISTRATOR and m.partner.kind == PartnerKind.CENTER
        for m in user_memberships(user)
    )


def partners_administered_by(user) -> QuerySet[Partner]:
    """Partners whose people and settings the user may manage."""
    if user_is_central_administrator(user):
        return Partner.objects.all()
    return user_partners(user, Role.ADMINISTRATOR)
