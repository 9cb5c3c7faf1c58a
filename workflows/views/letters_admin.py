"""External organizations (องค์กรภายนอก) and referral letter templates, kept by central
administrators. Deactivated rather than deleted: letters cite them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic

from workflows.models import ExternalOrganization, LetterTemplate
from workflows.views.central_lists import CentralListViewSet


class ExternalOrganizationIndexView(generic.IndexView):
    @property
    def columns(self):
        return [
            TitleColumn("name", label=_("Name"), sort_key="name_th", url_name=self.edit_url_name),
            Column("get_kind_display", label=_("Kind"), sort_key="kind"),
            BooleanColumn("is_active", label=_("Active")),
        ]


class ExternalOrganizationViewSet(CentralListViewSet):
    model = ExternalOrganization
    icon = "site"
    name = "external_organizations"
    menu_name = "external-organizations"
    menu_label = _("External organizations")
    menu_order = 818
    form_fields = ["key", "name_th", "name_en", "kind", "address", "contact", "is_active"]
    ordering = ["name_th", "pk"]
    search_fields = ["name_th", "name_en", "key"]
    index_view_class = ExternalOrganizationIndexView


class LetterTemplateIndexView(generic.IndexView):
    @property
    def columns(self):
        return [
            TitleColumn("name", label=_("Name"), sort_key="name_th", url_name=self.edit_url_name),
            Column("key", label=_("Key"), sort_key="key"),
            BooleanColumn("is_active", label=_("Active")),
        ]


class LetterTemplateViewSet(CentralListViewSet):
    model = LetterTemplate
    icon = "doc-full-inverse"
    name = "letter_templates"
    menu_name = "letter-templates"
    menu_label = _("Referral letter templates")
    menu_order = 819
    form_fields = ["key", "name_th", "name_en", "subject", "body", "is_active"]
    ordering = ["name_th", "pk"]
    search_fields = ["name_th", "name_en", "key"]
    index_view_class = LetterTemplateIndexView
