"""Forms of the forms administration: a new form, its details, copy (import: definition_admin).

The field editor's forms live in field_forms, choice_forms and condition_forms.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.definition_admin.editing import (
    DefinitionCreateForm,
    PartnerChoiceField,
)
from forms_builder.models import FormDefinition


class FormDefinitionCreateForm(DefinitionCreateForm):
    """A new form: its partner (or the whole network, for central administrators) and its key."""

    network_label = _("The whole network (shared form)")
    key_example = _("A stable ASCII name, unique within the partner, e.g. street_intake.")
    key_taken = _("This partner already has a form with this key.")

    class Meta:
        model = FormDefinition
        fields = ["partner", "key", "name_th", "name_en", "purpose"]


class FormDefinitionCopyForm(forms.Form):
    partner = PartnerChoiceField(label=_("Copy to partner"), queryset=None, empty_label=None)

    def __init__(self, *args, partners, definition: FormDefinition, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition = definition
        self.fields["partner"].queryset = partners

    def clean_partner(self):
        partner = self.cleaned_data["partner"]
        if FormDefinition.objects.filter(partner=partner, key=self.definition.key).exists():
            raise forms.ValidationError(
                _("%(partner)s already has a form with the key “%(key)s”.")
                % {"partner": partner.name, "key": self.definition.key}
            )
        return partner
