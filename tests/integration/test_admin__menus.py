import json
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from partners.menus import RoleMenuItem, menu_item_visible
from partners.models import PartnerKind, Role
from tests.factories import PartnerFactory, UserFactory, member

OURS = {"partners", "people"}
WAGTAIL_ADMIN_ONLY = {"settings", "users", "groups"}


def sidebar_names(client) -> set[str]:
    """Every menu item name in the sidebar the user is served (including submenus)."""
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', content, re.S).group(1)
    return set(re.findall(r'"name": "([^"]+)"', json.dumps(json.loads(props))))


def menu_names(user) -> set[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    return {item.name for item in admin_menu.menu_items_for_request(request)}


@pytest.mark.parametrize(
    ("role", "kind", "expected"),
    [
        (Role.ADMINISTRATOR, PartnerKind.MUNICIPALITY, {"partners", "people"}),
        (Role.ADMINISTRATOR, PartnerKind.CENTER, {"partners", "people"}),
        (Role.SUPERVISOR, PartnerKind.MUNICIPALITY, set()),
        (Role.CASEWORKER, PartnerKind.MUNICIPALITY, set()),
        (Role.COMMUNICATIONS, PartnerKind.MUNICIPALITY, set()),
    ],
)
def test_role_menus(db, role, kind, expected):
    user = member(role, partner=PartnerFactory(kind=kind))
    names = menu_names(user)
    assert names & OURS == expected
    assert "admin-language" in names
    assert not names & WAGTAIL_ADMIN_ONLY


def test_superuser_sees_our_items_and_wagtails_own(db):
    names = menu_names(UserFactory(is_superuser=True))
    assert names >= OURS
    assert {"settings", "admin-language"} <= names


@pytest.mark.parametrize("role", list(Role))
def test_wagtail_users_groups_and_settings_are_hidden_from_non_superusers(db, client, role):
    client.force_login(member(role))
    names = sidebar_names(client)
    assert not names & {"users", "groups", "settings", "sites", "collections", "redirects"}
    assert reverse("wagtailadmin_workflows:index") not in client.get("/admin/").content.decode()
    assert client.get(reverse("wagtailusers_users:index")).url == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailusers_groups:index")).url == reverse("wagtailadmin_home")


def test_superuser_sidebar_has_users_and_groups(db, client):
    client.force_login(UserFactory(is_superuser=True))
    assert {"users", "groups", "settings", "partners", "people"} <= sidebar_names(client)


def test_roles_at_a_deactivated_partner_show_nothing(db):
    partner = PartnerFactory(is_active=False)
    assert not menu_names(member(Role.ADMINISTRATOR, partner=partner)) & OURS


def test_role_menu_item_for_later_apps(db):
    inbox = RoleMenuItem("Inbox", "/admin/inbox/", roles=[Role.CASEWORKER, Role.SUPERVISOR])
    forms = RoleMenuItem("Forms", "/admin/forms/", central_only=True)
    request = RequestFactory().get("/admin/")
    for role, shows_inbox in [
        (Role.CASEWORKER, True),
        (Role.SUPERVISOR, True),
        (Role.ADMINISTRATOR, False),
        (Role.COMMUNICATIONS, False),
    ]:
        request.user = member(role)
        assert inbox.is_shown(request) is shows_inbox
        assert forms.is_shown(request) is False
    request.user = member(Role.ADMINISTRATOR, partner=PartnerFactory(kind=PartnerKind.CENTER))
    assert forms.is_shown(request)


def test_inactive_or_anonymous_users_see_no_role_items(db):
    from django.contrib.auth.models import AnonymousUser

    assert not menu_item_visible(AnonymousUser(), roles=[Role.CASEWORKER])
    user = member(Role.CASEWORKER)
    user.is_active = False
    assert not menu_item_visible(user, roles=[Role.CASEWORKER])


def test_a_superuser_without_casework_roles_sees_no_casework_items(db):
    """Every casework page sends a superuser with no caseworker's or supervisor's role back to
    the dashboard, so its menu item is not offered; the administrators' items are."""
    inbox = RoleMenuItem("Inbox", "/admin/inbox/", roles=[Role.CASEWORKER, Role.SUPERVISOR])
    people = RoleMenuItem("People", "/admin/people/", roles=[Role.ADMINISTRATOR])
    forms = RoleMenuItem("Forms", "/admin/forms/", central_only=True)
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_superuser=True)
    assert not inbox.is_shown(request)
    assert people.is_shown(request) and forms.is_shown(request)
    request.user = member(Role.CASEWORKER, is_superuser=True)
    assert inbox.is_shown(request)
