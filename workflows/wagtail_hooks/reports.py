"""Public reports in the Wagtail admin: URLs, the administrators' menu item, audit actions.
Imported by workflows.wagtail_hooks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.menus import RoleMenuItem
from partners.models import Role
from workflows.services.cases import CASE_CLOSE_ACTION
from workflows.services.public_reports import REPORT_SETTING_ACTION
from workflows.views.reports import urls as reports_urls


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include(reports_urls, namespace="workflows_reports"))]


@hooks.register("register_admin_menu_item")
def register_report_settings_menu_item():
    return RoleMenuItem(
        _("Public reports"),
        reverse("workflows_reports:settings"),
        roles=[Role.ADMINISTRATOR],
        name="public-reports",
        icon_name="warning",
        order=820,
    )


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    actions.register_action(CASE_CLOSE_ACTION, _("Close case"), _("Case closed with an outcome"))
    actions.register_action(
        REPORT_SETTING_ACTION,
        _("Choose public report process"),
        _("Process for public reports chosen"),
    )
