"""People (บุคลากร) of the partners and their roles, in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.models import ModelLogEntry

from partners import services
from partners.forms import PersonCreateForm, PersonForm, RoleGrantForm
from partners.models import Membership, Role
from partners.selectors import (
    membership_changeable_by,
    partners_administered_by,
    people_list_for_administrator,
    people_visible_to,
    person_deactivatable_by,
)
from partners.two_factor.services import two_factor_enrolled, two_factor_reset
from partners.views.base import AdministratorRequiredMixin, AdminPageMixin

PEOPLE_PER_PAGE = 50


def _grant_partners(user):
    return partners_administered_by(user).filter(is_active=True)


def person_history(person) -> list[tuple[ModelLogEntry, str]]:
    """The latest changes to a person and their roles, with the role's label in this language."""
    entries = (
        ModelLogEntry.objects.for_instance(person).select_related("user").order_by("-timestamp")
    )
    labels = dict(Role.choices)
    return [(entry, labels.get(entry.data.get("role"), "")) for entry in entries[:20]]


class PersonIndexView(AdminPageMixin, TemplateView):
    template_name = "partners/admin/person_index.html"
    page_title = gettext_lazy("People")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search = self.request.GET.get("q", "").strip()[:100]
        people = people_list_for_administrator(self.request.user, search=search)
        page = Paginator(people, PEOPLE_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(page=page, people=page.object_list, search=search)
        return context


class PersonCreateView(AdminPageMixin, TemplateView):
    template_name = "partners/admin/person_create.html"
    page_title = gettext_lazy("New person")
    parent_url_name = "partners_admin:person_index"
    parent_label = gettext_lazy("People")
    header_icon = "user"

    def get(self, request):
        form = PersonCreateForm(partners=_grant_partners(request.user))
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request):
        form = PersonCreateForm(request.POST, partners=_grant_partners(request.user))
        if not form.is_valid():
            messages.error(
                request, _("The person could not be created: please correct the errors.")
            )
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        person = services.person_create(
            by=request.user,
            username=data["username"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            partner=data["partner"],
            role=data["role"],
        )
        messages.success(request, _("%(person)s can now sign in.") % {"person": person})
        return redirect("partners_admin:person_edit", pk=person.pk)


class PersonObjectMixin:
    """The person must be one the administrator may see; anyone else is a 404."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.person = get_object_or_404(people_visible_to(request.user), pk=kwargs["pk"])


class PersonEditView(PersonObjectMixin, AdminPageMixin, TemplateView):
    """Names and email, roles (grant / revoke), active flag and the person's history."""

    template_name = "partners/admin/person_edit.html"
    parent_url_name = "partners_admin:person_index"
    parent_label = gettext_lazy("People")
    header_icon = "user"

    def get_page_title(self):
        return str(self.person)

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        if request.POST.get("action") == "grant":
            return self.post_grant(request)
        form = PersonForm(request.POST, instance=self.person)
        if not form.is_valid():
            messages.error(request, _("The person could not be saved: please correct the errors."))
            return self.render_to_response(self.get_context_data(form=form))
        self.person.refresh_from_db()
        services.person_update(person=self.person, by=request.user, **form.cleaned_data)
        messages.success(request, _("%(person)s saved.") % {"person": self.person})
        return redirect("partners_admin:person_edit", pk=self.person.pk)

    def post_grant(self, request):
        form = RoleGrantForm(request.POST, partners=_grant_partners(request.user))
        if not form.is_valid():
            messages.error(request, _("The role could not be given: please correct the errors."))
            return self.render_to_response(self.get_context_data(grant_form=form))
        partner, role = form.cleaned_data["partner"], form.cleaned_data["role"]
        services.membership_grant(user=self.person, partner=partner, role=role, by=request.user)
        messages.success(request, _("Role given."))
        return redirect("partners_admin:person_edit", pk=self.person.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        memberships = Membership.objects.filter(user=self.person).select_related("partner")
        context.update(
            person=self.person,
            form=kwargs.get("form") or PersonForm(instance=self.person),
            grant_form=kwargs.get("grant_form") or RoleGrantForm(partners=_grant_partners(user)),
            memberships=[(m, membership_changeable_by(user, m)) for m in memberships],
            can_deactivate=person_deactivatable_by(user, self.person),
            two_factor_enrolled=two_factor_enrolled(user=self.person),
            history=person_history(self.person),
        )
        return context


class MembershipRevokeView(AdministratorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, membership_pk):
        person = get_object_or_404(people_visible_to(request.user), pk=pk)
        membership = get_object_or_404(
            Membership.objects.select_related("partner"), pk=membership_pk, user=person
        )
        if not membership_changeable_by(request.user, membership):
            # Roles at partners the administrator does not run are shown, but are not theirs.
            raise Http404
        if membership.user_id == request.user.pk and membership.role == Role.ADMINISTRATOR:
            messages.error(request, _("You cannot take away your own administrator role."))
            return redirect("partners_admin:person_edit", pk=person.pk)
        services.membership_revoke(membership=membership, by=request.user)
        messages.success(request, _("Role taken away."))
        return redirect("partners_admin:person_edit", pk=person.pk)


class PersonTwoFactorResetView(AdministratorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        person = get_object_or_404(people_visible_to(request.user), pk=pk)
        two_factor_reset(person=person, by=request.user)
        messages.success(
            request,
            _("%(person)s sets up two-factor sign-in again at their next sign-in.")
            % {"person": person},
        )
        return redirect("partners_admin:person_edit", pk=person.pk)


class PersonActiveView(AdministratorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        person = get_object_or_404(people_visible_to(request.user), pk=pk)
        if not person_deactivatable_by(request.user, person):
            raise PermissionDenied
        is_active = request.POST.get("active") == "1"
        services.person_set_active(person=person, is_active=is_active, by=request.user)
        if is_active:
            messages.success(request, _("%(person)s can sign in again.") % {"person": person})
        else:
            messages.success(request, _("%(person)s is deactivated.") % {"person": person})
        return redirect("partners_admin:person_edit", pk=person.pk)
