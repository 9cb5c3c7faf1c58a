"""Referral screens: refer a case, the receiving partner's queue, a referral's page and its
answers. The receiver sees only what was shared; another partner's referral is a 404."""

import mimetypes

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from viewflow.workflow.status import STATUS

from partners.selectors import user_partner_ids
from workflows.errors import WorkflowError
from workflows.forms.referrals import ReferralAcceptForm, ReferralDeclineForm, ReferralSendForm
from workflows.models import AccessKind, LegalBasis, ReferralTodo
from workflows.selectors.access import cases_visible_to, tasks_visible_to
from workflows.selectors.referrals import (
    case_shareable_answers,
    refer_step_partners,
    referral_counts,
    referral_partner_ids,
    referral_queue,
    referral_todos_open,
    referrals_visible_to,
    user_is_receiver,
    user_is_sender,
)
from workflows.services.audit import record_access
from workflows.services.referrals import (
    referral_accept,
    referral_decline,
    referral_send,
    referral_step_send,
    referral_todo_done,
    referral_withdraw,
)
from workflows.step_kinds.refer import KIND as REFER_KIND
from workflows.step_kinds.refer import refer_step_fields
from workflows.views.workspace.base import (
    NOT_VISIBLE_TASK,
    WORKER_ROLES,
    NotVisiblePage,
    WorkspaceAccessMixin,
    WorkspacePageMixin,
)


def _referable_case(request, pk):
    """A case of a partner where the user is a caseworker or supervisor (else a 404)."""
    cases = cases_visible_to(request.user).filter(
        partner_id__in=user_partner_ids(request.user, WORKER_ROLES)
    )
    return get_object_or_404(cases.select_related("client", "partner"), pk=pk)


def _visible_referral(request, pk):
    referrals = referrals_visible_to(request.user).select_related(
        "sending_partner",
        "receiving_partner",
        "client",
        "legal_basis",
        "sending_case",
        "received_case__current_step",
    )
    return get_object_or_404(referrals, pk=pk)


class ReferralSendView(WorkspacePageMixin, TemplateView):
    roles = WORKER_ROLES
    template_name = "workflows/workspace/referral_send.html"
    header_icon = "redirect"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.case = None

    def dispatch(self, request, *args, **kwargs):
        if user_partner_ids(request.user, self.roles):
            self.case = _referable_case(request, kwargs["pk"])
            self.answers = case_shareable_answers(case=self.case)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Refer case %(reference)s") % {"reference": self.case.reference}

    def form(self, data=None, files=None):
        return ReferralSendForm(data, files, case=self.case, answers=self.answers)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            case=self.case,
            form=form or self.form(),
            bases_allowing_sensitive=LegalBasis.objects.filter(
                is_active=True, allows_sensitive=True
            ),
            has_sensitive=any(a.sensitive for a in self.answers),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        details = {
            name: data[name]
            for name in (
                "reason",
                "urgency",
                "answer_due_on",
                "basis",
                "consent_given_by",
                "consent_given_on",
                "consent_scope",
                "consent_sensitive",
                "consent_until",
                "consent_photo",
                "legal_basis",
                "note",
            )
        }
        try:
            referral = self.send(data["receiving_partner"], data, details)
        except WorkflowError as error:
            messages.error(request, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        if referral.withheld:
            messages.warning(
                request,
                _("Not sent, for want of a basis that allows sensitive data: %(fields)s")
                % {"fields": ", ".join(row["label_th"] for row in referral.withheld)},
            )
        record_access(request, referral, AccessKind.REFER)
        messages.success(request, _("The referral is sent."))
        return redirect("workflows_admin:referral", pk=referral.pk)

    def send(self, receiving_partner, data, details):
        return referral_send(
            case=self.case,
            user=self.request.user,
            receiving_partner=receiving_partner,
            field_keys=data["field_keys"],
            **details,
        )


class ReferralStepView(ReferralSendView):
    """A referral step's task: the same form, with the step's partners and answers; sending it
    completes the task. Only the task's holder gets here (else a 404; another partner's task is
    the 404 that says why)."""

    def dispatch(self, request, *args, **kwargs):
        if user_partner_ids(request.user, self.roles):
            tasks = tasks_visible_to(request.user)
            self.task = (
                tasks.select_related("step", "process__client")
                .filter(
                    pk=kwargs["pk"],
                    owner=request.user,
                    status=STATUS.ASSIGNED,
                    step__kind=REFER_KIND,
                )
                .first()
            )
            if self.task is None:
                if not tasks.filter(pk=kwargs["pk"]).exists():  # another partner's, or none
                    return NotVisiblePage.answer(request, NOT_VISIBLE_TASK)
                raise Http404  # one's own partner's task, but not one's referral to send
            self.case = self.task.process
            shared = set(refer_step_fields(self.task.step))
            self.answers = [a for a in case_shareable_answers(case=self.case) if a.key in shared]
        return WorkspacePageMixin.dispatch(self, request, *args, **kwargs)

    def get_page_title(self):
        return self.task.step.name

    def form(self, data=None, files=None):
        return ReferralSendForm(
            data,
            files,
            case=self.case,
            answers=self.answers,
            partners=refer_step_partners(step=self.task.step, case_partner_id=self.case.partner_id),
            fixed_answers=True,
        )

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context.update(step_task=self.task, travelling=self.answers)
        return context

    def send(self, receiving_partner, data, details):
        return referral_step_send(
            task=self.task, user=self.request.user, receiving_partner=receiving_partner, **details
        )


class ReferralQueueView(WorkspacePageMixin, TemplateView):
    """What other partners referred to the user's partners and waits for an answer."""

    roles = WORKER_ROLES
    template_name = "workflows/workspace/referral_queue.html"
    page_title = gettext_lazy("Referrals received")
    header_icon = "redirect"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        answered = self.request.GET.get("status") == "answered"
        referrals = referral_queue(user=self.request.user, answered=answered)
        context.update(
            referrals=referrals[:200],
            answered=answered,
            query="status=answered" if answered else "",
            counts=referral_counts(user=self.request.user),
            todos=referral_todos_open(user=self.request.user)[:200],
        )
        return context


class ReferralView(WorkspacePageMixin, TemplateView):
    """One referral: what was shared, the basis, and the answer (or the forms to give one)."""

    roles = WORKER_ROLES
    template_name = "workflows/workspace/referral.html"
    header_icon = "redirect"

    def dispatch(self, request, *args, **kwargs):
        if user_partner_ids(request.user, self.roles):
            self.referral = _visible_referral(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Referral of %(client)s") % {"client": self.referral.client.display_name}

    def get(self, request, *args, **kwargs):
        record_access(request, self.referral, AccessKind.VIEW)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        referral, user = self.referral, self.request.user
        is_receiver = user_is_receiver(user, referral)
        context.update(
            referral=referral,
            is_receiver=is_receiver,
            is_sender=user_is_sender(user, referral),
            accept_form=ReferralAcceptForm(partner=referral.receiving_partner)
            if is_receiver and referral.is_pending
            else None,
            decline_form=ReferralDeclineForm() if is_receiver and referral.is_pending else None,
        )
        return context


class ReferralActionView(WorkspaceAccessMixin, View):
    """Accept, decline or withdraw (POST only, back to the referral's page)."""

    roles = WORKER_ROLES

    actions = ("accept", "decline", "withdraw")

    def post(self, request, pk, action):
        if action not in self.actions:
            raise Http404
        referral = _visible_referral(request, pk)
        try:
            if action == "accept":
                form = ReferralAcceptForm(request.POST, partner=referral.receiving_partner)
                if not form.is_valid():
                    raise WorkflowError(_("Choose one of your partner's published processes."))
                referral = referral_accept(
                    referral=referral, user=request.user, definition=form.cleaned_data["definition"]
                )
                messages.success(request, _("The referral is accepted and a case is opened."))
            elif action == "decline":
                form = ReferralDeclineForm(request.POST)
                if not form.is_valid():
                    raise WorkflowError(_("Choose a reason for declining."))
                referral_decline(
                    referral=referral,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
                messages.success(request, _("The referral is declined; the sender is told."))
            else:
                referral_withdraw(referral=referral, user=request.user)
                messages.success(request, _("The referral is withdrawn."))
        except WorkflowError as error:
            messages.error(request, str(error))
        else:
            record_access(request, referral, AccessKind.CHANGE, detail={"referral": action})
        return redirect("workflows_admin:referral", pk=referral.pk)


class ReferralTodoDoneView(WorkspaceAccessMixin, View):
    """Mark a referral to-do of one's own partner done (POST only, back to its case)."""

    roles = WORKER_ROLES

    def post(self, request, pk):
        todos = ReferralTodo.objects.filter(partner_id__in=referral_partner_ids(request.user))
        todo = get_object_or_404(todos, pk=pk)
        try:
            referral_todo_done(todo=todo, user=request.user, note=request.POST.get("note", ""))
            messages.success(request, _("Marked done."))
        except WorkflowError as error:
            messages.error(request, str(error))
        return redirect("workflows_admin:case", pk=todo.case_id)


class ReferralConsentPhotoView(WorkspaceAccessMixin, View):
    """The photo of the signed consent, for both partners' caseworkers and supervisors."""

    roles = WORKER_ROLES

    def get(self, request, pk):
        referral = _visible_referral(request, pk)
        if not referral.consent_photo:
            raise Http404
        record_access(request, referral, AccessKind.DOWNLOAD, detail={"file": "consent_photo"})
        content_type = mimetypes.guess_type(referral.consent_photo.name)[0]
        response = FileResponse(
            referral.consent_photo.open("rb"),
            content_type=content_type or "application/octet-stream",
        )
        response["Cache-Control"] = "private, no-store"
        return response
