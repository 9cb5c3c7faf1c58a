"""FieldBuilder: a Django form field for each FieldDefinition (after wagtail.contrib.forms).

Each type has its own `create_<type>_field(field, options)`; `field_options` is the one place that
sets label, help text, required and initial. Adding a type is adding one method.
"""

from collections.abc import Iterable
from decimal import Decimal

from django import forms
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _

from forms_builder.answers import answer_initial
from forms_builder.be_dates import date_bound
from forms_builder.models import FieldDefinition
from forms_builder.runtime.fields import (
    AnswerFileField,
    BuddhistDateField,
    BuddhistDateTimeField,
    HeadingField,
    LocationField,
    NationalIdField,
    PhoneField,
    ThaiAddressField,
)
from forms_builder.runtime.uploads import DEFAULT_MAX_SIZE_MB, accept_expand
from forms_builder.runtime.validators import PatternValidator
from forms_builder.texts import localized_text

# Django's own Thai catalogue lacks some of these; ours words them for the people who answer.
ERROR_MESSAGES = {
    "required": _("Please answer this question."),
    "incomplete": _("Please complete the answer."),
}
NUMBER_MESSAGES = {
    "invalid": _("Enter a number."),
    "max_decimal_places": _("Use at most %(max)s decimal places."),
    "max_digits": _("Use at most %(max)s digits."),
}
SHORT_TEXT_MAX_LENGTH = 255
LONG_TEXT_MAX_LENGTH = 10_000


class FieldBuilder:
    def __init__(self, fields: Iterable[FieldDefinition]):
        self.fields = list(fields)

    @property
    def formfields(self) -> dict[str, forms.Field]:
        return {field.key: self.formfield(field) for field in self.fields}

    def formfield(self, field: FieldDefinition) -> forms.Field:
        create = self.get_create_field_function(field.field_type)
        return create(field, self.field_options(field))

    def get_create_field_function(self, field_type: str):
        create = getattr(self, f"create_{field_type}_field", None)
        if create is None:
            raise AttributeError(f"No create_{field_type}_field on {type(self).__name__}.")
        return create

    def field_options(self, field: FieldDefinition) -> dict:
        # Labels and help are data: escaped here so no renderer can show them as HTML.
        return {
            "label": conditional_escape(field.label),
            "help_text": conditional_escape(field.help_text),
            "required": field.required,
            "initial": answer_initial(field),
            "error_messages": dict(ERROR_MESSAGES),
        }

    @staticmethod
    def choices(field: FieldDefinition) -> list[tuple[str, str]]:
        return [(c["value"], localized_text(c, "label")) for c in field.choices or []]

    @staticmethod
    def length_validators(validation: dict) -> list:
        validators = []
        if validation.get("min_length") is not None:
            message = _("Enter at least %(limit_value)d characters (now %(show_value)d).")
            validators.append(MinLengthValidator(int(validation["min_length"]), message))
        if validation.get("max_length") is not None:
            message = _("Enter at most %(limit_value)d characters (now %(show_value)d).")
            validators.append(MaxLengthValidator(int(validation["max_length"]), message))
        if validation.get("pattern"):
            validators.append(PatternValidator(validation))
        return validators

    def create_short_text_field(self, field, options):
        options["validators"] = self.length_validators(field.validation or {})
        return forms.CharField(max_length=SHORT_TEXT_MAX_LENGTH, **options)

    def create_long_text_field(self, field, options):
        options["validators"] = self.length_validators(field.validation or {})
        rows = int((field.options or {}).get("rows", 4))
        widget = forms.Textarea(attrs={"rows": rows})
        return forms.CharField(max_length=LONG_TEXT_MAX_LENGTH, widget=widget, **options)

    def create_integer_field(self, field, options):
        validation = field.validation or {}
        options["error_messages"].update(NUMBER_MESSAGES, invalid=_("Enter a whole number."))
        return forms.IntegerField(
            min_value=validation.get("min_value"), max_value=validation.get("max_value"), **options
        )

    def create_decimal_field(self, field, options):
        validation = field.validation or {}
        bounds = {
            name: Decimal(str(validation[name]))
            for name in ("min_value", "max_value")
            if validation.get(name) is not None
        }
        places = validation.get("decimal_places")
        options["error_messages"].update(NUMBER_MESSAGES)
        widget = forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"})
        return forms.DecimalField(decimal_places=places, widget=widget, **bounds, **options)

    def create_date_field(self, field, options):
        validation = field.validation or {}
        return BuddhistDateField(
            min_value=date_bound(validation.get("min_value")),
            max_value=date_bound(validation.get("max_value")),
            not_in_future=bool(validation.get("not_in_future")),
            **options,
        )

    def create_datetime_field(self, field, options):
        validation = field.validation or {}
        return BuddhistDateTimeField(not_in_future=bool(validation.get("not_in_future")), **options)

    def create_single_choice_field(self, field, options):
        choices = self.choices(field)
        if (field.options or {}).get("widget") == "dropdown":
            return forms.ChoiceField(choices=[("", "---------"), *choices], **options)
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **options)

    def create_multiple_choice_field(self, field, options):
        return forms.MultipleChoiceField(
            choices=self.choices(field), widget=forms.CheckboxSelectMultiple, **options
        )

    def create_yes_no_field(self, field, options):
        return forms.TypedChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))],
            coerce=lambda value: value == "yes",
            empty_value=None,
            widget=forms.RadioSelect,
            **options,
        )

    def create_national_id_field(self, field, options):
        return NationalIdField(**options)

    def create_phone_field(self, field, options):
        return PhoneField(**options)

    def create_email_field(self, field, options):
        return forms.EmailField(**options)

    def create_thai_address_field(self, field, options):
        return ThaiAddressField(**options)

    def create_location_field(self, field, options):
        return LocationField(**options)

    def create_file_field(self, field, options):
        validation = field.validation or {}
        options.pop("initial", None)
        return AnswerFileField(
            accept=accept_expand(validation.get("accept")),
            max_size_mb=float(validation.get("max_size_mb") or DEFAULT_MAX_SIZE_MB),
            **options,
        )

    def create_heading_field(self, field, options):
        options.pop("required", None)
        options.pop("initial", None)
        return HeadingField(**options)
