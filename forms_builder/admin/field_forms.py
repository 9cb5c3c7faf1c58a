"""The field editor: one form that shows only the settings a field type has, choice rows and
condition rows. Administrators never see or type JSON; these forms build it."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.answers import answer_value_check
from forms_builder.be_dates import date_input_format, date_parse
from forms_builder.models import FieldDefinition, FieldType, field_key_validator
from forms_builder.runtime.uploads import DEFAULT_MAX_SIZE_MB, MAX_SIZE_MB_LIMIT
from forms_builder.runtime.validators import pattern_problem

NUMBER_TYPES = {FieldType.INTEGER, FieldType.DECIMAL}
CHOICE_TYPES = {FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE}

# Which settings each type has, beyond key, labels, help and condition (which all have).
ANSWER_SETTINGS = {"required", "sensitive"}
TYPE_SETTINGS: dict[str, set[str]] = {
    FieldType.SHORT_TEXT: ANSWER_SETTINGS | {"default", "min_length", "max_length", "pattern"},
    FieldType.LONG_TEXT: ANSWER_SETTINGS | {"default", "min_length", "max_length", "pattern"},
    FieldType.INTEGER: ANSWER_SETTINGS | {"default", "min_value", "max_value"},
    FieldType.DECIMAL: ANSWER_SETTINGS | {"default", "min_value", "max_value"},
    FieldType.DATE: ANSWER_SETTINGS | {"default", "min_value", "max_value", "not_in_future"},
    FieldType.DATETIME: ANSWER_SETTINGS | {"not_in_future"},
    FieldType.SINGLE_CHOICE: ANSWER_SETTINGS | {"default", "choices", "widget"},
    FieldType.MULTIPLE_CHOICE: ANSWER_SETTINGS | {"choices"},
    FieldType.YES_NO: ANSWER_SETTINGS | {"default"},
    FieldType.NATIONAL_ID: ANSWER_SETTINGS,
    FieldType.PHONE: ANSWER_SETTINGS,
    FieldType.EMAIL: ANSWER_SETTINGS,
    FieldType.THAI_ADDRESS: ANSWER_SETTINGS,
    FieldType.LOCATION: ANSWER_SETTINGS,
    FieldType.FILE: ANSWER_SETTINGS | {"max_size_mb", "accept"},
    FieldType.HEADING: set(),
}
SETTING_FORM_FIELDS = {
    "pattern": ["pattern", "pattern_message_th", "pattern_message_en"],
}
ACCEPT_CHOICES = [
    ("image/*", _("Photos (JPEG, PNG, WebP, GIF)")),
    ("application/pdf", _("PDF documents")),
]
YES_NO_DEFAULTS = [("", _("No default")), ("yes", _("Yes")), ("no", _("No"))]


class BuddhistDateSettingField(forms.CharField):
    """A date typed as the runtime's date fields take it (dd/mm/yyyy, BE in Thai), kept as ISO."""

    def to_python(self, value):
        value = super().to_python(value)
        return date_parse(value).isoformat() if value else None


def _bound_field(field_type: str, label) -> forms.Field:
    if field_type == FieldType.INTEGER:
        return forms.IntegerField(label=label, required=False)
    if field_type == FieldType.DATE:
        return BuddhistDateSettingField(label=label, required=False, max_length=10)
    return forms.DecimalField(label=label, required=False, max_digits=20, decimal_places=6)


def _json_value(value):
    """Decimals are kept as strings, like the answers (exact); the rest is already JSON."""
    return str(value) if isinstance(value, Decimal) else value


def _comparable(value):
    return Decimal(str(value)) if isinstance(value, int | Decimal) else value


class FieldSettingsForm(forms.Form):
    """The settings of one field; the type is fixed when the field is added."""

    key = forms.CharField(
        label=_("Key"),
        max_length=63,
        validators=[field_key_validator],
        help_text=_(
            "A stable ASCII name for the answer, e.g. found_location. "
            "It cannot change once the form is published."
        ),
    )
    label_th = forms.CharField(label=_("Label (Thai)"), max_length=500)
    label_en = forms.CharField(label=_("Label (English)"), max_length=500, required=False)
    help_th = forms.CharField(
        label=_("Help text (Thai)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    help_en = forms.CharField(
        label=_("Help text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    required = forms.BooleanField(label=_("Required"), required=False)
    sensitive = forms.BooleanField(
        label=_("Sensitive (PDPA section 26)"),
        required=False,
        help_text=_(
            "Health, disability, criminal record, ethnicity or religion: shown only to those "
            "who need it."
        ),
    )
    widget = forms.ChoiceField(
        label=_("Show the choices as"),
        choices=[("radio", _("Radio buttons")), ("dropdown", _("A dropdown list"))],
        initial="radio",
        widget=forms.RadioSelect,
    )
    min_length = forms.IntegerField(label=_("Minimum length"), required=False, min_value=0)
    max_length = forms.IntegerField(label=_("Maximum length"), required=False, min_value=1)
    pattern = forms.CharField(
        label=_("Pattern (regular expression)"),
        required=False,
        max_length=500,
        help_text=_("The whole answer must match, e.g. [A-Z]{2}[0-9]{6}."),
    )
    pattern_message_th = forms.CharField(
        label=_("Message when the pattern does not match (Thai)"), required=False, max_length=500
    )
    pattern_message_en = forms.CharField(
        label=_("Message when the pattern does not match (English)"),
        required=False,
        max_length=500,
    )
    max_size_mb = forms.IntegerField(
        label=_("Largest file (MB)"),
        required=False,
        min_value=1,
        max_value=MAX_SIZE_MB_LIMIT,
        help_text=_("Leave empty for %(size)s MB.") % {"size": DEFAULT_MAX_SIZE_MB},
    )
    accept = forms.MultipleChoiceField(
        label=_("Accepted files"),
        required=False,
        choices=ACCEPT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave both unticked to accept photos and PDF documents."),
    )

    def __init__(
        self,
        *args,
        field_type: str,
        sibling_keys: set[str],
        key_frozen: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.field_type = field_type
        self.sibling_keys = sibling_keys
        self.settings = TYPE_SETTINGS[field_type]
        self._add_typed_fields()
        for name in list(self.fields):
            if not self._shown(name):
                del self.fields[name]
        if key_frozen:
            self.fields["key"].disabled = True
            self.fields["key"].help_text = _("Published versions use this key: it cannot change.")
        if field_type == FieldType.HEADING:
            self.fields["label_th"].label = _("Heading (Thai)")
            self.fields["label_en"].label = _("Heading (English)")
            self.fields["help_th"].label = _("Explanation (Thai)")
            self.fields["help_en"].label = _("Explanation (English)")

    def _add_typed_fields(self) -> None:
        if "min_value" in self.settings:
            early, late = (
                (_("Earliest date"), _("Latest date"))
                if self.field_type == FieldType.DATE
                else (_("Smallest value"), _("Largest value"))
            )
            self.fields["min_value"] = _bound_field(self.field_type, early)
            self.fields["max_value"] = _bound_field(self.field_type, late)
        if "not_in_future" in self.settings:
            self.fields["not_in_future"] = forms.BooleanField(
                label=_("Not in the future"),
                required=False,
                help_text=_(
                    "For dates that must already have happened, such as a birth date or the "
                    "day a person was found: a later date is refused."
                ),
            )
        if "default" not in self.settings:
            return
        label = _("Default answer")
        if self.field_type in NUMBER_TYPES:
            self.fields["default"] = _bound_field(self.field_type, label)
        elif self.field_type == FieldType.DATE:
            self.fields["default"] = BuddhistDateSettingField(
                label=label,
                required=False,
                max_length=10,
                help_text=_("A date, or leave empty. Tick “today” to default to the day of entry."),
            )
            self.fields["default_today"] = forms.BooleanField(label=_("Today"), required=False)
        elif self.field_type == FieldType.YES_NO:
            self.fields["default"] = forms.ChoiceField(
                label=label, required=False, choices=YES_NO_DEFAULTS
            )
        elif self.field_type == FieldType.LONG_TEXT:
            self.fields["default"] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        else:
            self.fields["default"] = forms.CharField(
                label=label,
                required=False,
                max_length=500,
                help_text=_("For a choice, its value.")
                if self.field_type == FieldType.SINGLE_CHOICE
                else "",
            )

    def _shown(self, name: str) -> bool:
        if name in {"key", "label_th", "label_en", "help_th", "help_en"}:
            return True
        for setting, names in SETTING_FORM_FIELDS.items():
            if name in names:
                return setting in self.settings
        return name in self.settings or name == "default_today"

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        if key in self.sibling_keys:
            raise forms.ValidationError(_("Another field of this form already uses this key."))
        return key

    def clean_pattern(self) -> str:
        pattern = self.cleaned_data["pattern"]
        problem = pattern_problem(pattern) if pattern else None
        if problem:
            raise forms.ValidationError(problem)
        return pattern

    def clean(self):
        cleaned = super().clean()
        for low, high in (("min_value", "max_value"), ("min_length", "max_length")):
            bounds = (cleaned.get(low), cleaned.get(high))
            if None not in bounds and _comparable(bounds[0]) > _comparable(bounds[1]):
                self.add_error(high, _("This must not be smaller than the minimum."))
        if cleaned.get("pattern") and not cleaned.get("pattern_message_th"):
            self.add_error("pattern_message_th", _("Say in Thai what the answer should look like."))
        return cleaned

    def default_check(self, choices: list[dict]) -> bool:
        """A single choice's default must be one of its values (known only with the rows)."""
        default = self.cleaned_data.get("default")
        if self.field_type != FieldType.SINGLE_CHOICE or not default:
            return True
        probe = FieldDefinition(field_type=self.field_type, choices=choices)
        problem = answer_value_check(probe, default)
        if problem:
            self.add_error("default", _("The default must be the value of one of the choices."))
        return not problem

    def attrs(self) -> dict:
        """The cleaned settings as FieldDefinition attributes (without choices and condition)."""
        data = self.cleaned_data
        attrs = {
            name: data.get(name, "") for name in ("label_th", "label_en", "help_th", "help_en")
        }
        if not self.fields["key"].disabled:
            attrs["key"] = data["key"]
        attrs["required"] = bool(data.get("required"))
        attrs["sensitive"] = bool(data.get("sensitive"))
        attrs["default"] = self._default(data.get("default"))
        attrs["options"] = {"widget": data["widget"]} if "widget" in self.fields else {}
        validation = {}
        for name in ("min_value", "max_value", "min_length", "max_length", "max_size_mb"):
            if data.get(name) is not None:
                validation[name] = _json_value(data[name])
        for name in ("pattern", "pattern_message_th", "pattern_message_en"):
            if data.get(name):
                validation[name] = data[name]
        if data.get("accept"):
            validation["accept"] = list(data["accept"])
        if data.get("not_in_future"):
            validation["not_in_future"] = True
        attrs["validation"] = validation
        return attrs

    def _default(self, value):
        if self.cleaned_data.get("default_today"):
            return "today"
        if value in (None, ""):
            return None
        if self.field_type == FieldType.YES_NO:
            return value == "yes"
        return _json_value(value)

    @classmethod
    def initial_for(cls, field: FieldDefinition) -> dict:
        initial = {
            "key": field.key,
            "label_th": field.label_th,
            "label_en": field.label_en,
            "help_th": field.help_th,
            "help_en": field.help_en,
            "required": field.required,
            "sensitive": field.sensitive,
            "widget": (field.options or {}).get("widget", "radio"),
        }
        validation = dict(field.validation or {})
        default = field.default
        if field.field_type == FieldType.YES_NO and default is not None:
            default = "yes" if default else "no"
        if field.field_type == FieldType.DATE:
            for name in ("min_value", "max_value"):
                validation[name] = _date_text(validation.get(name))
            initial["default_today"] = default == "today"
            default = None if default == "today" else _date_text(default)
        initial.update(validation)
        initial["default"] = default
        return initial


def _date_text(value):
    """An ISO date as the administrator types it (dd/mm/yyyy, BE in Thai)."""
    if not value:
        return None
    try:
        return date_input_format(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return value
