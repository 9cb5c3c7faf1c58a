"""Forms travel: copy to another partner, export as JSON, import a JSON bundle."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from forms_builder import services
from forms_builder.admin.forms import FormDefinitionCopyForm, ImportForm
from forms_builder.admin.selectors import bundle_permission_problems, partners_for_new_forms
from forms_builder.admin.views.base import DefinitionView, FormsAdminView
from forms_builder.serialization import definitions_export, definitions_import


class CopyView(DefinitionView):
    template_name = "forms_builder/admin/copy.html"

    def get_page_title(self):
        return _("Copy to another partner")

    def form(self, data=None) -> FormDefinitionCopyForm:
        partners = partners_for_new_forms(self.request.user)
        if self.definition.partner_id:
            partners = partners.exclude(pk=self.definition.partner_id)
        return FormDefinitionCopyForm(data, partners=partners, definition=self.definition)

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, pk):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        copy = services.form_definition_copy(
            definition=self.definition, to_partner=form.cleaned_data["partner"], user=request.user
        )
        messages.success(
            request,
            _("The form was copied to %(partner)s as a draft.") % {"partner": copy.partner.name},
        )
        return redirect("forms_builder_admin:detail", pk=copy.pk)


class ExportView(DefinitionView):
    """A JSON download of the form: all versions, the current one, or one (?version=N)."""

    def get(self, request, pk):
        number = request.GET.get("version", "")
        versions = "latest" if request.GET.get("versions") == "latest" else "all"
        if versions == "latest" and not self.current():
            raise Http404
        document = definitions_export(definitions=[self.definition], versions=versions)
        label = versions
        if number:
            chosen = [v for v in document["forms"][0]["versions"] if str(v["number"]) == number]
            if not chosen:
                raise Http404
            document["forms"][0]["versions"] = chosen
            label = f"v{number}"
        owner = self.definition.partner.code if self.definition.partner_id else "network"
        filename = f"{owner}-{self.definition.key}-{label}.json"
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ImportView(FormsAdminView):
    """Upload a bundle: every problem is reported and nothing is written unless all is well."""

    template_name = "forms_builder/admin/import.html"
    page_title = _("Import forms")

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        document = form.cleaned_data["bundle"]
        problems = bundle_permission_problems(request.user, document)
        try:
            if problems:
                raise ValidationError(problems)
            report = definitions_import(document=document, user=request.user)
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(form=form, import_errors=error.messages)
            )
        messages.success(request, _("The forms were imported."))
        return self.render_to_response(
            self.get_context_data(
                form=ImportForm(), report=report, report_lines=report_lines(report)
            )
        )


def report_lines(report) -> list[str]:
    return [
        _("Forms created: %(n)s") % {"n": report.forms_created},
        _("Versions created: %(n)s") % {"n": report.versions_created},
        _("Versions already here and unchanged: %(n)s") % {"n": report.versions_unchanged},
        _("Drafts replaced: %(n)s") % {"n": report.drafts_replaced},
        *report.messages,
    ]
