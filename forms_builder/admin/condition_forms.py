"""Visibility conditions built from rows: (group, field, operator, value).

Rows of one group must all hold (AND); the field shows when any group holds (OR). The rows are
turned into forms_builder.conditions' format and checked by its condition_validate.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.be_dates import date_input_format, date_parse
from forms_builder.conditions import (
    LIST_OPERATORS,
    OPERATORS,
    condition_validate,
    operators_for,
)
from forms_builder.models import FieldDefinition, FieldType
from forms_builder.texts import localized_text

GROUPS = 4
NO_VALUE_OPERATORS = {name for name, (needs_value, _label) in OPERATORS.items() if not needs_value}
CONDITION_SOURCE_EXCLUDED = {FieldType.HEADING, FieldType.FILE, FieldType.LOCATION}


def operator_choices() -> list[tuple[str, str]]:
    return [(name, label) for name, (_needs_value, label) in OPERATORS.items()]


class ConditionRowForm(forms.Form):
    group = forms.TypedChoiceField(
        label=_("Group"),
        coerce=int,
        choices=[(n, _("Group %(number)s") % {"number": n}) for n in range(1, GROUPS + 1)],
        initial=1,
        widget=forms.Select(attrs={"aria-label": _("Group")}),
    )
    # The rows are a table: each input says what it is to a screen reader.
    field = forms.ChoiceField(
        label=_("When the answer to"),
        required=False,
        widget=forms.Select(attrs={"aria-label": _("Field")}),
    )
    operator = forms.ChoiceField(
        label=_("Operator"),
        required=False,
        widget=forms.Select(attrs={"aria-label": _("Operator")}),
    )
    value = forms.CharField(
        label=_("Value"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"aria-label": _("Value")}),
    )

    def __init__(self, *args, fields_before: dict[str, FieldDefinition], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields_before = fields_before
        self.fields["field"].choices = [("", "---------")] + [
            (key, f"{field.label} ({key})") for key, field in fields_before.items()
        ]
        self.fields["operator"].choices = [("", "---------"), *operator_choices()]

    def clean(self):
        cleaned = super().clean()
        key, operator = cleaned.get("field"), cleaned.get("operator")
        if not key and not operator and not cleaned.get("value"):
            return cleaned
        if not key:
            self.add_error("field", _("Choose a field."))
        if not operator:
            self.add_error("operator", _("Choose an operator."))
        if key and operator:
            try:
                cleaned["typed_value"] = condition_value(
                    self.fields_before[key], operator, cleaned.get("value", "")
                )
            except forms.ValidationError as error:
                self.add_error("value", error)
        return cleaned

    @property
    def is_blank(self) -> bool:
        return not getattr(self, "cleaned_data", {}).get("field")


class BaseConditionRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, fields_before: dict[str, FieldDefinition], **kwargs):
        self.fields_before = fields_before
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "fields_before": self.fields_before}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            fields_before=self.fields_before,
        )
        self.add_fields(form, None)
        return form

    def clean(self):
        if any(self.errors):
            return
        messages = condition_validate(self.condition(), self.fields_before)
        if messages:
            raise forms.ValidationError(list(messages))

    def client_data(self) -> dict:
        """For the browser (condition_rows.js): per field, its type, its operators and the
        values it can be compared with, by label, so no one types a stored code."""
        return {
            key: {
                "type": field.field_type,
                "operators": [[op, str(label)] for op, label in operators_for(field.field_type)],
                "choices": [[value, str(label)] for value, label in value_choices(field)],
            }
            for key, field in self.fields_before.items()
        }

    def condition(self) -> dict | None:
        """The rows as {"any": [{"all": [...]}, ...]}; None when there is no row (always shown)."""
        groups: dict[int, list[dict]] = {}
        for form in self.forms:
            if form.is_blank or (self.can_delete and self._should_delete_form(form)):
                continue
            data = form.cleaned_data
            rule = {"field": data["field"], "operator": data["operator"]}
            if data["operator"] not in NO_VALUE_OPERATORS:
                rule["value"] = data.get("typed_value")
            groups.setdefault(data["group"], []).append(rule)
        if not groups:
            return None
        return {"any": [{"all": groups[number]} for number in sorted(groups)]}


MAX_CONDITION_ROWS = 50
# max_num and absolute_max bound the rows a POST can make, whatever its TOTAL_FORMS says.
ConditionRowFormSet = forms.formset_factory(
    ConditionRowForm,
    formset=BaseConditionRowFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_CONDITION_ROWS,
    absolute_max=MAX_CONDITION_ROWS,
    validate_max=True,
)


def condition_rows_initial(condition: dict | None) -> list[dict]:
    if not condition:
        return []
    rows = []
    for number, group in enumerate(condition.get("any", []), start=1):
        for rule in group.get("all", []):
            value = rule.get("value", "")
            if isinstance(value, list):
                value = ", ".join(_value_text(item) for item in value)
            rows.append(
                {
                    "group": min(number, GROUPS),
                    "field": rule.get("field", ""),
                    "operator": rule.get("operator", ""),
                    "value": _value_text(value),
                }
            )
    return rows


def _value_text(value) -> str:
    """A stored value as the administrator types it."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return date_input_format(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return "" if value is None else str(value)


def condition_value(field: FieldDefinition, operator: str, text: str):
    """The typed value of a row, as the runtime compares it with answers."""
    text = (text or "").strip()
    if operator in NO_VALUE_OPERATORS:
        return None
    if operator in LIST_OPERATORS:
        items = [item.strip() for item in text.split(",") if item.strip()]
        if not items:
            raise forms.ValidationError(_("Give one or more values, separated by commas."))
        return [_typed(field, item) for item in items]
    if not text:
        raise forms.ValidationError(_("Give a value to compare with."))
    return _typed(field, text)


def _typed(field: FieldDefinition, text: str):
    if field.field_type == FieldType.INTEGER:
        try:
            return int(text)
        except ValueError:
            raise forms.ValidationError(_("Give a whole number.")) from None
    if field.field_type == FieldType.DECIMAL:
        try:
            return str(Decimal(text))
        except InvalidOperation:
            raise forms.ValidationError(_("Give a number.")) from None
    if field.field_type in {FieldType.DATE, FieldType.DATETIME}:
        # Typed like the runtime's dates (dd/mm/yyyy, BE in Thai); stored as ISO like answers.
        return date_parse(text).isoformat()
    if field.field_type in {FieldType.YES_NO, FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE}:
        value = _choice_value(field, text)
        if value is None:
            values = [str(label) for _value, label in value_choices(field)]
            raise forms.ValidationError(
                _("“%(value)s” is not a choice of this field; its values are: %(values)s")
                % {"value": text, "values": ", ".join(values)}
            )
        return value
    return text


def value_choices(field: FieldDefinition) -> list[tuple[str, str]]:
    """(value as typed in a row, label) of a choice or yes/no field; none for other types."""
    if field.field_type == FieldType.YES_NO:
        return [("yes", _("Yes")), ("no", _("No"))]
    if field.field_type in {FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE}:
        return [(c.get("value"), localized_text(c, "label")) for c in field.choices or []]
    return []


YES_NO_WORDS = {"yes": {"yes", "true", "ใช่"}, "no": {"no", "false", "ไม่ใช่"}}


def _choice_value(field: FieldDefinition, text: str):
    """A choice given by its stored value or by either of its labels; yes/no as True/False."""
    wanted = text.casefold()
    if field.field_type == FieldType.YES_NO:
        for value, label in value_choices(field):
            if wanted in YES_NO_WORDS[value] | {str(label).casefold()}:
                return value == "yes"
        return None
    for choice in field.choices or []:
        names = {choice.get(name) or "" for name in ("value", "label_th", "label_en")}
        if wanted in {name.casefold() for name in names if name}:
            return choice.get("value")
    return None


def fields_before(version_fields: list[FieldDefinition], field: FieldDefinition | None):
    """Fields a condition may look at: those above this one (all, for a new field)."""
    before: dict[str, FieldDefinition] = {}
    for other in version_fields:
        if field is not None and other.pk == field.pk:
            break
        if other.field_type not in CONDITION_SOURCE_EXCLUDED:
            before[other.key] = other
    return before


def choice_hints(fields: dict[str, FieldDefinition]) -> list[tuple[str, list[str]]]:
    """The values a condition row may compare a choice or yes/no field with, shown beside the
    rows (the field editor's and the decision editor's)."""
    hints = []
    for field in fields.values():
        if field.field_type in (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE):
            hints.append((field.label, [choice.get("value") for choice in field.choices or []]))
        elif field.field_type == FieldType.YES_NO:
            hints.append((field.label, ["yes", "no"]))
    return hints
