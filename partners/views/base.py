"""What every partners admin view shares: who may open it, the page furniture, breadcrumbs; and
`StaffPageMixin`, the page furniture every staff page of ours has."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from partners.selectors import user_is_administrator, user_is_central_administrator


class AdministratorRequiredMixin:
    """Administrators only (central ones when `central_only`).

    Anyone else gets Wagtail's PermissionDenied redirect to the dashboard; another partner's
    object is a 404 in the views themselves.
    """

    central_only = False

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        allowed = (
            user_is_central_administrator(user)
            if self.central_only
            else user_is_administrator(user)
        )
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffPageMixin(WagtailAdminTemplateMixin):
    """A staff page of ours in Wagtail's furniture, headed by its own title: the breadcrumbs end
    in `get_page_title()` (after the optional parent list), since Wagtail shows the last crumb as
    the heading and with only its own "Home" crumb the page read "หน้าแรก"."""

    parent_url_name = ""
    parent_label = ""

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.parent_url_name:
            items.append({"url": reverse(self.parent_url_name), "label": self.parent_label})
        items.append({"url": "", "label": self.get_page_title()})
        return items


class AdminPageMixin(AdministratorRequiredMixin, StaffPageMixin):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_central"] = user_is_central_administrator(self.request.user)
        return context
