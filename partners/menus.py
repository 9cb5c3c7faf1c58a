"""Which of our admin menu items a user sees, decided from their roles in one place.

Later apps register their items with `RoleMenuItem` in their own wagtail_hooks.py:

    @hooks.register("register_admin_menu_item")
    def register_inbox_menu_item():
        return RoleMenuItem(_("Inbox"), reverse_lazy("workflows_admin:inbox"),
                            roles=[Role.CASEWORKER, Role.SUPERVISOR], icon_name="tasks")
"""

from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from django.db.models import F, Func, IntegerField, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import ActionMenuItem

from partners.models import Role, User
from partners.selectors import user_has_role, user_is_central_administrator


def menu_item_visible(user, *, roles: Iterable[Role] = (), central_only: bool = False) -> bool:
    """Central-only items need a central administrator; others need one of the roles at an active
    partner. Superusers see what a central administrator opens (central-only and administrators'
    items), not the casework items whose pages would send them back to the dashboard for want of
    a caseworker's or supervisor's role."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    roles = list(roles)
    if user.is_superuser and (central_only or Role.ADMINISTRATOR in roles):
        return True
    if central_only:
        return user_is_central_administrator(user)
    return user_has_role(user, roles)


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


# The menu's numbers (approvals, referrals, the bell, …): each app registers how to count its
# own; the first number asked for in a request reads all of them in one query, kept on the user
# object (as the memberships are).
_MENU_COUNTS: dict[str, Callable[[object], QuerySet | None]] = {}
_COUNTS_ATTR = "_thiphueng_menu_counts"


def menu_count_register(name: str, counted: Callable[[object], QuerySet | None]) -> None:
    """`counted(user)`: a one-value queryset (`scalar_count`, `scalar_sum`), or None for 0."""
    _MENU_COUNTS[name] = counted


def scalar_count(queryset: QuerySet) -> QuerySet:
    """SELECT COUNT(*) of the queryset's rows, as a subquery."""
    return queryset.order_by().annotate(_n=Func(Value(1), function="COUNT")).values("_n")


def scalar_sum(queryset: QuerySet, field: str) -> QuerySet:
    return queryset.order_by().annotate(_n=Func(F(field), function="SUM")).values("_n")


def menu_counts(user) -> dict[str, int]:
    """Every registered number for the user, in one query (none if nothing is to be counted)."""
    cached = getattr(user, _COUNTS_ATTR, None)
    if cached is not None:
        return cached
    counts = dict.fromkeys(_MENU_COUNTS, 0)
    if getattr(user, "is_authenticated", False):
        wanted = {name: counted(user) for name, counted in _MENU_COUNTS.items()}
        expressions = {
            name: Coalesce(Subquery(q, output_field=IntegerField()), 0)
            for name, q in wanted.items()
            if q is not None
        }
        if expressions:
            counts.update(User.objects.filter(pk=user.pk).values(**expressions).get())
    setattr(user, _COUNTS_ATTR, counts)
    return counts


def menu_count(user, name: str) -> int:
    return menu_counts(user).get(name, 0)


class CountedRoleMenuItem(RoleMenuItem):
    """A role's menu item whose label carries a number (what waits for the user), read when the
    menu is drawn: "รออนุมัติ (3)". `count` names a number registered with
    `menu_count_register`; all of them cost one query together."""

    def __init__(self, label, url, *, count: str, **kwargs):
        super().__init__(label, url, **kwargs)
        self.count = count

    def render_component(self, request):
        component = super().render_component(request)
        number = menu_count(request.user, self.count)
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
