"""The personal-data access log on screen: "who has seen this person" per client, and a
partner's own log for its administrators and data protection officers."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from partners.selectors import user_partner_ids, user_partners
from workflows.models import AccessKind
from workflows.selectors.audit import (
    CLIENT_LOG_ROLES,
    PARTNER_LOG_ROLES,
    client_access_log,
    clients_with_log_visible_to,
    partner_access_log,
)
from workflows.services.audit import record_access
from workflows.views.workspace.base import (
    WorkspacePageMixin,
    id_param,
    page_of,
    query_without_page,
)


class ClientAccessLogView(WorkspacePageMixin, TemplateView):
    """ใครเข้าดูข้อมูลบุคคลนี้: every access to the person, by any partner."""

    roles = CLIENT_LOG_ROLES
    template_name = "workflows/workspace/client_access_log.html"
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser and not user_partner_ids(request.user, self.roles):
            raise PermissionDenied
        clients = clients_with_log_visible_to(request.user)
        self.client = get_object_or_404(clients, pk=kwargs["pk"])
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_page_title(self):
        return _("Who has seen %(client)s") % {"client": self.client.display_name}

    def get(self, request, *args, **kwargs):
        record_access(request, self.client, AccessKind.VIEW, detail={"page": "access_log"})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            client=self.client,
            page=page_of(client_access_log(client=self.client), self.request.GET.get("p")),
            query=query_without_page(self.request),
            show_client=False,
        )
        return context


class PartnerAccessLogView(WorkspacePageMixin, TemplateView):
    """A partner's log, for its administrators and data protection officers (superusers: all)."""

    roles = PARTNER_LOG_ROLES
    template_name = "workflows/workspace/access_log.html"
    page_title = gettext_lazy("Personal data access log")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_superuser:
            return TemplateView.dispatch(self, request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        kind = request.GET.get("kind", "")
        kind = kind if kind in AccessKind.values else ""
        partners = user_partners(request.user, self.roles)
        partner_id = id_param(request.GET.get("partner"))
        records = partner_access_log(user=request.user, partner_id=partner_id, kind=kind)
        context.update(
            page=page_of(records, request.GET.get("p")),
            query=query_without_page(request),
            kinds=AccessKind.choices,
            kind=kind,
            partners=partners if len(partners) > 1 else [],
            partner_id=partner_id,
            show_client=True,
        )
        return context
