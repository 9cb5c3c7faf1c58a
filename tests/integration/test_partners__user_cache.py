"""The signed-in user from the shared cache: read once, kept until something about it changes."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from partners.auth_backend import CachedModelBackend
from partners.models import Role
from partners.selectors import user_partner_ids
from partners.services import membership_grant, membership_revoke, partner_set_active
from tests.factories import PartnerFactory, member

pytestmark = pytest.mark.django_db


def fresh(user):
    return CachedModelBackend().get_user(user.pk)


def test_the_user_cache_is_the_shared_one_and_sessions_read_through_it():
    assert settings.THIPHUENG_USER_CACHE == "default"
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    assert "partners.auth_backend.CachedModelBackend" in settings.AUTHENTICATION_BACKENDS


def test_a_kept_user_costs_no_statement_with_its_permissions_memberships_and_profile(
    partner, django_assert_num_queries
):
    worker = member(Role.CASEWORKER, partner=partner)
    may_enter = worker.has_perm("wagtailadmin.access_admin")
    fresh(worker)
    with django_assert_num_queries(0):
        user = fresh(worker)
        assert user_partner_ids(user) == {partner.pk}
        assert user.has_perm("wagtailadmin.access_admin") is may_enter
        assert not hasattr(user, "wagtail_userprofile")


def test_a_request_reads_neither_the_user_nor_its_permissions_nor_memberships(client, partner):
    worker = member(Role.CASEWORKER, partner=partner)
    client.force_login(worker)
    client.get(reverse("workflows_admin:inbox"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("workflows_admin:inbox")).status_code == 200
    read = " ".join(q["sql"] for q in queries)
    for table in ("auth_permission", "partners_membership", "wagtailusers_userprofile"):
        assert f'FROM "{table}"' not in read
    assert 'SELECT "partners_user"."id", "partners_user"."password"' not in read  # get_user


def test_a_new_or_revoked_membership_is_seen_at_once(partner, other_partner):
    worker = member(Role.CASEWORKER, partner=partner)
    fresh(worker)
    granted = membership_grant(user=worker, partner=other_partner, role=Role.SUPERVISOR)
    assert user_partner_ids(fresh(worker)) == {partner.pk, other_partner.pk}
    membership_revoke(membership=granted)
    assert user_partner_ids(fresh(worker)) == {partner.pk}


def test_a_partner_switched_off_drops_out_of_its_members_memberships(partner, other_partner):
    worker = member(Role.CASEWORKER, partner=partner)
    membership_grant(user=worker, partner=other_partner, role=Role.CASEWORKER)
    assert user_partner_ids(fresh(worker)) == {partner.pk, other_partner.pk}
    partner_set_active(partner=other_partner, is_active=False, by=None)
    assert user_partner_ids(fresh(worker)) == {partner.pk}


def test_a_deactivated_user_is_signed_out_at_once(partner):
    worker = member(Role.CASEWORKER, partner=partner)
    assert fresh(worker) is not None
    worker.is_active = False
    worker.save()
    assert fresh(worker) is None


def test_permissions_given_to_the_user_or_its_group_are_seen_at_once(partner):
    worker = member(Role.CASEWORKER, partner=partner)
    permission = Permission.objects.get(codename="add_group")
    assert not fresh(worker).has_perm("auth.add_group")
    worker.user_permissions.add(permission)
    assert fresh(worker).has_perm("auth.add_group")
    worker.user_permissions.remove(permission)
    assert not fresh(worker).has_perm("auth.add_group")
    group = Group.objects.create(name="ทดสอบ")
    worker.groups.add(group)
    assert not fresh(worker).has_perm("auth.add_group")
    group.permissions.add(permission)
    assert fresh(worker).has_perm("auth.add_group")
    permission.group_set.clear()
    assert not fresh(worker).has_perm("auth.add_group")
    group.permissions.add(permission)
    group.user_set.clear()
    assert not fresh(worker).has_perm("auth.add_group")


def test_a_changed_wagtail_profile_is_seen_at_once(partner):
    worker = member(Role.CASEWORKER, partner=partner)
    fresh(worker)
    UserProfile.objects.create(user=worker, preferred_language="en")
    assert fresh(worker).wagtail_userprofile.preferred_language == "en"


def test_another_partners_change_leaves_the_kept_user(partner, django_assert_num_queries):
    worker = member(Role.CASEWORKER, partner=partner)
    fresh(worker)
    elsewhere = PartnerFactory()
    partner_set_active(partner=elsewhere, is_active=False, by=None)
    with django_assert_num_queries(0):
        fresh(worker)
