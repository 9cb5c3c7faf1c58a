"""Labels Wagtail and wagtail-localize make from field names without marking them for
translation, given translatable ones (their Thai is in cms/locale/): the translations report's
language filters, the Sites listing's columns, the page field of group page permissions and of
a workflow's pages, the names of a group's page permissions, the locale editor's "Synchronise
content" fields and its heading. `label()` runs once, from CmsConfig.ready()."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.workflows import WorkflowPageForm
from wagtail.sites.views import IndexView as SiteIndexView
from wagtail.users.forms import PagePermissionsForm
from wagtail_localize.locales.views import CreateView as LocaleCreateView
from wagtail_localize.models import LocaleSynchronization, LocaleSynchronizationModelForm
from wagtail_localize.views.report import TranslationsReportFilterSet

from cms import permission_labels

FILTER_LABELS = {
    "source_locale": _("Source language"),
    "target_locale": _("Target language"),
}
SITE_COLUMN_LABELS = {
    "port": _("Port"),
    "site_name": _("Site name"),
    "root_page": _("Root page"),
}
LOCALE_SYNC_LABELS = {
    "enabled": _("Synchronise content from another language"),
    "sync_from": _("Synchronise from"),
}


class LocaleSynchronizationForm(LocaleSynchronizationModelForm):
    """wagtail-localize adds an unlabelled "enabled" field to this form at request time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, text in LOCALE_SYNC_LABELS.items():
            if name in self.fields:
                self.fields[name].label = text


def label() -> None:
    for name, text in FILTER_LABELS.items():
        TranslationsReportFilterSet.base_filters[name].label = text
    for column in SiteIndexView.columns:
        if column.name in SITE_COLUMN_LABELS:
            column.label = SITE_COLUMN_LABELS[column.name]
    PagePermissionsForm.base_fields["page"].label = _("Page")
    permissions = PagePermissionsForm.base_fields["permissions"]
    permissions.label_from_instance = permission_labels.page_permission_label
    WorkflowPageForm.base_fields["page"].label = _("Page")
    LocaleSynchronization.base_form_class = LocaleSynchronizationForm
    LocaleCreateView.page_subtitle = _("Language")  # Locale's verbose name is unmarked
