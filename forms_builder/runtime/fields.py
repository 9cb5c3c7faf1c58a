"""Django form fields for the types Django lacks: BE dates, national ID, Thai address, location."""

import datetime as dt
from decimal import Decimal

import geothai
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms_builder.be_dates import date_input_format, date_parse
from forms_builder.runtime.uploads import image_clean, is_image_only, upload_check
from forms_builder.runtime.validators import national_id_clean, phone_clean
from forms_builder.runtime.widgets import (
    NATIONAL_ID_STATUSES,
    BuddhistDateInput,
    BuddhistDateTimeWidget,
    HeadingWidget,
    LocationWidget,
    NationalIdWidget,
    ThaiAddressWidget,
)


class BuddhistDateField(forms.Field):
    widget = BuddhistDateInput

    def __init__(
        self,
        *,
        min_value: dt.date | None = None,
        max_value=None,
        not_in_future: bool = False,
        **kwargs,
    ):
        self.min_value, self.max_value = min_value, max_value
        self.not_in_future = not_in_future
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        return date_parse(str(value))

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_value and value < self.min_value:
            raise ValidationError(
                _("Enter a date on or after %(date)s."),
                code="min_value",
                params={"date": date_input_format(self.min_value)},
            )
        if self.not_in_future and value > timezone.localdate():
            raise ValidationError(
                _("This date has not come yet: enter a date no later than today."),
                code="future",
            )
        if self.max_value and value > self.max_value:
            raise ValidationError(
                _("Enter a date on or before %(date)s."),
                code="max_value",
                params={"date": date_input_format(self.max_value)},
            )


class BuddhistDateTimeField(forms.MultiValueField):
    widget = BuddhistDateTimeWidget

    # A phone's clock may run a little ahead of the server's.
    CLOCK_SKEW = dt.timedelta(minutes=10)

    def __init__(self, *, not_in_future: bool = False, **kwargs):
        fields = (BuddhistDateField(), forms.TimeField())
        self.not_in_future = not_in_future
        super().__init__(fields, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        if None in data_list[:2]:
            raise ValidationError(_("Enter both the date and the time."), code="incomplete")
        day, time = data_list
        value = timezone.make_aware(dt.datetime.combine(day, time))
        if self.not_in_future:
            time_not_in_future(value)
        return value


def time_not_in_future(value: dt.datetime) -> None:
    """Refuse a moment that has not come yet (a phone's clock may run a little ahead)."""
    if value > timezone.now() + BuddhistDateTimeField.CLOCK_SKEW:
        raise ValidationError(
            _("This time has not come yet: enter a time no later than now."), code="future"
        )


class NationalIdField(forms.MultiValueField):
    """A national ID, or an explicit 'no ID / foreign document / stateless' with a document."""

    widget = NationalIdWidget

    def __init__(self, **kwargs):
        fields = (
            forms.ChoiceField(choices=NATIONAL_ID_STATUSES),
            forms.CharField(max_length=17),
            forms.CharField(max_length=50),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)
        for field in self.fields:
            field.required = False

    def compress(self, data_list):
        if not data_list:
            return None
        status, number, document = (list(data_list) + ["", "", ""])[:3]
        if not status:
            raise ValidationError(_("Choose whether the person has a national ID."), code="status")
        if status == "id":
            if not number:
                raise ValidationError(_("Enter the 13-digit national ID."), code="number")
            return {"status": status, "number": national_id_clean(number)}
        if status == "foreign" and not document:
            raise ValidationError(
                _("Enter the number of the foreign document (passport, pink card, …)."),
                code="document",
            )
        answer = {"status": status}
        if document:
            answer["document"] = document.strip()
        return answer


class PhoneField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value):
        value = super().clean(value)
        return phone_clean(value) if value else value


class ThaiAddressField(forms.MultiValueField):
    widget = ThaiAddressWidget

    def __init__(self, **kwargs):
        fields = tuple(forms.CharField(max_length=255) for _part in range(6))
        super().__init__(fields, require_all_fields=False, **kwargs)
        for field in self.fields:
            field.required = False

    def compress(self, data_list):
        if not data_list:
            return None
        province, district, subdistrict, house, road, landmark = (list(data_list) + [""] * 6)[:6]
        errors = []
        if not province or geothai.province(province) is None:
            errors.append(ValidationError(_("Choose a province."), code="province"))
        elif not district or geothai.district(district) is None:
            errors.append(ValidationError(_("Choose a district."), code="district"))
        elif not district.startswith(province):
            errors.append(
                ValidationError(
                    _("The chosen district is not in the chosen province."), code="district"
                )
            )
        elif not subdistrict or geothai.subdistrict(subdistrict) is None:
            errors.append(ValidationError(_("Choose a subdistrict."), code="subdistrict"))
        elif not subdistrict.startswith(district):
            errors.append(
                ValidationError(
                    _("The chosen subdistrict is not in the chosen district."),
                    code="subdistrict",
                )
            )
        if errors:
            raise ValidationError(errors)
        answer = {"province": province, "district": district, "subdistrict": subdistrict}
        for part, text in (("house", house), ("road", road), ("landmark", landmark)):
            if text and text.strip():
                answer[part] = text.strip()
        return answer


class LocationField(forms.MultiValueField):
    widget = LocationWidget

    def __init__(self, **kwargs):
        fields = (
            forms.DecimalField(min_value=Decimal(-90), max_value=Decimal(90)),
            forms.DecimalField(min_value=Decimal(-180), max_value=Decimal(180)),
        )
        super().__init__(fields, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        if None in data_list[:2]:
            raise ValidationError(_("Enter both latitude and longitude."), code="incomplete")
        lat, lng = data_list
        return {"lat": round(float(lat), 6), "lng": round(float(lng), 6)}


class AnswerFileField(forms.FileField):
    """A photo or file whose real content is checked against the accepted types and size.

    A photo of an image-only field is stored cleaned (resized, without EXIF/GPS metadata)."""

    def __init__(self, *, accept: list[str], max_size_mb: float, **kwargs):
        self.accept, self.max_size_mb = accept, max_size_mb
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(accept)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.content_type = upload_check(
                upload, accept=self.accept, max_size_mb=self.max_size_mb
            )
            if is_image_only(self.accept):
                upload = image_clean(upload)
        return upload


class HeadingField(forms.Field):
    """A heading or explanation between questions: never an answer."""

    widget = HeadingWidget

    def __init__(self, **kwargs):
        kwargs.update(required=False, disabled=True)
        super().__init__(**kwargs)
