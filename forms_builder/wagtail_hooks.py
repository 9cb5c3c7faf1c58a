"""The forms administration in the Wagtail admin: its URLs and its menu item.

Extension point: `forms_builder_version_usages` (forms_builder.admin.views.definitions.USAGES_HOOK)
lets a later app (workflows) list which processes use each form version.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from forms_builder.admin import urls
from partners.menus import RoleMenuItem
from partners.models import Role


@hooks.register("register_admin_urls")
def register_forms_admin_urls():
    return [path("form-definitions/", include(urls, namespace="forms_builder_admin"))]


@hooks.register("register_admin_menu_item")
def register_forms_menu_item():
    return RoleMenuItem(
        _("Forms"),
        reverse("forms_builder_admin:index"),
        roles=[Role.ADMINISTRATOR],
        name="form-definitions",
        icon_name="form",
        order=800,
    )
