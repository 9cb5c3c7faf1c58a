"""Wagtail's admin date and date-time choosers (xdsoft's calendar) in the user's era: typed
year first (2569-12-02 for a Thai user, the calendar showing 2569 through its `yearOffset`),
read by `forms_builder.be_dates`, which refuses a year of the other era with a message. Used by
`cms.admin_dates` for every Wagtail model form and filter, and by staff forms of our own (the
breach register)."""

import datetime as dt

from django import forms
from django.forms.utils import from_current_timezone
from wagtail.admin.widgets.datetime import (
    DEFAULT_DATE_FORMAT,
    DEFAULT_DATETIME_FORMAT,
    AdminDateInput,
    AdminDateTimeInput,
)

from forms_builder.be_dates import (
    date_input_format_year_first,
    date_parse_year_first,
    date_time_input_format_year_first,
    date_time_parse_year_first,
    is_thai,
)
from forms_builder.runtime.fields import time_not_in_future
from thai.dates import BE_OFFSET


def _picker_config(config: dict) -> dict:
    if is_thai():
        config["yearOffset"] = BE_OFFSET
    return config


class BuddhistAdminDateInput(AdminDateInput):
    def __init__(self, attrs=None, format=None):  # noqa: A002 - Wagtail's argument name
        super().__init__(attrs=attrs, format=DEFAULT_DATE_FORMAT)

    def format_value(self, value):
        if isinstance(value, dt.date):
            return date_input_format_year_first(value)
        return super().format_value(value)

    def get_config(self):
        return _picker_config(super().get_config())


class BuddhistAdminDateTimeInput(AdminDateTimeInput):
    def __init__(self, attrs=None, format=None, **kwargs):  # noqa: A002
        super().__init__(attrs=attrs, format=DEFAULT_DATETIME_FORMAT, **kwargs)

    def format_value(self, value):
        if isinstance(value, dt.datetime):
            return date_time_input_format_year_first(value)
        return super().format_value(value)

    def get_config(self):
        return _picker_config(super().get_config())


class BuddhistAdminDateField(forms.DateField):
    widget = BuddhistAdminDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return date_parse_year_first(str(value))


class BuddhistAdminDateTimeField(forms.DateTimeField):
    widget = BuddhistAdminDateTimeInput

    def __init__(self, *, not_in_future: bool = False, **kwargs):
        self.not_in_future = not_in_future
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if self.not_in_future and value is not None:
            time_not_in_future(value)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return from_current_timezone(value)
        return from_current_timezone(date_time_parse_year_first(str(value)))
