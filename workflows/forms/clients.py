"""Finding and registering clients. "No ID", a foreign document and statelessness are answers."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forms_builder.runtime.fields import BuddhistDateField
from forms_builder.runtime.validators import national_id_clean
from partners.models import Partner
from workflows.models import Client
from workflows.services.clients import (
    CLIENT_FIELDS,
    IDENTIFYING_FIELDS,
    client_fields_problems,
)


class ClientSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, alias or ID"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    age = forms.IntegerField(label=_("Approximate age"), required=False, min_value=0, max_value=120)


class ClientForm(forms.ModelForm):
    """Create or edit a client; the partner that registers them is chosen when there are several."""

    birth_date = BuddhistDateField(label=_("birth date"), required=False, not_in_future=True)
    # Wider than the 13 stored digits: people type dashes and spaces.
    national_id = forms.CharField(label=_("national ID"), required=False, max_length=20)
    partner = forms.ModelChoiceField(
        label=_("Registered by"), queryset=None, required=True, empty_label=None
    )

    class Meta:
        model = Client
        fields = CLIENT_FIELDS
        widgets = {"id_status": forms.RadioSelect, "aliases": forms.TextInput}

    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=500,
        help_text=_("For example: the person showed their ID card. Kept with the change."),
    )

    def __init__(self, *args, partners=None, owner=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["reason"]
        elif not owner:
            # Another partner's record: who the person is belongs to the registering partner.
            for name in IDENTIFYING_FIELDS:
                self.fields[name].disabled = True
        partners = list(partners or [])
        # One partner: nothing to choose. Editing: the registering partner never changes.
        self.only_partner = partners[0] if len(partners) == 1 else None
        if self.instance.pk or len(partners) < 2:
            del self.fields["partner"]
        else:
            self.fields["partner"].queryset = Partner.objects.filter(
                pk__in=[p.pk for p in partners]
            )
        self.fields["national_id"].widget.attrs.update(inputmode="numeric", autocomplete="off")

    def clean_national_id(self):
        value = self.cleaned_data.get("national_id", "").strip()
        if not value:
            return ""
        number = national_id_clean(value)
        if Client.objects.filter(national_id=number).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _(
                    "A client with this national ID is already registered in the network. "
                    "Search for them instead of registering them again."
                )
            )
        return number

    def clean(self):
        data = super().clean()
        for field, message in client_fields_problems(data, unreadable=set(self.errors)):
            if field is None:
                raise ValidationError(message)
            self.add_error(field, message)
        return data

    def registering_partner(self):
        return self.only_partner or self.cleaned_data["partner"]

    def client_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in CLIENT_FIELDS}

    def change_reason(self) -> str:
        return self.cleaned_data.get("reason", "")
