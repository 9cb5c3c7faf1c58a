"""The process administration in the Wagtail admin: its URLs, its menu item, and which processes
use a form version (shown on the forms admin). Imported by workflows.wagtail_hooks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from forms_builder.admin.views.definitions import USAGES_HOOK
from partners.menus import RoleMenuItem
from partners.models import Role
from workflows.selectors.definitions import form_version_usages
from workflows.views.definitions import urls


@hooks.register("register_admin_urls")
def register_process_admin_urls():
    return [path("processes/", include(urls, namespace="workflows_definitions"))]


@hooks.register("register_admin_menu_item")
def register_processes_menu_item():
    return RoleMenuItem(
        _("Processes"),
        reverse("workflows_definitions:index"),
        roles=[Role.ADMINISTRATOR],
        name="processes",
        icon_name="cogs",
        order=810,
    )


hooks.register(USAGES_HOOK, form_version_usages)
