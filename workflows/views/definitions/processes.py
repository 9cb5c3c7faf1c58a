"""The process list, a new process, a process's page (versions, diagram), details, one version."""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import HeaderButton

from forms_builder.models import VersionStatus
from partners.selectors import user_is_central_administrator
from workflows.diagram import process_diagram_svg
from workflows.selectors.definitions import (
    partners_for_new_processes,
    process_definitions_listed,
)
from workflows.serialization import bundle_export
from workflows.services.definitions import process_definition_create, process_definition_update
from workflows.services.migration import cases_open_on
from workflows.views.definitions.base import DefinitionView, ProcessAdminView
from workflows.views.definitions.display import step_rows
from workflows.views.definitions.forms import ProcessCreateForm, ProcessDetailsForm

PER_PAGE = 25


class IndexView(ProcessAdminView):
    template_name = "workflows/definitions/index.html"
    page_title = _("Processes")

    def get(self, request):
        page = Paginator(process_definitions_listed(request.user), PER_PAGE).get_page(
            request.GET.get("p")
        )
        return self.render_to_response(
            self.get_context_data(
                page_obj=page,
                elided_page_range=page.paginator.get_elided_page_range(page.number),
                is_central=user_is_central_administrator(request.user),
            )
        )

    def get_header_buttons(self):
        if not partners_for_new_processes(self.request.user).exists():
            return []
        url = reverse("workflows_definitions:create")
        return [HeaderButton(_("Add a process"), url=url, icon_name="plus")]


class CreateView(ProcessAdminView):
    template_name = "workflows/definitions/create.html"
    page_title = _("New process")

    def form(self, data=None) -> ProcessCreateForm:
        return ProcessCreateForm(
            data,
            partners=partners_for_new_processes(self.request.user),
            allow_network_wide=user_is_central_administrator(self.request.user),
        )

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        definition = process_definition_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("The process was created. Add its steps."))
        return redirect("workflows_definitions:draft", pk=definition.pk)


class DetailView(DefinitionView):
    """A process's versions, its current diagram, and the way to move open cases on."""

    template_name = "workflows/definitions/detail.html"

    def get_page_title(self):
        return self.definition.name

    def get_page_subtitle(self):
        return ""

    def get(self, request, pk):
        versions = list(
            self.definition.versions.select_related("created_by", "published_by").order_by(
                "-number"
            )
        )
        current = next((v for v in versions if v.status == VersionStatus.PUBLISHED), None)
        older_with_cases = [
            v
            for v in versions
            if v.is_published and v != current and cases_open_on(version=v).exists()
        ]
        return self.render_to_response(
            self.get_context_data(
                versions=versions,
                current=current,
                draft=next((v for v in versions if v.status == VersionStatus.DRAFT), None),
                diagram=process_diagram_svg(version=current) if current else "",
                older_with_cases=older_with_cases,
            )
        )


class DetailsEditView(DefinitionView):
    template_name = "workflows/definitions/form_page.html"
    needs_edit = True
    page_title = _("Process details")

    def get(self, request, pk):
        form = ProcessDetailsForm(instance=self.definition)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, pk):
        form = ProcessDetailsForm(request.POST, instance=self.definition)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        process_definition_update(definition=self.definition, **form.cleaned_data)
        messages.success(request, _("The process's details were saved."))
        return redirect("workflows_definitions:detail", pk=pk)


class VersionView(DefinitionView):
    """Any version, read-only: its steps, decisions and diagram."""

    template_name = "workflows/definitions/version.html"

    def prepare(self, request, *args, **kwargs):
        super().prepare(request, *args, **kwargs)
        self.version = self.definition.versions.filter(number=kwargs["number"]).first()
        if self.version is None:
            raise Http404

    def get_page_title(self):
        return _("Version %(number)s") % {"number": self.version.number}

    def get(self, request, pk, number):
        return self.render_to_response(
            self.get_context_data(
                version=self.version,
                step_rows=step_rows(self.version),
                diagram=process_diagram_svg(version=self.version),
            )
        )


class ExportView(DefinitionView):
    """The process (all versions, or the current one) with the forms its steps use, as JSON."""

    def get(self, request, pk):
        versions = "latest" if request.GET.get("versions") == "latest" else "all"
        document = bundle_export(processes=[self.definition], forms=None, versions=versions)
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n",
            content_type="application/json; charset=utf-8",
        )
        owner = self.definition.partner.code if self.definition.partner_id else "network"
        filename = f"process-{owner}-{self.definition.key}-{versions}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
