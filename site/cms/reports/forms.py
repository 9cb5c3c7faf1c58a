"""The reporter's own part of the report page: optional contact, consent, and the honeypot.

It is a form of its own (not forms_builder questions) so the reporter's contact never lands in
the answers that travel with the case.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.runtime.fields import PhoneField

CONSENT_TEXT = _(
    "I agree that staff of the partner handling my report may contact me about it. "
    "My contact details are kept apart from the report and are not shared with anyone else."
)
# A field people never see; a form that fills it is a robot's.
HONEYPOT_FIELD = "website"


class ReporterContactForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = PhoneField(label=_("Your phone number"), required=False)
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "reporter")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    @property
    def is_robot(self) -> bool:
        """Whether the hidden field was filled (read from the raw data: it needs no validation)."""
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())

    def clean(self):
        cleaned = super().clean()
        has_contact = any(cleaned.get(key) for key in ("name", "phone", "email"))
        reachable = cleaned.get("phone") or cleaned.get("email")
        if cleaned.get("consent") and not reachable:
            self.add_error("phone", _("To be contacted, give a phone number or an email."))
        elif has_contact and not cleaned.get("consent"):
            self.add_error(
                "consent",
                _("Tick this box to let us contact you, or leave your contact details empty."),
            )
        return cleaned

    def reporter(self, *, consent_version: str) -> dict:
        """What `public_report_submit` keeps of the reporter (only with their consent)."""
        data = self.cleaned_data
        return {
            "name": data.get("name", ""),
            "phone": data.get("phone", ""),
            "email": data.get("email", ""),
            "consent_text": str(CONSENT_TEXT),
            "consent_version": consent_version,
        }

    @property
    def has_consent(self) -> bool:
        return bool(self.cleaned_data.get("consent"))
