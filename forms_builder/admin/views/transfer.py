"""Forms travel: copy to another partner, import a JSON bundle (export is the shared one)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from forms_builder import services
from forms_builder.admin.forms import FormDefinitionCopyForm, ImportForm
from forms_builder.admin.selectors import bundle_permission_problems
from forms_builder.bundle_schema import bundle_problems
from forms_builder.definition_admin import pages
from forms_builder.definition_admin.access import partners_for_new_definitions
from forms_builder.definition_admin.history import COPY_ACTION, definition_log
from forms_builder.serialization import definitions_import


class CopyView(pages.DefinitionView):
    template_name = "forms_builder/admin/copy.html"

    def get_page_title(self):
        return _("Copy to another partner")

    def form(self, data=None) -> FormDefinitionCopyForm:
        partners = partners_for_new_definitions(self.request.user)
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
        definition_log(copy, COPY_ACTION, request.user)
        messages.success(
            request,
            _("The form was copied to %(partner)s as a draft.") % {"partner": copy.partner.name},
        )
        return redirect(self.viewset.detail_url(copy))


class ImportView(pages.DefinitionAdminView):
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
        # The shape first: the permission check reads partner codes the schema vouches for.
        problems = bundle_problems(document) or bundle_permission_problems(request.user, document)
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
