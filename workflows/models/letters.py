"""Referral letters (หนังสือส่งตัว) to organizations outside the network: hospitals, police,
immigration, child protection, shelters. Administrators keep the organizations and the letter
templates; a letter records what was written, on which basis, and for whom."""

import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from workflows.models.cases import Case
from workflows.models.clients import Client

#: What a letter template may use, as ${name}.
LETTER_PLACEHOLDERS = (
    "date",
    "partner",
    "organization",
    "organization_address",
    "client",
    "client_details",
    "reason",
    "contact",
)


class ExternalOrganizationKind(models.TextChoices):
    HOSPITAL = "hospital", _("Hospital")
    POLICE = "police", _("Police")
    IMMIGRATION = "immigration", _("Immigration")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    SHELTER = "shelter", _("Shelter")
    OTHER = "other", _("Other")


def _localized(obj, name: str) -> str:
    english = getattr(obj, f"{name}_en", "")
    if (get_language() or "th").startswith("en") and english:
        return english
    return getattr(obj, f"{name}_th")


class ExternalOrganization(models.Model):
    """An organization outside the network (no users) that a partner refers people to by letter."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ExternalOrganizationKind.choices)
    address = models.TextField(_("address"), blank=True)
    contact = models.TextField(_("contact"), blank=True, help_text=_("Phone, e-mail, a person."))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("external organization")
        verbose_name_plural = _("external organizations")
        ordering = ["name_th", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _localized(self, "name")


def letter_placeholders_unknown(body: str) -> list[str]:
    """The ${names} in a template body that a letter cannot fill."""
    names = {
        match.group("braced") or match.group("named")
        for match in string.Template.pattern.finditer(body)
        if match.group("braced") or match.group("named")
    }
    return sorted(names - set(LETTER_PLACEHOLDERS))


class LetterTemplate(models.Model):
    """The text of a referral letter, with ${placeholders}; the partner's letterhead and the
    date in the Buddhist era are put above it."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    subject = models.CharField(
        _("subject"), max_length=255, help_text=_("What follows “เรื่อง”, e.g. ขอส่งตัว ${client}.")
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "May use ${organization}, ${organization_address}, ${partner}, ${client}, "
            "${client_details}, ${reason}, ${contact} and ${date}."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["name_th", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _localized(self, "name")

    def clean(self):
        unknown = letter_placeholders_unknown(f"{self.subject}\n{self.body}")
        if unknown:
            raise ValidationError(
                {
                    "body": _("Unknown placeholders: %(names)s. Use only: %(known)s.")
                    % {
                        "names": ", ".join(unknown),
                        "known": ", ".join(f"${{{n}}}" for n in LETTER_PLACEHOLDERS),
                    }
                }
            )


class ReferralLetter(models.Model):
    """A letter a partner wrote to refer a case's client to an external organization."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="letters", verbose_name=_("case")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="+", verbose_name=_("from")
    )
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="letters", verbose_name=_("client")
    )
    organization = models.ForeignKey(
        ExternalOrganization,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("to"),
    )
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.PROTECT, related_name="letters", verbose_name=_("template")
    )
    reason = models.TextField(_("reason"))
    basis = models.CharField(_("basis for sharing"), max_length=10)
    consent_given_by = models.CharField(_("consent given by"), max_length=255, blank=True)
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    legal_basis = models.ForeignKey(
        "workflows.LegalBasis",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters",
        verbose_name=_("legal basis"),
    )
    #: What the letter says, as written (the template may change later).
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    #: [{"label", "value"}]: the client's details and answers the basis allowed.
    details = models.JSONField(_("client's details"), default=list, blank=True)
    withheld = models.JSONField(_("withheld answers"), default=list, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("referral letter")
        verbose_name_plural = _("referral letters")
        ordering = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case.reference} → {self.organization}"
