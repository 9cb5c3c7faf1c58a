"""Outcomes (ผลการดำเนินงาน) in the Wagtail admin: the network's, kept by central
administrators, and each partner's own, kept by its administrators. Retired, never deleted."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from forms_builder.definition_admin.access import (
    PartnerOwnedPermissionPolicy,
    definition_for_admin,
    definitions_in_admin,
    partners_for_new_definitions,
)
from forms_builder.definition_admin.editing import DefinitionCreateForm
from forms_builder.definition_admin.listing import partner_label
from partners.menus import RoleMenuItem
from partners.models import Role
from partners.selectors import user_is_central_administrator
from workflows.models import Outcome


class OutcomeCreateForm(DefinitionCreateForm):
    network_label = _("The whole network")
    key_example = _("A stable ASCII name, e.g. returned_home_province; it never changes.")
    key_taken = _("An outcome with this key exists already.")

    class Meta:
        model = Outcome
        fields = ["partner", "key", "name_th", "name_en", "sort_order", "anonymise_after_years"]

    def key_is_taken(self, key: str, partner) -> bool:
        return Outcome.objects.filter(key=key).exists()  # one namespace for the whole network


class OutcomeEditForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["name_th", "name_en", "sort_order", "anonymise_after_years", "retired"]


def outcome_retention_label(outcome: Outcome) -> str:
    """What the outcome's retention rule does, in words: the list shows every outcome's."""
    years = outcome.anonymise_after_years
    if not years:
        return str(_("Kept (no retention rule)"))
    return ngettext(
        "Removed %(years)d year after the case ends",
        "Removed %(years)d years after the case ends",
        years,
    ) % {"years": years}


class OutcomeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return definitions_in_admin(Outcome, self.request.user)

    @property
    def columns(self):
        return [
            # A link only where the user may edit (a partner's administrator reads the
            # network's outcomes but does not change them: that link was a 404).
            TitleColumn("name", label=_("Name"), sort_key="name_th", get_url=self.get_edit_url),
            Column("partner", label=_("Partner"), accessor=partner_label),
            Column(
                "anonymise_after_years",
                label=_("Identifying details"),
                accessor=outcome_retention_label,
                sort_key="anonymise_after_years",
            ),
            StatusTagColumn(
                "retired",
                label=_("Status"),
                accessor=lambda o: _("Retired") if o.retired else _("In use"),
                primary=lambda o: not o.retired,
            ),
        ]

    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            return super().get_edit_url(instance)
        return None


class OutcomeCreateView(generic.CreateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["partners"] = partners_for_new_definitions(self.request.user)
        kwargs["allow_network_wide"] = user_is_central_administrator(self.request.user)
        return kwargs


class OutcomeEditView(generic.EditView):
    def get_object(self, queryset=None):
        return definition_for_admin(Outcome, self.request.user, self.kwargs["pk"], edit=True)


class OutcomeViewSet(ModelViewSet):
    model = Outcome
    icon = "tag"
    name = "outcomes"
    menu_label = _("Outcomes")
    menu_order = 815
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["sort_order", "name_th"]
    search_fields = ["name_th", "name_en", "key"]
    index_view_class = OutcomeIndexView
    add_view_class = OutcomeCreateView
    edit_view_class = OutcomeEditView

    def __init__(self, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if policy_registry.get_by_type(Outcome, fallback=False) is None:
            register_permission_policy(Outcome, PartnerOwnedPermissionPolicy(Outcome))

    def get_form_class(self, for_update=False):
        return OutcomeEditForm if for_update else OutcomeCreateForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(usage_url_name=None, delete_url_name=None, **kwargs)

    def get_menu_item(self, order=None):
        return RoleMenuItem(
            self.menu_label,
            self.menu_url,
            roles=[Role.ADMINISTRATOR],
            name="outcomes",
            icon_name=self.icon,
            order=order or self.menu_order,
        )

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.none()  # Roles decide, not Django model permissions.
