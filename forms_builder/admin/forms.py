"""Forms of the forms administration: a form's details, the list filters, copy and import.

The field editor's forms live in admin_field_forms.
"""

import json

from django import forms
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forms_builder.models import FormDefinition, FormPurpose, VersionStatus

MAX_IMPORT_BYTES = 5 * 1024 * 1024
definition_key_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]{0,63}$",
    _("Use lower-case English letters, digits, dashes and underscores (e.g. street_intake)."),
)


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class FormDefinitionDetailsForm(forms.ModelForm):
    """Names, description and purpose: not versioned, editable at any time."""

    class Meta:
        model = FormDefinition
        fields = ["name_th", "name_en", "description_th", "description_en", "purpose"]
        widgets = {
            "description_th": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }


class FormDefinitionCreateForm(forms.Form):
    """A new form: its partner (or the whole network, for central administrators) and its key."""

    partner = PartnerChoiceField(
        label=_("Partner"),
        queryset=None,
        required=False,
        empty_label=_("The whole network (shared form)"),
    )
    key = forms.CharField(
        label=_("Key"),
        max_length=64,
        validators=[definition_key_validator],
        help_text=_("A stable ASCII name, unique within the partner, e.g. street_intake."),
    )
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=255)
    name_en = forms.CharField(label=_("Name (English)"), max_length=255, required=False)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=FormPurpose.choices)

    def __init__(self, *args, partners, allow_network_wide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.allow_network_wide = allow_network_wide
        partner_field = self.fields["partner"]
        partner_field.queryset = partners
        if not allow_network_wide:
            partner_field.required = True
            partner_field.empty_label = None

    def clean(self):
        cleaned = super().clean()
        key = cleaned.get("key")
        if key and "partner" in cleaned:
            partner = cleaned["partner"]
            taken = FormDefinition.objects.filter(key=key)
            taken = (
                taken.filter(partner__isnull=True)
                if partner is None
                else taken.filter(partner=partner)
            )
            if taken.exists():
                self.add_error("key", _("This partner already has a form with this key."))
        return cleaned


class FormDefinitionFilterForm(forms.Form):
    """Search and filters of the form list; every field optional."""

    q = forms.CharField(label=_("Search"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        required=False,
        choices=[("", _("All purposes")), *FormPurpose.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All statuses")),
            ("published", _("Published")),
            ("draft_only", _("Never published")),
            ("has_draft", _("Has a draft")),
        ],
    )

    NETWORK = "network"

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = [
            ("", _("All partners")),
            (self.NETWORK, _("The whole network (shared form)")),
            *[(str(p.pk), p.name) for p in partners],
        ]

    def filter(self, definitions):
        """The definitions narrowed by the valid filters (invalid ones are ignored)."""
        if not self.is_valid():
            return definitions
        data = self.cleaned_data
        if data["q"]:
            q = data["q"]
            definitions = definitions.filter(
                Q(name_th__icontains=q) | Q(name_en__icontains=q) | Q(key__icontains=q)
            )
        if data["partner"] == self.NETWORK:
            definitions = definitions.filter(partner__isnull=True)
        elif data["partner"]:
            definitions = definitions.filter(partner_id=int(data["partner"]))
        if data["purpose"]:
            definitions = definitions.filter(purpose=data["purpose"])
        published = {"versions__status": VersionStatus.PUBLISHED}
        if data["status"] == "published":
            definitions = definitions.filter(**published).distinct()
        elif data["status"] == "draft_only":
            definitions = definitions.exclude(**published)
        elif data["status"] == "has_draft":
            definitions = definitions.filter(versions__status=VersionStatus.DRAFT).distinct()
        return definitions


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


class ExportForm(forms.Form):
    versions = forms.ChoiceField(
        label=_("Versions"),
        choices=[("all", _("All versions")), ("latest", _("The current version only"))],
        initial="all",
    )


class ImportForm(forms.Form):
    bundle = forms.FileField(
        label=_("JSON file"), help_text=_("A file exported from this or another Thiphueng.")
    )

    def clean_bundle(self) -> dict:
        upload = self.cleaned_data["bundle"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        try:
            document = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise forms.ValidationError(_("The file is not valid JSON.")) from None
        if not isinstance(document, dict):
            raise forms.ValidationError(_("The file is not a Thiphueng definitions bundle."))
        return document
