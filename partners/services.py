"""Writes about partners, memberships and roles."""

from django.contrib.auth.models import Group
from django.db import transaction

from partners.models import Membership, Partner, Role, User
from partners.selectors import user_memberships_forget

# Each role is mirrored by a Django group holding its model permissions (and, for communications
# staff, Wagtail's page permissions and moderation). A user is in a role's group while they hold
# that role at any partner; which partner is checked by the selectors.
ROLE_GROUP_NAMES: dict[str, str] = {
    Role.ADMINISTRATOR: "Administrators",
    Role.SUPERVISOR: "Supervisors",
    Role.CASEWORKER: "Caseworkers",
    Role.COMMUNICATIONS: "Communications staff",
}


def user_sync_role_groups(*, user: User) -> None:
    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    role_groups = {
        group.name: group for group in Group.objects.filter(name__in=ROLE_GROUP_NAMES.values())
    }
    for role, name in ROLE_GROUP_NAMES.items():
        group = role_groups.get(name)
        if group is None:
            continue
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    user_memberships_forget(user)


@transaction.atomic
def membership_grant(*, user: User, partner: Partner, role: Role) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user, partner=partner, role=role)
    user_sync_role_groups(user=user)
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership) -> None:
    user = membership.user
    membership.delete()
    user_sync_role_groups(user=user)
