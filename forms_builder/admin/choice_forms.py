"""Choices of a single or multiple choice field, edited as rows: a stable value and its labels."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.checks import CHOICE_VALUE_PATTERN
from forms_builder.models import FieldDefinition


class ChoiceRowForm(forms.Form):
    """One choice: a stable value (stored in answers) and its labels."""

    value = forms.CharField(label=_("Value"), max_length=63, required=False)
    label_th = forms.CharField(label=_("Label (Thai)"), max_length=500, required=False)
    label_en = forms.CharField(label=_("Label (English)"), max_length=500, required=False)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("value") or cleaned.get("label_th") or cleaned.get("label_en")):
            return cleaned
        if not cleaned.get("value"):
            self.add_error("value", _("Give this choice a value."))
        elif not re.match(CHOICE_VALUE_PATTERN, cleaned["value"]):
            self.add_error(
                "value",
                _("Use lower-case English letters, digits and underscores only (e.g. child)."),
            )
        if not cleaned.get("label_th"):
            self.add_error("label_th", _("Give this choice a Thai label."))
        return cleaned

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("value") or data.get("label_th") or data.get("label_en"))


class BaseChoiceRowFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        values = [form.cleaned_data["value"] for form in self.kept_forms()]
        duplicates = sorted({value for value in values if values.count(value) > 1})
        if duplicates:
            raise forms.ValidationError(
                _("Each choice needs its own value; repeated: %(values)s")
                % {"values": ", ".join(duplicates)}
            )
        if not values:
            raise forms.ValidationError(_("Add at least one choice."))

    def kept_forms(self) -> list[ChoiceRowForm]:
        kept = [
            form
            for form in self.forms
            if not form.is_blank and not (self.can_delete and self._should_delete_form(form))
        ]
        if self.can_order:
            kept.sort(
                key=lambda form: (
                    form.cleaned_data.get("ORDER") is None,
                    form.cleaned_data.get("ORDER") or 0,
                )
            )
        return kept

    def choices(self) -> list[dict]:
        return [
            {key: form.cleaned_data[key] for key in ("value", "label_th", "label_en")}
            for form in self.kept_forms()
        ]


MAX_CHOICES = 200
# max_num and absolute_max bound the rows a POST can make, whatever its TOTAL_FORMS says.
ChoiceRowFormSet = forms.formset_factory(
    ChoiceRowForm,
    formset=BaseChoiceRowFormSet,
    extra=3,
    can_delete=True,
    can_order=True,
    max_num=MAX_CHOICES,
    absolute_max=MAX_CHOICES,
    validate_max=True,
)


def choice_rows_initial(field: FieldDefinition | None) -> list[dict]:
    if field is None:
        return []
    return [
        {
            "value": choice.get("value", ""),
            "label_th": choice.get("label_th", ""),
            "label_en": choice.get("label_en", ""),
            "ORDER": position,
        }
        for position, choice in enumerate(field.choices or [], start=1)
    ]
