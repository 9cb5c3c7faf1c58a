"""The signed-in user from the shared cache: one cache read per request instead of the user, its
permissions (2), Wagtail's profile and the memberships (5 statements).

`CachedModelBackend` is Django's ModelBackend whose `get_user` (what every request with a session
calls) reads the user from `settings.THIPHUENG_USER_CACHE` (an alias of CACHES, the shared one:
Redis or the database table, so every process sees one entry), filled on a miss with what a
request then asks of the user: its permissions, its memberships at active partners and its
Wagtail profile. Each change to these deletes the entry (now and again when the transaction
commits, so a process reading between the two cannot keep the old one): the user saved or
deleted, its groups or permissions, a group's permissions, a membership, a partner (active or
not, its name), the Wagtail profile. An empty THIPHUENG_USER_CACHE turns the cache off.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from partners.models import Membership, Partner, User
from partners.selectors import user_memberships

KEY = "thiphueng:user:{pk}"
TIMEOUT = 60 * 60  # seconds; an entry is also deleted on every change that concerns it


def _cache():
    alias = getattr(settings, "THIPHUENG_USER_CACHE", "")
    return caches[alias] if alias else None


def users_forget(pks) -> None:
    """Delete the cached users, now and once the current transaction commits."""
    cache, keys = _cache(), [KEY.format(pk=pk) for pk in pks if pk]
    if cache is None or not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def _user_filled(user: User) -> User:
    """The user with what a request reads of it already read (kept in the pickled object)."""
    ModelBackend().get_all_permissions(user)  # fills _user_perm_cache, _group_perm_cache
    user_memberships(user)
    hasattr(user, "wagtail_userprofile")  # caches the profile, or its absence
    return user


class CachedModelBackend(ModelBackend):
    def get_user(self, user_id):
        cache = _cache()
        if cache is None:
            return super().get_user(user_id)
        key = KEY.format(pk=user_id)
        user = cache.get(key)
        if user is None:
            user = super().get_user(user_id)
            if user is None:
                return None
            cache.set(key, _user_filled(user), TIMEOUT)
        return user if self.user_can_authenticate(user) else None


def _user_changed(sender, instance, **kwargs):
    users_forget([instance.pk])


def _membership_changed(sender, instance, **kwargs):
    users_forget([instance.user_id])


def _partner_changed(sender, instance, **kwargs):
    members = Membership.objects.filter(partner_id=instance.pk)
    users_forget(members.values_list("user_id", flat=True))


def _profile_changed(sender, instance, **kwargs):
    users_forget([instance.user_id])


def _user_relations_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """User.groups / User.user_permissions from either side."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:
        users_forget([instance.pk])
    elif action == "pre_clear":  # a group's or a permission's users, about to lose it
        users_forget(instance.user_set.values_list("pk", flat=True))
    else:
        users_forget(pk_set or ())


def _group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:  # a permission given to or taken from groups
        groups = Group.objects.filter(pk__in=pk_set) if pk_set else instance.group_set.all()
    else:
        groups = [instance]
    users_forget(User.objects.filter(groups__in=groups).values_list("pk", flat=True))


def signals_connect() -> None:
    from wagtail.users.models import UserProfile

    for signal in (post_save, post_delete):
        signal.connect(_user_changed, sender=User, dispatch_uid="user_cache_user")
        signal.connect(_membership_changed, sender=Membership, dispatch_uid="user_cache_m")
        signal.connect(_partner_changed, sender=Partner, dispatch_uid="user_cache_partner")
        signal.connect(_profile_changed, sender=UserProfile, dispatch_uid="user_cache_profile")
    # A deleted partner's memberships go with it (their own post_delete), read them before.
    pre_delete.connect(_partner_changed, sender=Partner, dispatch_uid="user_cache_partner_pre")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(_user_relations_changed, sender=through, dispatch_uid=f"uc_{through}")
    m2m_changed.connect(
        _group_permissions_changed, sender=Group.permissions.through, dispatch_uid="uc_group"
    )
