"""Legal bases for sharing a person's data without consent (ฐานทางกฎหมาย), kept by central
administrators for the whole network. Deactivated rather than deleted: referrals cite them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from partners.menus import RoleMenuItem
from scheduling.views import CentralAdministratorsPolicy
from workflows.models import LegalBasis


class LegalBasisIndexView(generic.IndexView):
    @property
    def columns(self):
        return [
            TitleColumn("name", label=_("Name"), sort_key="name_th", url_name=self.edit_url_name),
            Column("key", label=_("Key"), sort_key="key"),
            BooleanColumn("allows_sensitive", label=_("Allows sensitive data")),
            BooleanColumn("is_active", label=_("Active")),
        ]


class LegalBasisViewSet(ModelViewSet):
    model = LegalBasis
    icon = "doc-full"
    name = "legal_bases"
    menu_label = _("Legal bases for sharing")
    menu_order = 817
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["key", "name_th", "name_en", "allows_sensitive", "is_active", "sort_order"]
    ordering = ["sort_order", "pk"]
    search_fields = ["name_th", "name_en", "key"]
    index_view_class = LegalBasisIndexView

    def __init__(self, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if policy_registry.get_by_type(LegalBasis, fallback=False) is None:
            register_permission_policy(LegalBasis, CentralAdministratorsPolicy(LegalBasis))

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(usage_url_name=None, delete_url_name=None, **kwargs)

    def get_menu_item(self, order=None):
        return RoleMenuItem(
            self.menu_label,
            self.menu_url,
            central_only=True,
            name="legal-bases",
            icon_name=self.icon,
            order=order or self.menu_order,
        )

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.none()
