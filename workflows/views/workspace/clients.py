"""Clients (ผู้รับบริการ): search before registering, register, correct, and see their cases."""

import copy

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from partners.selectors import user_partner_ids, user_partners
from workflows.forms.clients import ClientForm, ClientSearchForm
from workflows.models import AccessKind
from workflows.selectors.access import CASE_ROLES
from workflows.selectors.audit import CLIENT_LOG_ROLES
from workflows.selectors.clients import (
    client_cases_visible,
    client_changes,
    client_editing_partner_id,
    clients_found_in_order,
    clients_search,
    clients_visible_to,
)
from workflows.services.audit import record_access
from workflows.services.clients import ClientFieldsOwned, client_create, client_update
from workflows.services.imports import IMPORT_ROLES
from workflows.views.workspace.base import (
    VisibleObjectMixin,
    WorkspacePageMixin,
    page_of_capped,
    query_without_page,
)

CLIENT_VIEW_ACTION = "workflows.client.view"


class ClientIndexView(WorkspacePageMixin, TemplateView):
    template_name = "workflows/workspace/client_index.html"
    page_title = gettext_lazy("Clients")
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        search = ClientSearchForm(request.GET or None)
        query, age = "", None
        if search.is_bound and search.is_valid():
            query, age = search.cleaned_data["q"], search.cleaned_data["age"]
        page = page_of_capped(
            clients_search(user=request.user, query=query, age=age),
            request.GET.get("p"),
            few=clients_found_in_order,
        )
        if query or age is not None:
            record_access(request, kind=AccessKind.SEARCH, detail={"q": query, "age": age})
        context.update(
            search_form=search,
            page=page,
            query=query_without_page(request),
            searched=bool(query or age is not None),
            can_import=bool(user_partner_ids(request.user, IMPORT_ROLES)),
        )
        return context


class ClientObjectMixin(VisibleObjectMixin):
    """Only clients the user may see: another partner's client is a 404 that says why."""

    object_name = "client"
    not_visible_what = gettext_lazy("This client")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        clients = clients_visible_to(request.user).select_related("registered_by")
        self.client = clients.filter(pk=kwargs["pk"]).first()


class ClientView(ClientObjectMixin, WorkspacePageMixin, TemplateView):
    template_name = "workflows/workspace/client.html"
    parent_url_name = "workflows_admin:client_index"
    parent_label = gettext_lazy("Clients")
    header_icon = "user"

    def get_page_title(self):
        return self.client.display_name

    def get(self, request, *args, **kwargs):
        record_access(request, self.client, AccessKind.VIEW)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            client=self.client,
            cases=client_cases_visible(user=user, client=self.client)[:100],
            can_see_access_log=bool(user_partner_ids(user, CLIENT_LOG_ROLES)),
            changes=client_changes(client=self.client),
        )
        return context


class ClientFormView(WorkspacePageMixin, TemplateView):
    """Register a client (search first: the form page repeats the search) or correct one."""

    template_name = "workflows/workspace/client_form.html"
    parent_url_name = "workflows_admin:client_index"
    parent_label = gettext_lazy("Clients")
    header_icon = "user"
    client = None

    def get_page_title(self):
        return _("Edit %(client)s") % {"client": self.client} if self.client else _("New client")

    @property
    def editing_partner_id(self) -> int | None:
        return client_editing_partner_id(user=self.request.user, client=self.client)

    def form(self, data=None):
        partners = None if self.client else user_partners(self.request.user, CASE_ROLES)
        # A bound model form writes onto its instance: the service compares with the original.
        instance = copy.copy(self.client) if self.client else None
        owner = not self.client or self.editing_partner_id == self.client.registered_by_id
        return ClientForm(data, instance=instance, partners=partners, owner=owner)

    def get(self, request, *args, **kwargs):
        if self.client:  # the form shows the record
            record_access(request, self.client, AccessKind.VIEW, detail={"page": "edit"})
        return self.render_to_response(self.get_context_data(form=self.form()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owner = not self.client or self.editing_partner_id == self.client.registered_by_id
        context.update(client=self.client, start=self.request.GET.get("start") == "1", owner=owner)
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(request, _("The client could not be saved: please correct the errors."))
            return self.render_to_response(self.get_context_data(form=form))
        if self.client:
            try:
                client = client_update(
                    client=self.client,
                    user=request.user,
                    partner_id=self.editing_partner_id,
                    reason=form.change_reason(),
                    **form.client_fields(),
                )
            except ClientFieldsOwned as error:
                messages.error(request, error.message)
                return self.render_to_response(self.get_context_data(form=form))
            record_access(request, client, AccessKind.CHANGE)
            messages.success(request, _("%(client)s saved.") % {"client": client})
            return redirect("workflows_admin:client", pk=client.pk)
        client = client_create(
            partner=form.registering_partner(), user=request.user, **form.client_fields()
        )
        record_access(request, client, AccessKind.CREATE)
        messages.success(request, _("%(client)s registered.") % {"client": client})
        if request.GET.get("start") == "1":
            return redirect(f"{reverse('workflows_admin:case_start')}?client={client.pk}")
        return redirect("workflows_admin:client", pk=client.pk)


class ClientEditView(ClientObjectMixin, ClientFormView):
    pass
