"""Referring a case (what travels, to whom, on which basis) and answering a referral."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.runtime.fields import BuddhistDateField
from forms_builder.runtime.uploads import image_clean
from partners.models import Partner
from workflows.models import (
    DeclineReason,
    ExternalOrganization,
    LegalBasis,
    LetterTemplate,
    ReferralBasis,
    ReferralUrgency,
)
from workflows.selectors.definitions import definitions_startable

SENSITIVE_MARK = _("sensitive: travels only with explicit consent or a basis that allows it")


class ReferralSendForm(forms.Form):
    receiving_partner = forms.ModelChoiceField(
        label=_("Refer to"), queryset=Partner.objects.none(), empty_label=_("Choose a partner")
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=ReferralUrgency.choices, initial=ReferralUrgency.NORMAL
    )
    answer_due_on = BuddhistDateField(
        label=_("Answer due"),
        required=False,
        help_text=_("Leave empty for the usual time to answer."),
    )
    field_keys = forms.MultipleChoiceField(
        label=_("Answers to share"), required=False, widget=forms.CheckboxSelectMultiple
    )
    basis = forms.ChoiceField(
        label=_("Basis for sharing the person's data"),
        choices=ReferralBasis.choices,
        widget=forms.RadioSelect,
    )
    consent_given_by = forms.CharField(label=_("Consent given by"), required=False, max_length=255)
    consent_given_on = BuddhistDateField(label=_("Consent given on"), required=False)
    consent_scope = forms.CharField(
        label=_("Scope of the consent (which partner, which data)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    consent_sensitive = forms.BooleanField(
        label=_("The client explicitly consented to sharing sensitive data"), required=False
    )
    consent_until = BuddhistDateField(label=_("Consent ends"), required=False)
    consent_photo = forms.ImageField(label=_("Photo of the signed consent form"), required=False)
    legal_basis = forms.ModelChoiceField(
        label=_("Legal basis"),
        queryset=LegalBasis.objects.none(),
        required=False,
        empty_label=_("Choose a legal basis"),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, case, answers, partners=None, fixed_answers=False, **kwargs):
        """`partners`: those a referral step allows (default: every other active partner);
        `fixed_answers`: the step says which answers travel, so none are ticked here."""
        super().__init__(*args, **kwargs)
        if partners is None:
            partners = Partner.objects.filter(is_active=True).exclude(pk=case.partner_id)
        self.fields["receiving_partner"].queryset = partners
        if len(partners) == 1:
            self.fields["receiving_partner"].initial = partners[0].pk
        self.fields["legal_basis"].queryset = LegalBasis.objects.filter(is_active=True)
        self.fields["field_keys"].choices = [
            (
                a.key,
                f"{a.field.label} ({SENSITIVE_MARK})" if a.sensitive else str(a.field.label),
            )
            for a in answers
        ]
        if fixed_answers:
            del self.fields["field_keys"]

    def clean_consent_photo(self):
        """Stored upright and small, with no EXIF, GPS or comments (like answer photos)."""
        photo = self.cleaned_data.get("consent_photo")
        return image_clean(photo) if photo else photo

    def error_text(self) -> str:
        return " ".join(str(message) for errors in self.errors.values() for message in errors)


class ReferralAcceptForm(forms.Form):
    definition = forms.ModelChoiceField(
        label=_("Process to start"), queryset=None, empty_label=_("Choose a process")
    )

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["definition"].queryset = definitions_startable([partner.pk])


class ReferralDeclineForm(forms.Form):
    # No reason is chosen for the person declining (the first one was, and went unnoticed).
    reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", _("Choose a reason")), *DeclineReason.choices]
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReferralLetterForm(ReferralSendForm):
    """A letter to an organization outside the network: the referral form's reason, answers and
    basis, with the organization and the template instead of a partner, urgency and due date."""

    LETTER_FIELDS = (
        "organization",
        "template",
        "reason",
        "field_keys",
        "basis",
        "consent_given_by",
        "consent_given_on",
        "consent_sensitive",
        "legal_basis",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"] = forms.ModelChoiceField(
            label=_("To (external organization)"),
            queryset=ExternalOrganization.objects.filter(is_active=True),
            empty_label=_("Choose an organization"),
        )
        self.fields["template"] = forms.ModelChoiceField(
            label=_("Letter template"),
            queryset=LetterTemplate.objects.filter(is_active=True),
            empty_label=_("Choose a template"),
        )
        templates = self.fields["template"].queryset
        if len(templates) == 1:
            self.fields["template"].initial = templates[0].pk
        self.fields = {name: self.fields[name] for name in self.LETTER_FIELDS}
