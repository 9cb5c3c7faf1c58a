"""Which of our admin menu items a user sees, decided from their roles in one place.

Later apps register their items with `RoleMenuItem` in their own wagtail_hooks.py:

    @hooks.register("register_admin_menu_item")
    def register_inbox_menu_item():
        return RoleMenuItem(_("Inbox"), reverse_lazy("workflows_admin:inbox"),
                            roles=[Role.CASEWORKER, Role.SUPERVISOR], icon_name="tasks")
"""

from collections.abc import Iterable
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import ActionMenuItem

from partners.models import Role
from partners.selectors import user_has_role, user_is_central_administrator


def menu_item_visible(user, *, roles: Iterable[Role] = (), central_only: bool = False) -> bool:
    """Superusers see every item; central-only items need a central administrator; others need
    one of the roles at an active partner."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if central_only:
        return user_is_central_administrator(user)
    return user_has_role(user, list(roles))


class RoleMenuItem(MenuItem):
    """A main-menu item shown to holders of `roles` (or only central administrators)."""

    def __init__(
        self,
        label,
        url,
        *,
        roles: Iterable[Role] = (),
        central_only: bool = False,
        name: str | None = None,
        icon_name: str = "",
        order: int = 1000,
        **kwargs,
    ):
        super().__init__(label, url, name=name, icon_name=icon_name, order=order, **kwargs)
        self.roles = tuple(roles)
        self.central_only = central_only

    def is_shown(self, request) -> bool:
        return menu_item_visible(request.user, roles=self.roles, central_only=self.central_only)


class CountedRoleMenuItem(RoleMenuItem):
    """A role's menu item whose label carries a number (what waits for the user), read when the
    menu is drawn: "รออนุมัติ (3)". `count(user)` is one cheap query."""

    def __init__(self, label, url, *, count, **kwargs):
        super().__init__(label, url, **kwargs)
        self.count = count

    def render_component(self, request):
        component = super().render_component(request)
        number = self.count(request.user)
        if number:
            component.label = f"{self.label} ({number})"
        return component


class AdminLanguageMenuItem(MenuItem):
    """ไทย / English: a POST form in the sidebar that switches the admin to the other language."""

    def __init__(self, languages: dict[str, str], **kwargs):
        super().__init__(label="", url="", name="admin-language", icon_name="globe", **kwargs)
        self.languages = languages

    def other_language(self) -> str:
        current = (get_language() or "th").split("-")[0]
        others = [code for code in self.languages if code != current]
        return others[0] if others else current

    def render_component(self, request):
        language = self.other_language()
        url = reverse("partners_admin:language", args=[language])
        action = f"{url}?{urlencode({'next': request.get_full_path()})}"
        return ActionMenuItem(self.name, self.languages[language], action, icon_name=self.icon_name)
