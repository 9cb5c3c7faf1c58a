"""The bell: a main-menu item with the unread count (one of the menu's numbers, read together)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from notifications import urls
from notifications.models import Notification
from partners.menus import menu_count, menu_count_register, scalar_count

menu_count_register(
    "notifications_unread",
    lambda user: scalar_count(Notification.objects.filter(recipient=user, read_at=None)),
)


@hooks.register("register_admin_urls")
def register_notification_urls():
    return [path("notifications/", include(urls, namespace="notifications"))]


@hooks.register("construct_main_menu")
def add_notification_bell(request, menu_items):
    unread = menu_count(request.user, "notifications_unread")
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
