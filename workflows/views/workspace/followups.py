"""Changing a case's planned follow-ups by hand (POST only, back to the case page)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from workflows.errors import WorkflowError
from workflows.forms.followups import FollowUpChangeForm
from workflows.selectors.access import cases_visible_to
from workflows.services.followups import follow_up_add, follow_up_cancel, follow_up_move
from workflows.step_kinds.follow_ups import follow_up_processes
from workflows.views.workspace.base import WORKER_ROLES, WorkspaceAccessMixin


class FollowUpChangeView(WorkspaceAccessMixin, View):
    roles = WORKER_ROLES

    def post(self, request, pk):
        case = get_object_or_404(cases_visible_to(request.user).select_related("partner"), pk=pk)
        form = FollowUpChangeForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.error_text())
            return redirect("workflows_admin:case", pk=case.pk)
        data, user = form.cleaned_data, request.user
        try:
            if data["action"] == form.ADD:
                process = get_object_or_404(
                    follow_up_processes(case.partner_id), pk=data["process"]
                )
                follow_up_add(
                    case=case,
                    user=user,
                    due_on=data["due_on"],
                    reason=data["reason"],
                    process_definition=process,
                )
                messages.success(request, _("The follow-up is planned."))
            else:
                follow_up = get_object_or_404(case.follow_ups.all(), pk=data["follow_up"])
                if data["action"] == form.MOVE:
                    follow_up_move(
                        follow_up=follow_up, user=user, due_on=data["due_on"], reason=data["reason"]
                    )
                    messages.success(request, _("The follow-up is moved."))
                else:
                    follow_up_cancel(follow_up=follow_up, user=user, reason=data["reason"])
                    messages.success(request, _("The follow-up is cancelled."))
        except WorkflowError as error:
            messages.error(request, str(error))
        return redirect("workflows_admin:case", pk=case.pk)
