"""Partners (หน่วยงานภาคีเครือข่าย) in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from partners import services
from partners.areas import area_children
from partners.forms import PartnerContactsForm, PartnerForm, service_area_formset
from partners.models import Partner
from partners.selectors import (
    partner_list_for_administrator,
    partners_administered_by,
    user_is_central_administrator,
)
from partners.views.base import AdministratorRequiredMixin, AdminPageMixin


class PartnerIndexView(AdminPageMixin, TemplateView):
    template_name = "partners/admin/partner_index.html"
    page_title = gettext_lazy("Partners")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partners"] = partner_list_for_administrator(self.request.user)
        return context


class PartnerFormView(AdminPageMixin, TemplateView):
    """Create (central administrators) or edit a partner with its service areas."""

    template_name = "partners/admin/partner_form.html"
    parent_url_name = "partners_admin:partner_index"
    parent_label = gettext_lazy("Partners")
    header_icon = "site"
    partner: Partner | None = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if "pk" in kwargs:
            # Another partner's page does not exist for this administrator.
            self.partner = get_object_or_404(
                partners_administered_by(request.user), pk=kwargs["pk"]
            )

    def dispatch(self, request, *args, **kwargs):
        if self.partner is None and not user_is_central_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.partner.name if self.partner else _("New partner")

    @property
    def full_access(self) -> bool:
        return user_is_central_administrator(self.request.user)

    def get_forms(self, data=None):
        form_class = PartnerForm if self.full_access else PartnerContactsForm
        form = form_class(data=data, instance=self.partner)
        areas = service_area_formset(partner=self.partner, data=data) if self.full_access else None
        return form, areas

    def get(self, request, *args, **kwargs):
        form, areas = self.get_forms()
        return self.render_to_response(self.get_context_data(form=form, areas=areas))

    def post(self, request, *args, **kwargs):
        form, areas = self.get_forms(request.POST)
        if not form.is_valid() or (areas is not None and not areas.is_valid()):
            messages.error(request, _("The partner could not be saved: please correct the errors."))
            return self.render_to_response(self.get_context_data(form=form, areas=areas))
        area_codes = areas.area_codes() if areas is not None else None
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        with transaction.atomic():
            if self.partner is None:
                partner = services.partner_create(by=request.user, area_codes=area_codes, **fields)
                messages.success(request, _("Partner “%(name)s” created.") % {"name": partner})
            else:
                # The form already wrote the cleaned values onto the instance; start from the row.
                self.partner.refresh_from_db()
                partner = services.partner_update(
                    partner=self.partner, by=request.user, area_codes=area_codes, **fields
                )
                messages.success(request, _("Partner “%(name)s” saved.") % {"name": partner})
        return redirect("partners_admin:partner_index")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partner"] = self.partner
        return context


class PartnerActiveView(AdministratorRequiredMixin, View):
    """Deactivate or reactivate a partner (POST only, central administrators)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        partner = get_object_or_404(partners_administered_by(request.user), pk=pk)
        if not user_is_central_administrator(request.user):
            raise PermissionDenied
        is_active = request.POST.get("active") == "1"
        services.partner_set_active(partner=partner, is_active=is_active, by=request.user)
        if is_active:
            messages.success(request, _("Partner “%(name)s” is active again.") % {"name": partner})
        else:
            messages.success(request, _("Partner “%(name)s” is deactivated.") % {"name": partner})
        return redirect("partners_admin:partner_index")


class AreaChildrenView(AdministratorRequiredMixin, View):
    """The districts of a province or subdistricts of a district, for the chained selects."""

    http_method_names = ["get"]

    def get(self, request):
        parent = request.GET.get("parent", "")
        if len(parent) not in (2, 4) or not (parent.isascii() and parent.isdigit()):
            raise Http404
        children = [{"code": code, "name": name} for code, name in area_children(parent)]
        return JsonResponse({"areas": children})
