"""The caseworker's workspace in the Wagtail admin: URLs, menu items, home panel, audit actions.

Process administration (W2) registers its own through workflows.wagtail_hooks.definitions, imported
at the end of this file.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.menus import CountedRoleMenuItem, RoleMenuItem, menu_count_register
from partners.models import Role
from partners.selectors import user_has_role
from workflows.selectors.audit import PARTNER_LOG_ROLES
from workflows.selectors.referrals import referrals_pending_count_query
from workflows.selectors.tasks import approvals_count_query
from workflows.services.imports import CLIENTS_IMPORT_ACTION
from workflows.services.register_imports import REGISTER_IMPORT_ACTION
from workflows.views.workspace import urls
from workflows.views.workspace.cases import CASE_VIEW_ACTION
from workflows.views.workspace.clients import CLIENT_VIEW_ACTION
from workflows.views.workspace.dashboard import MyWorkPanel
from workflows.views.workspace.exports import EXPORT_ACTION

WORKERS = [Role.CASEWORKER, Role.SUPERVISOR]


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("work/", include(urls, namespace="workflows_admin"))]


# (label, URL name, roles, menu name, icon, order) of the workspace's menu items.
WORKSPACE_MENU = [
    (_("My tasks"), "inbox", WORKERS, "inbox", "tasks", 110),
    (_("Tasks waiting"), "queue", WORKERS, "queue", "list-ul", 120),
    (_("Clients"), "client_index", [*WORKERS, Role.ADMINISTRATOR], "clients", "user", 130),
    (_("Open a case"), "case_start", WORKERS, "case-start", "plus", 140),
    (_("Work overview"), "dashboard", [Role.SUPERVISOR], "work-overview", "table", 150),
    (_("Personal data access log"), "access_log", PARTNER_LOG_ROLES, "access-log", "history", 160),
    (_("Personal data breaches"), "breaches", PARTNER_LOG_ROLES, "breaches", "warning", 165),
]


def _menu_item_hook(label, url_name, roles, name, icon_name, order):
    def register_menu_item():
        return RoleMenuItem(
            label,
            reverse(f"workflows_admin:{url_name}"),
            roles=roles,
            name=name,
            icon_name=icon_name,
            order=order,
        )

    return register_menu_item


for _entry in WORKSPACE_MENU:
    hooks.register("register_admin_menu_item", _menu_item_hook(*_entry))


menu_count_register("approvals", approvals_count_query)
menu_count_register("referrals_pending", referrals_pending_count_query)


@hooks.register("register_admin_menu_item")
def register_approvals_menu_item():
    return CountedRoleMenuItem(
        _("Waiting for my approval"),
        reverse("workflows_admin:approvals"),
        count="approvals",
        roles=[Role.SUPERVISOR],
        name="approvals",
        icon_name="check",
        order=125,
    )


@hooks.register("register_admin_menu_item")
def register_referrals_menu_item():
    return CountedRoleMenuItem(
        _("Referrals received"),
        reverse("workflows_admin:referral_queue"),
        count="referrals_pending",
        roles=WORKERS,
        name="referrals",
        icon_name="redirect",
        order=127,
    )


@hooks.register("construct_homepage_panels")
def add_my_work_panel(request, panels):
    if user_has_role(request.user, WORKERS):
        panels.append(MyWorkPanel(request.user, user_has_role(request.user, Role.SUPERVISOR)))


@hooks.register("register_log_actions")
def register_workflows_log_actions(actions):
    actions.register_action(CASE_VIEW_ACTION, _("View case"), _("Case viewed"))
    actions.register_action(CLIENT_VIEW_ACTION, _("View client"), _("Client viewed"))
    actions.register_action(CLIENTS_IMPORT_ACTION, _("Import clients"), _("Clients imported"))
    actions.register_action(REGISTER_IMPORT_ACTION, _("Import a register"), _("Register imported"))
    actions.register_action(EXPORT_ACTION, _("Export a list"), _("List exported"))


from workflows.wagtail_hooks import audit, definitions, outcomes, reports, staff  # noqa: E402, F401
