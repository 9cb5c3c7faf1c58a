"""The bell: a main-menu item with the unread count (one indexed COUNT per admin page)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from notifications import urls
from notifications.selectors import notifications_unread_count


@hooks.register("register_admin_urls")
def register_notification_urls():
    return [path("notifications/", include(urls, namespace="notifications"))]


@hooks.register("construct_main_menu")
def add_notification_bell(request, menu_items):
    unread = notifications_unread_count(request.user)
    label = _("Notifications (%(count)s new)") % {"count": unread} if unread else _("Notifications")
    menu_items.append(
        MenuItem(
            label,
            reverse("notifications:list"),
            name="notifications",
            icon_name="mail",
            order=100,
            attrs={"data-unread": str(unread)},
        )
    )
