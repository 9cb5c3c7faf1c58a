"""What every workspace view shares: who may open it, page furniture, and the 404 rule.

Another partner's case, client or task does not exist for the user: every lookup goes through a
selector scoped to the user's partners, so a foreign id is a 404 on every URL, GET or POST.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from partners.models import Role
from partners.selectors import user_is_central_administrator, user_partner_ids
from partners.views.base import StaffPageMixin
from workflows.selectors.access import CASE_ROLES

WORKER_ROLES = (Role.SUPERVISOR, Role.CASEWORKER)
PER_PAGE = 25


class WorkspaceAccessMixin:
    """Only people holding one of `roles` at an active partner; others go back to the dashboard."""

    roles = CASE_ROLES

    def dispatch(self, request, *args, **kwargs):
        if not user_partner_ids(request.user, self.roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class WorkspacePageMixin(WorkspaceAccessMixin, StaffPageMixin):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_worker"] = bool(user_partner_ids(self.request.user, WORKER_ROLES))
        context["is_supervisor"] = bool(user_partner_ids(self.request.user, Role.SUPERVISOR))
        return context


class NotVisiblePage(StaffPageMixin, TemplateView):
    """What a case, client or task the user may not open answers: a 404 (the same whether it
    exists or not, so nothing is revealed) that says why in the user's language and where to go,
    instead of Wagtail's bare "Error 404". A central administrator reads that managing the network
    does not open partners' case files."""

    template_name = "workflows/workspace/not_visible.html"
    page_title = gettext_lazy("You cannot open this page")
    header_icon = "lock"
    what = ""

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(
            what=self.what,
            is_central=user_is_central_administrator(request.user),
            has_case_role=bool(user_partner_ids(request.user, CASE_ROLES)),
        )
        return self.render_to_response(context, status=404)

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)  # a form sent to it is the same 404

    @classmethod
    def answer(cls, request, what):
        """The page, answered from another view that found nothing it may show."""
        return cls.as_view(what=what)(request)


#: What a task one may not open is called on `NotVisiblePage`.
NOT_VISIBLE_TASK = gettext_lazy("This task")


class VisibleObjectMixin:
    """A workspace page about one object loaded in `setup` through a selector into
    `self.<object_name>` (None when the user may not see it): that is `NotVisiblePage`."""

    object_name = ""
    not_visible_what = ""

    def dispatch(self, request, *args, **kwargs):
        if getattr(self, self.object_name) is None:
            return NotVisiblePage.answer(request, self.not_visible_what)
        return super().dispatch(request, *args, **kwargs)


def id_param(value: str | None) -> int | None:
    """A row id from a query or form parameter: ASCII digits within a big integer, else None
    (`"²".isdigit()` is true and `int()` refuses it; 20 digits overflow the column)."""
    if not value or len(value) > 18 or not value.isascii() or not value.isdigit():
        return None
    return int(value)


def page_of(queryset, number, per_page: int = PER_PAGE, count: int | None = None):
    """A page of one of our own querysets; its count reads only our tables (no viewflow join),
    or is given (an inbox's or queue's number from the counters)."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: given, it is not read.
    return paginator.get_page(number)


COUNT_CAP = 1000


def page_of_capped(queryset, number, per_page: int = PER_PAGE, cap: int | None = None, few=None):
    """A page whose count stops at `cap` + 1 (a search that finds a great many says "more than
    1,000" instead of counting them all); `page.capped` says whether it stopped. `few(queryset)`,
    when given, is the queryset to page through when the count shows few rows (another plan for
    the same order). The page's ids are selected first, then their rows fetched by primary key."""
    cap = COUNT_CAP if cap is None else cap
    count = queryset.order_by()[: cap + 1].count()
    ordered = few(queryset) if few is not None and count <= cap else queryset
    page = page_of(ordered.values_list("pk", flat=True), number, per_page, count=count)
    rows = queryset.order_by().in_bulk(list(page.object_list))
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    page.capped = count > cap
    page.cap_shown = f"{cap:,}"
    return page


def query_without_page(request) -> str:
    """The current filters as a query string, for the pagination links."""
    params = request.GET.copy()
    params.pop("p", None)
    return params.urlencode()
