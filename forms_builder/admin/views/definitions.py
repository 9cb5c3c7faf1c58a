"""The form list, a new form, a form's page (its versions) and its details."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton

from forms_builder import services
from forms_builder.admin.forms import (
    FormDefinitionCreateForm,
    FormDefinitionDetailsForm,
    FormDefinitionFilterForm,
)
from forms_builder.admin.selectors import (
    form_definitions_in_admin,
    partners_for_new_forms,
)
from forms_builder.admin.services import form_definition_update
from forms_builder.admin.views.base import DefinitionView, FormsAdminView
from forms_builder.models import FormVersion, VersionStatus
from partners.selectors import user_is_central_administrator

PER_PAGE = 25
# Other apps (workflows, later) list where a version is used by registering a function
#   @hooks.register(USAGES_HOOK)
#   def usages(*, definition, versions) -> dict[int, list[tuple[str, str | None]]]
# returning, per version pk, (label, admin url or None) pairs. No hook: no "used by" section.
USAGES_HOOK = "forms_builder_version_usages"


class IndexView(FormsAdminView):
    template_name = "forms_builder/admin/index.html"
    page_title = _("Forms")

    def get(self, request):
        partners = list(partners_for_new_forms(request.user))
        filters = FormDefinitionFilterForm(request.GET or None, partners=partners)
        definitions = filters.filter(form_definitions_in_admin(request.user))
        page = Paginator(self.annotated(definitions), PER_PAGE).get_page(request.GET.get("p"))
        return self.render_to_response(
            self.get_context_data(
                filters=filters,
                page_obj=page,
                elided_page_range=page.paginator.get_elided_page_range(page.number),
                can_create=bool(partners),
                is_central=user_is_central_administrator(request.user),
            )
        )

    def annotated(self, definitions):
        versions = FormVersion.objects.filter(definition=OuterRef("pk"))
        published = versions.filter(status=VersionStatus.PUBLISHED).order_by("-number")
        return definitions.annotate(
            current_number=Subquery(published.values("number")[:1]),
            has_draft=Exists(versions.filter(status=VersionStatus.DRAFT)),
        ).order_by("name_th", "pk")

    def get_header_buttons(self):
        buttons = []
        if partners_for_new_forms(self.request.user).exists():
            buttons = [
                HeaderButton(
                    _("Add a form"), url=reverse("forms_builder_admin:create"), icon_name="plus"
                ),
                HeaderButton(
                    _("Import"), url=reverse("forms_builder_admin:import"), icon_name="upload"
                ),
            ]
        return buttons


class CreateView(FormsAdminView):
    template_name = "forms_builder/admin/create.html"
    page_title = _("New form")

    def form(self, data=None) -> FormDefinitionCreateForm:
        return FormDefinitionCreateForm(
            data,
            partners=partners_for_new_forms(self.request.user),
            allow_network_wide=user_is_central_administrator(self.request.user),
        )

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        definition = services.form_definition_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("The form was created. Add its fields."))
        return redirect("forms_builder_admin:draft", pk=definition.pk)


class DetailView(DefinitionView):
    """A form's versions: which is current, who published what when, what uses them."""

    template_name = "forms_builder/admin/detail.html"

    def get_page_title(self):
        return self.definition.name

    def get_page_subtitle(self):
        return ""

    def get(self, request, pk):
        versions = list(
            self.definition.versions.select_related("created_by", "published_by").order_by(
                "-number"
            )
        )
        current = next((v for v in versions if v.status == VersionStatus.PUBLISHED), None)
        usages = version_usages(definition=self.definition, versions=versions)
        return self.render_to_response(
            self.get_context_data(
                version_rows=[(v, (usages or {}).get(v.pk, [])) for v in versions],
                show_usages=usages is not None,
                current=current,
                draft=next((v for v in versions if v.status == VersionStatus.DRAFT), None),
            )
        )


def version_usages(*, definition, versions) -> dict[int, list] | None:
    """Per version, what uses it, from the registered hooks; None when nothing can tell."""
    functions = hooks.get_hooks(USAGES_HOOK)
    if not functions:
        return None
    usages: dict[int, list] = {version.pk: [] for version in versions}
    for function in functions:
        for version_pk, items in (function(definition=definition, versions=versions) or {}).items():
            usages.setdefault(version_pk, []).extend(items)
    return usages


class DetailsEditView(DefinitionView):
    """Names, description and purpose of a form (not versioned)."""

    template_name = "forms_builder/admin/details.html"
    needs_edit = True
    page_title = _("Form details")

    def get(self, request, pk):
        form = FormDefinitionDetailsForm(instance=self.definition)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, pk):
        form = FormDefinitionDetailsForm(request.POST, instance=self.definition)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        form_definition_update(definition=self.definition, **form.cleaned_data)
        messages.success(request, _("The form's details were saved."))
        return redirect("forms_builder_admin:detail", pk=pk)
