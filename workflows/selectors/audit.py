"""Who may read the personal-data access log, and what they read (PDPA accountability).

A partner's supervisors, administrators and data protection officers read "who has seen this
person" for the clients their partner holds (registered there or with a case there): every access
to that person, by any partner, with the partner named. A partner's administrators and data
protection officers read their own partner's log (accesses to its data and its people's logins,
searches and exports); superusers read everything."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from partners.models import Membership, Role
from partners.selectors import user_partner_ids
from workflows.models import AccessKind, AccessRecord, Case, Client

CLIENT_LOG_ROLES = (Role.SUPERVISOR, Role.ADMINISTRATOR, Role.DATA_PROTECTION)
PARTNER_LOG_ROLES = (Role.ADMINISTRATOR, Role.DATA_PROTECTION)


def clients_with_log_visible_to(user) -> QuerySet[Client]:
    if getattr(user, "is_superuser", False):
        return Client.objects.all()
    partner_ids = user_partner_ids(user, CLIENT_LOG_ROLES)
    with_case_here = Case.objects.filter(partner_id__in=partner_ids).values("client_id")
    return Client.objects.filter(Q(registered_by_id__in=partner_ids) | Q(pk__in=with_case_here))


def _with_people(records: QuerySet[AccessRecord]) -> QuerySet[AccessRecord]:
    return records.select_related("user", "partner", "content_type").order_by("-at", "-id")


def client_access_log(*, client: Client) -> QuerySet[AccessRecord]:
    """Every access to the person, newest first (indexed by client and time)."""
    return _with_people(AccessRecord.objects.filter(client=client))


def partner_log_partner_ids(user) -> set[int] | None:
    """Partners whose log the user reads; None for superusers (all)."""
    if getattr(user, "is_superuser", False):
        return None
    return user_partner_ids(user, PARTNER_LOG_ROLES)


def partner_access_log(*, user, partner_id: int | None = None, kind: str = "") -> QuerySet:
    """The log of the partners the user reads (one of them when `partner_id` is given):
    accesses to their data, and what their people did that is about no one partner (logins,
    failed logins under their user names, searches, exports)."""
    readable = partner_log_partner_ids(user)
    if readable is None:
        ids = None if partner_id is None else {partner_id}
    else:
        ids = readable if partner_id is None else readable & {partner_id}
    records = AccessRecord.objects.all()
    if ids is not None:
        members = Membership.objects.filter(partner_id__in=ids)
        by_member = Exists(members.filter(user_id=OuterRef("user_id")))
        tried_as_member = Exists(members.filter(user__username=OuterRef("username")))
        records = records.filter(
            Q(partner_id__in=ids)
            | Q(partner__isnull=True, user__isnull=False) & by_member
            | Q(kind=AccessKind.LOGIN_FAILED, user__isnull=True) & tried_as_member
        )
    if kind:
        records = records.filter(kind=kind)
    return _with_people(records)
