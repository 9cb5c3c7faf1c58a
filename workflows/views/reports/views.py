"""Public reports in the admin: a report's photo (by permission, never public media), marking a
report as a duplicate or not actionable, and each partner's choice of process for its reports."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from partners.selectors import user_is_administrator
from partners.views.base import StaffPageMixin
from workflows.errors import WorkflowError
from workflows.models import AccessKind
from workflows.selectors.access import cases_visible_to
from workflows.selectors.reports import (
    answer_file_for_user,
    case_by_reference,
    report_process_choices,
    report_settings_partners,
)
from workflows.services.audit import record_access
from workflows.services.public_reports import (
    public_report_setting_save,
    report_mark_duplicate,
    report_mark_not_actionable,
)
from workflows.views.workspace.base import WORKER_ROLES, WorkspaceAccessMixin


class AnswerFileView(WorkspaceAccessMixin, View):
    """A photo or file answer, for the people of the partner whose case it belongs to."""

    def get(self, request, uuid):
        found = answer_file_for_user(user=request.user, uuid=uuid)
        if found is None:
            raise Http404
        answer_file, case = found
        record_access(
            request,
            case,
            AccessKind.DOWNLOAD,
            detail={"file": answer_file.uuid.hex, "field": answer_file.field_key},
        )
        is_image = answer_file.content_type.startswith("image/")
        response = FileResponse(
            answer_file.file.open("rb"),
            content_type=answer_file.content_type,
            as_attachment=not is_image,
            filename=f"{answer_file.uuid.hex}.{answer_file.file.name.rsplit('.', 1)[-1]}",
        )
        response["Cache-Control"] = "private, no-store"
        return response


class _ReportCaseAction(WorkspaceAccessMixin, View):
    """POST only; another partner's case is a 404 before anything else is looked at."""

    roles = WORKER_ROLES
    http_method_names = ["post"]

    def post(self, request, pk):
        case = get_object_or_404(cases_visible_to(request.user), pk=pk)
        try:
            message = self.act(request, case)
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, message)
        return redirect("workflows_admin:case", pk=case.pk)


class ReportDuplicateView(_ReportCaseAction):
    def act(self, request, case) -> str:
        of_case = case_by_reference(user=request.user, reference=request.POST.get("reference", ""))
        if of_case is None:
            raise WorkflowError(_("No case you can see has that reference."))
        report_mark_duplicate(case=case, of_case=of_case, user=request.user)
        return _("Case %(case)s is closed as a duplicate of %(of)s.") % {
            "case": case.reference,
            "of": of_case.reference,
        }


class ReportNotActionableView(_ReportCaseAction):
    def act(self, request, case) -> str:
        report_mark_not_actionable(case=case, user=request.user)
        return _("Case %(case)s is closed as not actionable.") % {"case": case.reference}


class _SettingsAccess:
    def dispatch(self, request, *args, **kwargs):
        if not user_is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReportSettingsView(_SettingsAccess, StaffPageMixin, TemplateView):
    template_name = "workflows/reports/settings.html"
    page_title = gettext_lazy("Public reports")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partners"] = report_settings_partners(self.request.user)
        return context


class ReportSettingForm(forms.Form):
    process_definition = forms.ModelChoiceField(
        queryset=None,
        label=gettext_lazy("Process that public reports start"),
        help_text=gettext_lazy("Only published processes of this partner or of the whole network."),
    )

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process_definition"].queryset = report_process_choices(partner=partner)


class ReportSettingEditView(_SettingsAccess, StaffPageMixin, TemplateView):
    template_name = "workflows/reports/setting_edit.html"
    header_icon = "warning"
    parent_url_name = "workflows_reports:settings"
    parent_label = gettext_lazy("Public reports")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Another partner's setting does not exist for this administrator.
        self.partner = get_object_or_404(report_settings_partners(request.user), pk=kwargs["pk"])

    def get_page_title(self):
        return _("Public reports of %(partner)s") % {"partner": self.partner.name}

    def form(self, data=None) -> ReportSettingForm:
        setting = getattr(self.partner, "public_report_setting", None)
        initial = {"process_definition": setting.process_definition_id} if setting else {}
        return ReportSettingForm(data, partner=self.partner, initial=initial)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(partner=self.partner, form=form or self.form())
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(form=form))
        public_report_setting_save(
            partner=self.partner,
            process_definition=form.cleaned_data["process_definition"],
            user=request.user,
        )
        messages.success(request, _("Saved. New public reports start this process."))
        return redirect("workflows_reports:settings")
