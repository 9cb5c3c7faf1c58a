from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.menus import AdminLanguageMenuItem, RoleMenuItem
from partners.models import Role
from partners.two_factor import urls as two_factor_urls
from partners.views import urls as admin_urls
from partners.views.language import admin_languages


@hooks.register("register_admin_urls")
def register_partners_admin_urls():
    return [
        path("", include(admin_urls, namespace="partners_admin")),
        path("account/two-factor/", include(two_factor_urls, namespace="partners_two_factor")),
    ]


@hooks.register("register_admin_menu_item")
def register_partners_menu_item():
    return RoleMenuItem(
        _("Partners"),
        reverse("partners_admin:partner_index"),
        roles=[Role.ADMINISTRATOR],
        name="partners",
        icon_name="site",
        order=900,
    )


@hooks.register("register_admin_menu_item")
def register_people_menu_item():
    return RoleMenuItem(
        _("People"),
        reverse("partners_admin:person_index"),
        roles=[Role.ADMINISTRATOR],
        name="people",
        icon_name="group",
        order=910,
    )


@hooks.register("register_admin_menu_item")
def register_admin_language_menu_item():
    return AdminLanguageMenuItem(admin_languages(), order=100_000)


@hooks.register("register_log_actions")
def register_partners_log_actions(actions):
    actions.register_action("partners.membership.grant", _("Grant role"), _("Role granted"))
    actions.register_action("partners.membership.revoke", _("Revoke role"), _("Role revoked"))
    actions.register_action("partners.partner.deactivate", _("Deactivate"), _("Deactivated"))
    actions.register_action("partners.partner.activate", _("Reactivate"), _("Reactivated"))
    actions.register_action("partners.person.deactivate", _("Deactivate"), _("Deactivated"))
    actions.register_action("partners.person.activate", _("Reactivate"), _("Reactivated"))
    actions.register_action(
        "partners.two_factor.reset", _("Reset two-factor sign-in"), _("Two-factor sign-in reset")
    )


@hooks.register("insert_global_admin_js")
def widget_starts_js():
    # Starts Wagtail's date widgets and choosers without inline scripts (see the file).
    return format_html('<script src="{}"></script>', static("partners/js/widget-starts.js"))
