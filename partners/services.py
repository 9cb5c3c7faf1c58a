"""Writes about partners, people, memberships and roles. Each change is in Wagtail's audit log."""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.log_actions import log

from partners.models import Membership, Partner, Role, ServiceArea, User
from partners.selectors import user_administers_partner, user_memberships_forget

# Each role is mirrored by a Django group holding its model permissions (and, for communications
# staff, Wagtail's page permissions and moderation). A user is in a role's group while they hold
# that role at any active partner; which partner is checked by the selectors.
ROLE_GROUP_NAMES: dict[str, str] = {
    Role.ADMINISTRATOR: "ผู้ดูแลระบบ",
    Role.SUPERVISOR: "หัวหน้างาน",
    Role.CASEWORKER: "เจ้าหน้าที่ผู้ปฏิบัติงาน",
    Role.COMMUNICATIONS: "เจ้าหน้าที่ประชาสัมพันธ์",
    Role.DATA_PROTECTION: "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล",
}  # Named in Thai (staff read them on Wagtail's screens) by cms migration 0006.

PARTNER_CONTACT_FIELDS = (
    "address",
    "phone",
    "email",
    "website",
    "contact_person",
    "referral_answer_days",
    "referral_kinds",
    "two_factor_for_everyone",
)
PARTNER_FIELDS = ("code", "name_th", "name_en", "kind", *PARTNER_CONTACT_FIELDS)
PERSON_FIELDS = ("first_name", "last_name", "email")


def _require_administrator(by: User | None, partner: Partner) -> None:
    """Services are called by views that checked already; this keeps a wrong call from writing."""
    if by is not None and not user_administers_partner(by, partner.pk):
        raise PermissionDenied


def role_groups_ensure() -> dict[str, Group]:
    """The role groups by name, recreated with admin access if a flush or a person removed them."""
    groups = {g.name: g for g in Group.objects.filter(name__in=ROLE_GROUP_NAMES.values())}
    missing = set(ROLE_GROUP_NAMES.values()) - set(groups)
    if missing:
        access_admin = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        for name in missing:
            groups[name] = Group.objects.create(name=name)
            groups[name].permissions.add(access_admin)
    return groups


def user_sync_role_groups(*, user: User) -> None:
    roles = set(
        Membership.objects.filter(user=user, partner__is_active=True).values_list("role", flat=True)
    )
    role_groups = role_groups_ensure()
    for role, name in ROLE_GROUP_NAMES.items():
        group = role_groups[name]
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    user_memberships_forget(user)


@transaction.atomic
def membership_grant(
    *, user: User, partner: Partner, role: Role, by: User | None = None
) -> Membership:
    _require_administrator(by, partner)
    membership, created = Membership.objects.get_or_create(user=user, partner=partner, role=role)
    if created:
        user_sync_role_groups(user=user)
        log(
            instance=user,
            action="partners.membership.grant",
            user=by,
            data={"partner_id": partner.pk, "partner": partner.name_th, "role": str(role)},
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, by: User | None = None) -> None:
    _require_administrator(by, membership.partner)
    user, partner, role = membership.user, membership.partner, membership.role
    membership.delete()
    user_sync_role_groups(user=user)
    log(
        instance=user,
        action="partners.membership.revoke",
        user=by,
        data={"partner_id": partner.pk, "partner": partner.name_th, "role": role},
    )


def _partner_set_areas(*, partner: Partner, area_codes: Iterable[str]) -> None:
    wanted = set(area_codes)
    partner.service_areas.exclude(code__in=wanted).delete()
    existing = set(partner.service_areas.values_list("code", flat=True))
    ServiceArea.objects.bulk_create(
        [ServiceArea(partner=partner, code=code) for code in sorted(wanted - existing)]
    )


@transaction.atomic
def partner_create(*, by: User | None, area_codes: Iterable[str], **fields) -> Partner:
    partner = Partner(**{name: fields[name] for name in PARTNER_FIELDS if name in fields})
    partner.full_clean(exclude=["service_areas"])
    partner.save()
    _partner_set_areas(partner=partner, area_codes=area_codes)
    log(instance=partner, action="wagtail.create", user=by)
    return partner


@transaction.atomic
def partner_update(
    *, partner: Partner, by: User | None, area_codes: Iterable[str] | None = None, **fields
) -> Partner:
    """Change a partner's fields (only those given) and, when given, its service areas."""
    _require_administrator(by, partner)
    for name in PARTNER_FIELDS:
        if name in fields:
            setattr(partner, name, fields[name])
    partner.full_clean(exclude=["service_areas"])
    partner.save()
    if area_codes is not None:
        _partner_set_areas(partner=partner, area_codes=area_codes)
    log(instance=partner, action="wagtail.edit", user=by)
    return partner


@transaction.atomic
def partner_set_active(*, partner: Partner, is_active: bool, by: User | None) -> Partner:
    """Deactivating a partner takes its roles away from its people (their memberships stay)."""
    _require_administrator(by, partner)
    if partner.is_active == is_active:
        return partner
    partner.is_active = is_active
    partner.save(update_fields=["is_active", "updated_at"])
    for user in User.objects.filter(memberships__partner=partner).distinct():
        user_sync_role_groups(user=user)
    action = "partners.partner.activate" if is_active else "partners.partner.deactivate"
    log(instance=partner, action=action, user=by)
    return partner


@transaction.atomic
def person_create(
    *,
    by: User | None,
    username: str,
    password: str,
    partner: Partner,
    role: Role,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    """A new (never super-) user with a first role at a partner."""
    _require_administrator(by, partner)
    person = User(username=username, first_name=first_name, last_name=last_name, email=email)
    person.set_password(password)
    person.save()
    log(instance=person, action="wagtail.create", user=by)
    membership_grant(user=person, partner=partner, role=role, by=by)
    return person


@transaction.atomic
def person_update(*, person: User, by: User | None, **fields) -> User:
    for name in PERSON_FIELDS:
        if name in fields:
            setattr(person, name, fields[name])
    person.save(update_fields=[name for name in PERSON_FIELDS if name in fields])
    log(instance=person, action="wagtail.edit", user=by)
    return person


@transaction.atomic
def person_set_active(*, person: User, is_active: bool, by: User | None) -> User:
    if person.is_active == is_active:
        return person
    person.is_active = is_active
    person.save(update_fields=["is_active"])
    action = "partners.person.activate" if is_active else "partners.person.deactivate"
    log(instance=person, action=action, user=by)
    return person
