"""Buddhist-era dates in Wagtail's own date and date-time fields (the page editor's date, go-live
and expiry, and every other Wagtail admin model form).

Wagtail types dates year first (WAGTAIL_DATE_FORMAT's default, 2026-12-02). For a Thai user the
year is in the Buddhist era, shown and typed: 2569-12-02, and the calendar (xdsoft's
datetimepicker, through its `yearOffset` option) shows 2569 too. The typed text is read by
`forms_builder.be_dates`: a Christian-era year (2026-12-02) or one shifted twice (3112-12-02) is
refused with a message, never silently moved by 543 years. English users keep the Christian era.
`register()` makes these Wagtail's form fields for every model DateField and DateTimeField,
and the fields of every date filter of Wagtail's listings and reports (page listing, history and
audit log, locked and aging pages, workflows; django-filter's DateFilter, DateTimeFilter and
DateFromToRangeFilter), whose active-filter labels then show the date in the user's era too;
`SitePage.settings_panels` uses `BuddhistPublishingPanel` for go-live and expiry. The widgets and
fields themselves are `forms_builder.admin_dates` (staff forms of workflows use them too).
"""

import datetime as dt

import django_filters
from django.db import models
from django.forms.utils import from_current_timezone
from django_filters.fields import RangeField
from wagtail.admin.active_filters import (
    BaseFilterAdapter,
    DateFromToRangeFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.panels import PublishingPanel
from wagtail.admin.widgets.datetime import AdminDateInput, AdminDateTimeInput

from forms_builder.admin_dates import (
    BuddhistAdminDateField,
    BuddhistAdminDateInput,
    BuddhistAdminDateTimeField,
    BuddhistAdminDateTimeInput,
)
from forms_builder.be_dates import date_parse_year_first
from thai.dates import format_thai_date


class BuddhistPublishingPanel(PublishingPanel):
    """Wagtail's go-live and expiry panel, whose widgets Wagtail names itself, in the user's era."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            if type(child.widget) is AdminDateTimeInput:
                child.widget = BuddhistAdminDateTimeInput(
                    attrs=child.widget.attrs,
                    js_overlay_parent_selector=child.widget.js_overlay_parent_selector,
                )


def _is(widget, cls) -> bool:
    return widget is cls or type(widget) is cls


def _date_widget(widget):
    """Wagtail's plain date or date-time input (a class or an instance) in the user's era."""
    for plain, buddhist in (
        (AdminDateInput, BuddhistAdminDateInput),
        (AdminDateTimeInput, BuddhistAdminDateTimeInput),
    ):
        if widget is plain:
            return buddhist()
        if type(widget) is plain:
            return buddhist(attrs=widget.attrs)
    return widget


class BuddhistFilterDateField(BuddhistAdminDateField):
    """A DateFilter's field (aging pages' "Last published before")."""

    def __init__(self, *, widget=None, **kwargs):
        super().__init__(widget=_date_widget(widget), **kwargs)


class BuddhistFilterDateTimeField(BuddhistAdminDateTimeField):
    """A DateTimeFilter's field; with a date input (aging pages' "Last published before") the
    typed day is read as its first moment, as Django reads a date typed in a date-time field."""

    def __init__(self, *, widget=None, **kwargs):
        self.date_only = _is(widget, AdminDateInput)
        super().__init__(widget=_date_widget(widget), **kwargs)

    def to_python(self, value):
        if self.date_only and isinstance(value, str) and value.strip():
            day = date_parse_year_first(value)
            return from_current_timezone(dt.datetime.combine(day, dt.time.min))
        return super().to_python(value)


class BuddhistDateRangeField(django_filters.fields.DateRangeField):
    """A DateFromToRangeFilter's field: both ends typed and shown in the user's era."""

    def __init__(self, *args, **kwargs):
        fields = (BuddhistAdminDateField(), BuddhistAdminDateField())
        RangeField.__init__(self, fields, *args, **kwargs)
        if isinstance(self.widget, DateRangePickerWidget):
            self.widget.widgets = [_date_widget(widget) for widget in self.widget.widgets]


def _shown(value) -> str:
    return format_thai_date(value.date() if isinstance(value, dt.datetime) else value)


class BuddhistDateRangeFilterAdapter(DateFromToRangeFilterAdapter):
    def format_value(self, value):
        return _shown(value) if value is not None else self.empty_value_label


class BuddhistDateFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        value = self.value
        if isinstance(value, dt.datetime) and getattr(self.filter.field, "date_only", False):
            value = value.date()
        for active in super().get_active_filters():
            yield active._replace(value=format_thai_date(value))


def register() -> None:
    django_filters.DateFilter.field_class = BuddhistFilterDateField
    django_filters.DateTimeFilter.field_class = BuddhistFilterDateTimeField
    django_filters.DateFromToRangeFilter.field_class = BuddhistDateRangeField
    for date_filter in (django_filters.DateFilter, django_filters.DateTimeFilter):
        register_filter_adapter_class(date_filter, BuddhistDateFilterAdapter)
    register_filter_adapter_class(
        django_filters.DateFromToRangeFilter, BuddhistDateRangeFilterAdapter
    )
    register_form_field_override(
        models.DateField,
        override={"widget": BuddhistAdminDateInput, "form_class": BuddhistAdminDateField},
    )
    register_form_field_override(
        models.DateTimeField,
        override={"widget": BuddhistAdminDateTimeInput, "form_class": BuddhistAdminDateTimeField},
    )
