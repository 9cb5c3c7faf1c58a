"""The caseworker's workspace in the Wagtail admin: URLs, menu items, home panel, audit actions.

Process administration (W2) registers its own through workflows.admin_definitions_hooks, imported
at the end of this file.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.menus import RoleMenuItem
from partners.models import Role
from partners.selectors import user_has_role
from workflows.views.workspace import urls
from workflows.views.workspace.cases import CASE_VIEW_ACTION
from workflows.views.workspace.clients import CLIENT_VIEW_ACTION
from workflows.views.workspace.dashboard import MyWorkPanel

WORKERS = [Role.CASEWORKER, Role.SUPERVISOR]


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("work/", include(urls, namespace="workflows_admin"))]


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return RoleMenuItem(
        _("My tasks"),
        reverse("workflows_admin:inbox"),
        roles=WORKERS,
        name="inbox",
        icon_name="tasks",
        order=110,
    )


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return RoleMenuItem(
        _("Tasks waiting"),
        reverse("workflows_admin:queue"),
        roles=WORKERS,
        name="queue",
        icon_name="list-ul",
        order=120,
    )


@hooks.register("register_admin_menu_item")
def register_clients_menu_item():
    return RoleMenuItem(
        _("Clients"),
        reverse("workflows_admin:client_index"),
        roles=[*WORKERS, Role.ADMINISTRATOR],
        name="clients",
        icon_name="user",
        order=130,
    )


@hooks.register("register_admin_menu_item")
def register_start_case_menu_item():
    return RoleMenuItem(
        _("Open a case"),
        reverse("workflows_admin:case_start"),
        roles=WORKERS,
        name="case-start",
        icon_name="plus",
        order=140,
    )


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return RoleMenuItem(
        _("Work overview"),
        reverse("workflows_admin:dashboard"),
        roles=[Role.SUPERVISOR],
        name="work-overview",
        icon_name="table",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def add_my_work_panel(request, panels):
    if user_has_role(request.user, WORKERS):
        panels.append(MyWorkPanel(request.user, user_has_role(request.user, Role.SUPERVISOR)))


@hooks.register("register_log_actions")
def register_workflows_log_actions(actions):
    actions.register_action(CASE_VIEW_ACTION, _("View case"), _("Case viewed"))
    actions.register_action(CLIENT_VIEW_ACTION, _("View client"), _("Client viewed"))


from workflows import admin_definitions_hooks, admin_reports_hooks  # noqa: E402, F401
