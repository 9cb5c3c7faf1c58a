"""Labels Wagtail and wagtail-localize make from field names without marking them for
translation, given translatable ones (their Thai is in locale/): the translations report's
language filters. `label()` runs once, from CmsConfig.ready()."""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.views.report import TranslationsReportFilterSet

FILTER_LABELS = {
    "source_locale": _("Source language"),
    "target_locale": _("Target language"),
}


def label() -> None:
    for name, text in FILTER_LABELS.items():
        TranslationsReportFilterSet.base_filters[name].label = text
