"""The list of definitions: Wagtail's IndexView with our scope, search, filters and columns."""

import django_filters
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from forms_builder.definition_admin.access import (
    definitions_listed,
    partners_for_new_definitions,
)
from forms_builder.models import VersionStatus
from partners.selectors import user_is_central_administrator
from thai.dates import format_thai_date

NETWORK = "network"
STATUS_CHOICES = [
    ("published", _("Published")),
    ("draft_only", _("Never published")),
    ("has_draft", _("Has a draft")),
]


class DefinitionFilterSet(WagtailFilterSet):
    """Partner (or the whole network), the type's own classification, publication status.
    A value that is not a choice makes the filters invalid, and Wagtail then ignores them."""

    partner = django_filters.ChoiceFilter(
        label=_("Partner"), empty_label=_("All partners"), method="filter_partner"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        empty_label=_("All statuses"),
        method="filter_status",
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        partners = partners_for_new_definitions(request.user) if request else []
        self.filters["partner"].extra["choices"] = [
            (NETWORK, _("The whole network")),
            *[(str(p.pk), p.name) for p in partners],
        ]

    def filter_partner(self, queryset, name, value):
        if value == NETWORK:
            return queryset.filter(partner__isnull=True)
        return queryset.filter(partner_id=int(value))

    def filter_status(self, queryset, name, value):
        published = {"versions__status": VersionStatus.PUBLISHED}
        if value == "published":
            return queryset.filter(**published).distinct()
        if value == "draft_only":
            return queryset.exclude(**published)
        return queryset.filter(versions__status=VersionStatus.DRAFT).distinct()


def definition_filterset(model, classifier: str) -> type[DefinitionFilterSet]:
    """The filter set of a definition type: the common filters and its classifying field."""
    field = model._meta.get_field(classifier)
    attrs = {
        classifier: django_filters.ChoiceFilter(
            label=field.verbose_name.capitalize(),
            choices=field.choices,
            empty_label=_("All"),
        ),
        "Meta": type("Meta", (), {"model": model, "fields": []}),
    }
    return type(f"{model.__name__}FilterSet", (DefinitionFilterSet,), attrs)


def partner_label(definition) -> str:
    return definition.partner.name if definition.partner_id else str(_("The whole network"))


def current_version_label(definition) -> str:
    if definition.current_number:
        text = _("Version %(number)s") % {"number": definition.current_number}
    else:
        text = _("Not published yet")
    return f"{text} · {_('Draft')}" if definition.has_draft else str(text)


class DefinitionIndexView(generic.IndexView):
    """Every definition the user may see, 25 a page, searched by name or key."""

    viewset = None
    search_fields = ["name_th", "name_en", "key"]
    table_classname = "listing definition-listing"
    template_name = "definition_admin/index.html"

    def get_base_queryset(self) -> QuerySet:
        return definitions_listed(self.model, self.request.user)

    @cached_property
    def columns(self):
        classifier = self.viewset.classifier
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                sort_key="name_th",
                get_url=lambda definition: self.viewset.detail_url(definition),
            ),
            Column("key", label=_("Key"), sort_key="key"),
            Column("partner", label=_("Partner"), accessor=partner_label),
            Column(
                classifier,
                label=self.model._meta.get_field(classifier).verbose_name.capitalize(),
                accessor=f"get_{classifier}_display",
            ),
            Column("current", label=_("Current version"), accessor=current_version_label),
            Column(
                "updated_at",
                label=_("Updated"),
                sort_key="updated_at",
                accessor=lambda d: format_thai_date(d.updated_at, style="short"),
            ),
        ]

    @cached_property
    def header_buttons(self):
        if not partners_for_new_definitions(self.request.user).exists():
            return []
        return [
            HeaderButton(
                self.viewset.texts["add"], url=self.add_url, icon_name="plus", priority=10
            ),
            *self.viewset.index_header_buttons(),
        ]

    def get_list_more_buttons(self, instance):
        return []  # The name leads to the definition's page, which holds every action.

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["is_central"] = user_is_central_administrator(self.request.user)
        context["shared_note"] = self.viewset.texts["shared_note"]
        return context
