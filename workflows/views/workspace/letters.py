"""Referral letters to external organizations: write one from the case page, read it as a
print view or a PDF. Only the writing partner's caseworkers and supervisors see a letter (another
partner gets a 404); each reading is in the audit log as a view of the case."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.log_actions import log

from partners.selectors import user_partner_ids
from workflows.errors import WorkflowError
from workflows.forms.referrals import ReferralLetterForm
from workflows.letters_pdf import letter_date, letter_head_contact, letter_pdf
from workflows.models import LegalBasis, ReferralLetter
from workflows.selectors.referrals import case_shareable_answers, referral_partner_ids
from workflows.services.letters import referral_letter_write
from workflows.views.workspace.base import WORKER_ROLES, WorkspaceAccessMixin, WorkspacePageMixin
from workflows.views.workspace.cases import CASE_VIEW_ACTION
from workflows.views.workspace.referrals import _referable_case


def _visible_letter(request, pk) -> ReferralLetter:
    letters = ReferralLetter.objects.filter(
        partner_id__in=referral_partner_ids(request.user)
    ).select_related("case", "partner", "organization", "legal_basis", "client")
    letter = get_object_or_404(letters, pk=pk)
    log(
        instance=letter.case,
        action=CASE_VIEW_ACTION,
        user=request.user,
        title=_("%(reference)s: referral letter") % {"reference": letter.case.reference},
    )
    return letter


class ReferralLetterWriteView(WorkspacePageMixin, TemplateView):
    roles = WORKER_ROLES
    template_name = "workflows/workspace/letter_write.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if user_partner_ids(request.user, self.roles):
            self.case = _referable_case(request, kwargs["pk"])
            self.answers = case_shareable_answers(case=self.case)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Referral letter for case %(reference)s") % {"reference": self.case.reference}

    def form(self, data=None):
        return ReferralLetterForm(data, case=self.case, answers=self.answers)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            case=self.case,
            form=form or self.form(),
            has_sensitive=any(a.sensitive for a in self.answers),
            bases_allowing_sensitive=LegalBasis.objects.filter(
                is_active=True, allows_sensitive=True
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(form=form))
        try:
            letter = referral_letter_write(case=self.case, user=request.user, **form.cleaned_data)
        except WorkflowError as error:
            messages.error(request, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _(
                "The letter is written. Print it or download the PDF; the case now asks to confirm "
                "the person arrived."
            ),
        )
        return redirect("workflows_admin:letter", pk=letter.pk)


class ReferralLetterView(WorkspaceAccessMixin, TemplateView):
    """The letter as a page to print (print CSS: A4, no admin around it)."""

    roles = WORKER_ROLES
    template_name = "workflows/workspace/letter.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        letter = _visible_letter(self.request, kwargs["pk"])
        context.update(
            letter=letter,
            letter_date=letter_date(letter),
            letter_contact=letter_head_contact(letter),
        )
        return context


class ReferralLetterPdfView(WorkspaceAccessMixin, View):
    roles = WORKER_ROLES

    def get(self, request, pk):
        letter = _visible_letter(request, pk)
        response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="letter-{letter.case.reference}-{letter.pk}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
