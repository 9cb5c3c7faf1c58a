"""The case page (every view recorded for PDPA) and opening a case for a client."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from partners.selectors import user_partner_ids, user_partners
from workflows.diagram import case_is_finished, process_diagram_html
from workflows.errors import WorkflowError
from workflows.forms.clients import ClientSearchForm
from workflows.forms.workspace import StartCaseForm
from workflows.models import AccessKind, CaseSource
from workflows.selectors.access import cases_visible_to, user_can_see_sensitive
from workflows.selectors.clients import (
    clients_for_case_start,
    clients_found_in_order,
    clients_search,
)
from workflows.selectors.referrals import referral_todos_of_case, referrals_of_case
from workflows.selectors.reports import public_report_panel
from workflows.services.audit import record_access
from workflows.services.cases import case_start
from workflows.step_kinds.follow_ups import follow_up_processes
from workflows.views.workspace.base import (
    WORKER_ROLES,
    VisibleObjectMixin,
    WorkspacePageMixin,
    id_param,
    page_of_capped,
    query_without_page,
)
from workflows.views.workspace.rows import case_entries, path_taken

CASE_VIEW_ACTION = "workflows.case.view"


class CaseView(VisibleObjectMixin, WorkspacePageMixin, TemplateView):
    template_name = "workflows/workspace/case.html"
    header_icon = "folder-open-inverse"
    object_name = "case"
    not_visible_what = gettext_lazy("This case")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        cases = cases_visible_to(request.user).select_related(
            "client",
            "partner",
            "process_version__definition",
            "current_step",
            "opened_by",
        )
        self.case = cases.filter(pk=kwargs["pk"]).first()

    def get_page_title(self):
        return _("Case %(reference)s") % {"reference": self.case.reference}

    def get(self, request, *args, **kwargs):
        record_access(request, self.case, AccessKind.VIEW)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        entries = case_entries(
            case=case, can_see_sensitive=user_can_see_sensitive(self.request.user, case)
        )
        path = path_taken(entries)
        if case.current_step_id and (not path or path[-1] != case.current_step_id):
            path.append(case.current_step_id)
        context.update(
            case=case,
            client=case.client,
            entries=entries,
            path=path,
            diagram=process_diagram_html(
                version=case.process_version, path=path, finished=case_is_finished(case)
            ),
            follow_ups=case.follow_ups.select_related("process_definition", "started_case"),
            follow_up_processes=follow_up_processes(case.partner_id),
            can_change_follow_ups=bool(user_partner_ids(self.request.user, WORKER_ROLES)),
            referrals=referrals_of_case(case=case),
            referral_todos=referral_todos_of_case(case=case),
            letters=case.letters.select_related("organization"),
            # A referral's to-do ("declined — decide what next") is marked done even once the
            # case has ended (a refer step may end it before the answer comes).
            can_mark_todos=case.partner_id in user_partner_ids(self.request.user, WORKER_ROLES),
        )
        context.update(
            can_refer=context["can_mark_todos"] and not case_is_finished(case),
        )
        context.update(public_report_panel(case=case, user=self.request.user))
        return context


class StartCaseView(WorkspacePageMixin, TemplateView):
    """Find the client first (or register them), then choose the process and open the case."""

    roles = WORKER_ROLES
    template_name = "workflows/workspace/case_start.html"
    page_title = gettext_lazy("Open a case")
    header_icon = "plus"

    @cached_property
    def chosen_client(self):
        """The client chosen to open a case for; read only after the role check (get, post), so
        a caseworker sees another partner's client as a 404 and anyone else is sent back."""
        request = self.request
        chosen = id_param(request.POST.get("client") or request.GET.get("client"))
        if chosen is None:
            return None
        national_id = request.POST.get("id") or request.GET.get("id") or ""
        clients = clients_for_case_start(user=request.user, national_id=national_id[:20])
        client = get_object_or_404(clients, pk=chosen)
        # The case-start summary shows the person; found by national ID it may be another
        # partner's client (the cross-partner lookup).
        kind = AccessKind.LOOKUP if national_id else AccessKind.VIEW
        record_access(request, client, kind, detail={"page": "case_start"})
        return client

    def start_form(self, data=None):
        return StartCaseForm(data, partners=user_partners(self.request.user, WORKER_ROLES))

    def get_context_data(self, client=None, start_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        if client is None:
            search = ClientSearchForm(request.GET or None)
            searched = search.is_bound and search.is_valid()
            page = None
            if searched:
                clients = clients_search(
                    user=request.user,
                    query=search.cleaned_data["q"],
                    age=search.cleaned_data["age"],
                )
                page = page_of_capped(clients, request.GET.get("p"), few=clients_found_in_order)
                record_access(request, kind=AccessKind.SEARCH, detail=search.cleaned_data)
            context.update(search_form=search, page=page, query=query_without_page(request))
        else:
            context.update(client=client, start_form=start_form or self.start_form())
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(client=self.chosen_client))

    def post(self, request, *args, **kwargs):
        client = self.chosen_client
        if client is None:
            return redirect("workflows_admin:case_start")
        form = self.start_form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(client=client, start_form=form))
        try:
            case = case_start(
                partner=form.cleaned_data["partner"],
                client=client,
                definition=form.cleaned_data["definition"],
                source=CaseSource.CASEWORKER,
                urgent=form.cleaned_data["urgent"],
                user=request.user,
            )
        except WorkflowError as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(client=client, start_form=form))
        record_access(request, case, AccessKind.START)
        messages.success(
            request,
            _("Case %(reference)s opened for %(client)s. Its first task is in the queue.")
            % {"reference": case.reference, "client": client.display_name},
        )
        return redirect("workflows_admin:case", pk=case.pk)
