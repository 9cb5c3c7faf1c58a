"""Data-subject requests for one person (คำขอของเจ้าของข้อมูล): everything held about them as a
file, and the legal hold that stops the retention rule. For the supervisors, administrators and
data protection officers of a partner that holds the person."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from partners.selectors import user_partner_ids
from thai.dates import be_date_stamp
from workflows.models import AccessKind
from workflows.selectors.audit import CLIENT_LOG_ROLES, clients_with_log_visible_to
from workflows.selectors.subject import (
    client_record_labelled,
    client_retention_outlook,
    client_subject_data,
)
from workflows.services.audit import record_access
from workflows.services.retention import client_legal_hold_set
from workflows.views.workspace.base import WorkspacePageMixin


class LegalHoldForm(forms.Form):
    hold = forms.BooleanField(label=gettext_lazy("Legal hold"), required=False)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=500,
        required=False,
        help_text=gettext_lazy("For example: a court case, or a request from the police."),
    )

    def clean(self):
        data = super().clean()
        if data.get("hold") and not data.get("reason"):
            self.add_error("reason", _("Say why the person's details must be kept."))
        return data


class SubjectMixin(WorkspacePageMixin):
    roles = CLIENT_LOG_ROLES

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser and not user_partner_ids(request.user, self.roles):
            raise PermissionDenied
        clients = clients_with_log_visible_to(request.user).select_related("registered_by")
        self.client = get_object_or_404(clients, pk=kwargs["pk"])
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def acting_partner_id(self) -> int | None:
        ids = user_partner_ids(self.request.user, self.roles)
        if self.client.registered_by_id in ids:
            return self.client.registered_by_id
        return min(ids) if ids else None


class ClientSubjectView(SubjectMixin, TemplateView):
    template_name = "workflows/workspace/client_subject.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Requests from %(client)s") % {"client": self.client.display_name}

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {"hold": self.client.legal_hold, "reason": self.client.legal_hold_reason}
        state, when = client_retention_outlook(client=self.client)
        context.update(
            client=self.client,
            form=form or LegalHoldForm(initial=initial),
            retention_state=state,
            retention_when=when,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = LegalHoldForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(form=form))
        client_legal_hold_set(
            client=self.client,
            user=request.user,
            partner_id=self.acting_partner_id(),
            hold=form.cleaned_data["hold"],
            reason=form.cleaned_data["reason"],
        )
        record_access(request, self.client, AccessKind.CHANGE, detail={"legal_hold": True})
        if form.cleaned_data["hold"]:
            messages.success(request, _("Legal hold set: the person's details will be kept."))
        else:
            messages.success(request, _("Legal hold released."))
        return redirect("workflows_admin:client_subject", pk=self.client.pk)


class ClientSubjectExportView(SubjectMixin, TemplateView):
    """The file: JSON (complete, for machines) or HTML (readable, to print or hand over)."""

    def get(self, request, *args, **kwargs):
        file_format = request.GET.get("format", "html")
        if file_format not in ("json", "html"):
            raise Http404
        data = client_subject_data(client=self.client)
        record_access(
            request, self.client, AccessKind.SUBJECT_EXPORT, detail={"format": file_format}
        )
        name = f"client-{self.client.pk}-{be_date_stamp(timezone.localdate())}"
        if file_format == "json":
            body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
        else:
            body = render_to_string(
                "workflows/workspace/client_subject_file.html",
                {
                    "data": data,
                    "client": self.client,
                    "record": client_record_labelled(data["client"]),
                },
                request=request,
            )
            response = HttpResponse(body, content_type="text/html; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
        response["Cache-Control"] = "private, no-store"
        return response
