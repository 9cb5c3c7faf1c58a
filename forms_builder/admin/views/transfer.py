"""Forms travel: copy to another partner (import and export are the definition admin's)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from forms_builder import services
from forms_builder.admin.forms import FormDefinitionCopyForm
from forms_builder.definition_admin import pages
from forms_builder.definition_admin.access import partners_for_new_definitions
from forms_builder.definition_admin.history import COPY_ACTION, definition_log


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
