"""Reports sent by the public through the website, and who may be asked about them.

The reporter's own contact is kept apart from the report (its own table), so it never travels
with the case's answers and is shown only to the partner handling the case.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from forms_builder.models import AnswerSet
from partners.models import Partner
from workflows.models.cases import Case
from workflows.models.definitions import ProcessDefinition

REFERENCE_LENGTH = 10


class PublicReport(models.Model):
    """A public report; it started `case` at the partner responsible for where the person was."""

    reference = models.CharField(_("reference"), max_length=REFERENCE_LENGTH, unique=True)
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="public_report", verbose_name=_("case")
    )
    answer_set = models.OneToOneField(
        AnswerSet, on_delete=models.PROTECT, related_name="+", verbose_name=_("answers")
    )
    area_code = models.CharField(_("place (DOPA code)"), max_length=6, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    outside_province = models.BooleanField(
        _("outside every partner's province"),
        default=False,
        help_text=_("The place is in no partner's province: the report went to the center."),
    )
    urgent = models.BooleanField(_("urgent"), default=False)
    duplicate_of = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicate_reports",
        verbose_name=_("duplicate of"),
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("public report")
        verbose_name_plural = _("public reports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference


class ReporterContact(models.Model):
    """How to reach the person who reported, given with their consent to be contacted."""

    report = models.OneToOneField(
        PublicReport,
        on_delete=models.CASCADE,
        related_name="reporter_contact",
        verbose_name=_("public report"),
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    consent_to_contact = models.BooleanField(_("consents to be contacted"), default=False)
    consent_text = models.TextField(_("consent text shown"), blank=True)
    consent_version = models.CharField(_("consent version"), max_length=50, blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reporter's contact")
        verbose_name_plural = _("reporters' contacts")

    def __str__(self) -> str:
        return self.name or self.phone or self.email


class PublicReportSetting(models.Model):
    """Which process a partner's public reports start (its own or one shared by the network)."""

    partner = models.OneToOneField(
        Partner,
        on_delete=models.CASCADE,
        related_name="public_report_setting",
        verbose_name=_("partner"),
    )
    process_definition = models.ForeignKey(
        ProcessDefinition,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("process for public reports"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("public report setting")
        verbose_name_plural = _("public report settings")

    def __str__(self) -> str:
        return f"{self.partner} → {self.process_definition}"
