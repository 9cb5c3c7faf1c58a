"""Legal bases for sharing a person's data without consent (ฐานทางกฎหมาย), kept by central
administrators for the whole network. Deactivated rather than deleted: referrals cite them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic

from workflows.models import LegalBasis
from workflows.views.central_lists import CentralListViewSet


class LegalBasisIndexView(generic.IndexView):
    @property
    def columns(self):
        return [
            TitleColumn("name", label=_("Name"), sort_key="name_th", url_name=self.edit_url_name),
            Column("key", label=_("Key"), sort_key="key"),
            BooleanColumn("allows_sensitive", label=_("Allows sensitive data")),
            BooleanColumn("is_active", label=_("Active")),
        ]


class LegalBasisViewSet(CentralListViewSet):
    model = LegalBasis
    icon = "doc-full"
    name = "legal_bases"
    menu_name = "legal-bases"
    menu_label = _("Legal bases for sharing")
    menu_order = 817
    form_fields = ["key", "name_th", "name_en", "allows_sensitive", "is_active", "sort_order"]
    ordering = ["sort_order", "pk"]
    search_fields = ["name_th", "name_en", "key"]
    index_view_class = LegalBasisIndexView
