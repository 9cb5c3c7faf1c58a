"""Widgets of the runtime forms. Every label they show is escaped by their templates."""

import datetime as dt

import geothai
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms_builder.be_dates import date_example, date_input_format, is_thai

NATIONAL_ID_STATUSES = [
    ("id", _("Has a Thai national ID")),
    ("no_id", _("No ID document")),
    ("foreign", _("Foreign document (passport, pink card, …)")),
    ("stateless", _("Stateless / ID of a person without Thai nationality")),
]


def area_choices(areas) -> list[tuple[str, str]]:
    thai = is_thai()
    return [(a.code, a.name_th if thai else a.name_en) for a in areas]


class BuddhistDateInput(forms.TextInput):
    """dd/mm/yyyy, in the Buddhist era when the page is in Thai."""

    template_name = "forms_builder/widgets/be_date.html"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.datetime):
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        if isinstance(value, dt.date):
            return date_input_format(value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", date_example())
        context["widget"]["era"] = _("B.E.") if is_thai() else _("C.E.")
        return context


class LabelledMultiWidget(forms.MultiWidget):
    """A MultiWidget whose parts carry their own labels (the template shows them)."""

    template_name = "forms_builder/widgets/multi.html"
    part_labels: tuple = ()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(
            context["widget"]["subwidgets"], self.part_labels, strict=False
        ):
            subwidget["part_label"] = label
        return context


class BuddhistDateTimeWidget(LabelledMultiWidget):
    part_labels = (_("Date"), _("Time"))

    def __init__(self, attrs=None):
        super().__init__([BuddhistDateInput(), forms.TimeInput(attrs={"type": "time"})], attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value)
            except ValueError:
                return [None, None]
        if isinstance(value, dt.datetime):
            value = timezone.localtime(value) if timezone.is_aware(value) else value
            return [value.date(), value.time().replace(second=0, microsecond=0)]
        return [None, None]


class NationalIdWidget(LabelledMultiWidget):
    template_name = "forms_builder/widgets/national_id.html"
    part_labels = (_("ID status"), _("National ID number"), _("Document number"))

    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.Select(choices=[("", "---------"), *NATIONAL_ID_STATUSES]),
                forms.TextInput(
                    attrs={"inputmode": "numeric", "maxlength": "17", "autocomplete": "off"}
                ),
                forms.TextInput(attrs={"maxlength": "50", "autocomplete": "off"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("status"), value.get("number"), value.get("document")]
        return [None, None, None]


ADDRESS_PARTS = ("province", "district", "subdistrict", "house", "road", "landmark")


class ThaiAddressWidget(LabelledMultiWidget):
    """Province → district → subdistrict selects (chained by address.js) and free text parts."""

    template_name = "forms_builder/widgets/thai_address.html"
    part_labels = (
        _("Province"),
        _("District"),
        _("Subdistrict"),
        _("House number, village, alley"),
        _("Road"),
        _("Landmark"),
    )

    def __init__(self, attrs=None):
        empty = [("", "---------")]
        super().__init__(
            [
                forms.Select(choices=empty, attrs={"data-fb-area": "province"}),
                forms.Select(choices=empty, attrs={"data-fb-area": "district"}),
                forms.Select(choices=empty, attrs={"data-fb-area": "subdistrict"}),
                forms.TextInput(attrs={"maxlength": "255"}),
                forms.TextInput(attrs={"maxlength": "255"}),
                forms.TextInput(attrs={"maxlength": "255"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get(part) for part in ADDRESS_PARTS]
        return [None] * len(ADDRESS_PARTS)

    def get_context(self, name, value, attrs):
        parts = value if isinstance(value, list | tuple) else self.decompress(value)
        province, district = (parts + [None, None])[:2]
        empty = [("", "---------")]
        # Rendered server-side for the chosen codes, so the form also works without JavaScript.
        self.widgets[0].choices = empty + area_choices(geothai.provinces())
        self.widgets[1].choices = empty + area_choices(geothai.districts(province or ""))
        self.widgets[2].choices = empty + area_choices(geothai.subdistricts(district or ""))
        context = super().get_context(name, value, attrs)
        context["widget"]["lookup_url"] = reverse("forms_builder:areas")
        return context


class LocationWidget(LabelledMultiWidget):
    template_name = "forms_builder/widgets/location.html"
    part_labels = (_("Latitude"), _("Longitude"))

    def __init__(self, attrs=None):
        number = {"step": "any", "inputmode": "decimal"}
        super().__init__(
            [
                forms.NumberInput(attrs={**number, "min": "-90", "max": "90"}),
                forms.NumberInput(attrs={**number, "min": "-180", "max": "180"}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, dict):
            return [value.get("lat"), value.get("lng")]
        return [None, None]


class HeadingWidget(forms.Widget):
    """A heading or explanation: the field's label and help text, no input."""

    template_name = "forms_builder/widgets/heading.html"

    def value_from_datadict(self, data, files, name):
        return None
