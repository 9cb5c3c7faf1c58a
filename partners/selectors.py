"""Reads about partners, memberships and roles. Every permission check goes through here."""

from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet

from partners.models import Membership, Partner, PartnerKind, Role, User

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


def user_is_administrator(user) -> bool:
    """Whether the user may open the partner and people admin at all."""
    return user_is_central_administrator(user) or user_has_role(user, Role.ADMINISTRATOR)


def administered_partner_ids(user) -> set[int] | None:
    """Ids of the partners the user administers; None means every partner (central)."""
    if user_is_central_administrator(user):
        return None
    return user_partner_ids(user, Role.ADMINISTRATOR)


def user_administers_partner(user, partner_id: int) -> bool:
    ids = administered_partner_ids(user)
    return ids is None or partner_id in ids


def partner_list_for_administrator(user) -> QuerySet[Partner]:
    """The partners an administrator sees in the admin, with their areas and head count."""
    return (
        partners_administered_by(user)
        .annotate(people_count=Count("memberships__user", distinct=True))
        .prefetch_related("service_areas")
        .order_by("-is_active", "name_th")
    )


def people_visible_to(user) -> QuerySet[User]:
    """People an administrator may see: everyone with a role at a partner they administer.

    Central administrators see everyone. Only superusers see (and touch) superusers.
    """
    people = User.objects.all()
    ids = administered_partner_ids(user)
    if ids is not None:
        people = people.filter(
            pk__in=Membership.objects.filter(partner_id__in=ids).values("user_id")
        )
    if not getattr(user, "is_superuser", False):
        people = people.filter(is_superuser=False)
    return people


def people_list_for_administrator(user, search: str = "") -> QuerySet[User]:
    people = people_visible_to(user)
    if search:
        people = people.filter(
            Q(username__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(email__icontains=search)
        )
    memberships = Membership.objects.select_related("partner").order_by("partner__name_th", "role")
    return people.prefetch_related(Prefetch("memberships", queryset=memberships)).order_by(
        "first_name", "last_name", "username"
    )


def membership_changeable_by(user, membership: Membership) -> bool:
    return user_administers_partner(user, membership.partner_id)


def person_deactivatable_by(user, person: User) -> bool:
    """A partner administrator may deactivate only people who work for their partners alone."""
    if person.pk == user.pk:
        return False
    ids = administered_partner_ids(user)
    if ids is None:
        return True
    return not Membership.objects.filter(user=person).exclude(partner_id__in=ids).exists()


def partners_accepting_referrals(kind: str) -> QuerySet[Partner]:
    """Active partners that accept referrals of the kind (a JSON list, read in Python: the
    network has tens of partners, and SQLite has no JSON containment)."""
    ids = [
        pk
        for pk, kinds in Partner.objects.filter(is_active=True).values_list("pk", "referral_kinds")
        if kind in (kinds or [])
    ]
    return Partner.objects.filter(pk__in=ids)
