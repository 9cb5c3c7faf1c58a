"""What every partners admin view shares: who may open it, the page furniture, breadcrumbs."""

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


class AdminPageMixin(AdministratorRequiredMixin, WagtailAdminTemplateMixin):
    index_url_name = ""
    index_label = ""

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.index_url_name:
            items.append({"url": reverse(self.index_url_name), "label": self.index_label})
        items.append({"url": "", "label": self.get_page_title()})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_central"] = user_is_central_administrator(self.request.user)
        return context
