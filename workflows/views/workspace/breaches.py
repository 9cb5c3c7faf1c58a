"""The breach register (ทะเบียนเหตุละเมิดข้อมูลส่วนบุคคล): the list with each one's 72-hour clock,
recording one, and bringing it up to date."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from workflows.forms.breaches import BreachForm
from workflows.selectors.audit import PARTNER_LOG_ROLES, clients_with_log_visible_to
from workflows.selectors.breaches import breach_partner_ids, breaches_visible_to
from workflows.services.breaches import breach_record, breach_update
from workflows.views.workspace.base import WorkspacePageMixin, page_of


class BreachMixin(WorkspacePageMixin):
    roles = PARTNER_LOG_ROLES
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_superuser:
            return TemplateView.dispatch(self, request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


class BreachListView(BreachMixin, TemplateView):
    template_name = "workflows/workspace/breaches.html"
    page_title = gettext_lazy("Personal data breach register")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        breaches = breaches_visible_to(self.request.user).prefetch_related("partners")
        context.update(page=page_of(breaches, self.request.GET.get("p")), now=timezone.now())
        return context


class BreachFormView(BreachMixin, TemplateView):
    template_name = "workflows/workspace/breach_form.html"
    parent_url_name = "workflows_admin:breaches"
    parent_label = gettext_lazy("Personal data breach register")
    breach = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if "pk" in kwargs:
            self.breach = get_object_or_404(breaches_visible_to(request.user), pk=kwargs["pk"])

    def get_page_title(self):
        if self.breach:
            return f"{self.breach.reference} {self.breach.summary}"
        return _("Record a breach")

    def form(self, data=None):
        return BreachForm(
            data,
            instance=self.breach,
            own_partner_ids=breach_partner_ids(self.request.user),
            clients=clients_with_log_visible_to(self.request.user),
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(breach=self.breach, now=timezone.now())
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.is_superuser and not breach_partner_ids(request.user):
            raise PermissionDenied
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(form=form))
        partners = form.cleaned_data["partners"]
        clients = form.cleaned_data["client_numbers"]
        if self.breach:
            breach = breach_update(
                breach=self.breach, partners=partners, clients=clients, **form.breach_fields()
            )
            messages.success(request, _("%(breach)s saved.") % {"breach": breach.reference})
        else:
            breach = breach_record(
                user=request.user, partners=partners, clients=clients, **form.breach_fields()
            )
            messages.success(
                request,
                _("%(breach)s recorded. Tell the office (PDPC) within 72 hours of finding it.")
                % {"breach": breach.reference},
            )
        return redirect("workflows_admin:breach", pk=breach.pk)
