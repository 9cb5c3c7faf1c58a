"""Referrals (การส่งต่อ) between partners: one partner hands a client to another, with the basis
for sharing their data (consent or a legal basis) and only the answers the sender chose.

A referral's status changes only along `REFERRAL_TRANSITIONS` (data, not code paths): pending →
accepted, declined, withdrawn or expired.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from forms_builder.models import private_storage
from partners.models import Partner
from workflows.models.cases import Case
from workflows.models.clients import Client


class LegalBasis(models.Model):
    """A legal basis for sharing a person's data without consent, kept by administrators."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    allows_sensitive = models.BooleanField(
        _("allows sensitive data"),
        default=False,
        help_text=_("Whether PDPA section 26 (sensitive) answers may travel on this basis."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if (get_language() or "th").startswith("en") and self.name_en:
            return self.name_en
        return self.name_th


class ReferralStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


#: The allowed status changes: from a status to those it may become.
REFERRAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.PENDING: frozenset(
        {
            ReferralStatus.ACCEPTED,
            ReferralStatus.DECLINED,
            ReferralStatus.WITHDRAWN,
            ReferralStatus.EXPIRED,
        }
    ),
}


class ReferralUrgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent")
    EMERGENCY = "emergency", _("Emergency")


class DeclineReason(models.TextChoices):
    NOT_OUR_AREA = "not_our_area", _("Outside our service area")
    NOT_OUR_SERVICE = "not_our_service", _("We do not provide this help")
    NO_CAPACITY = "no_capacity", _("No place or staff available")
    NOT_ELIGIBLE = "not_eligible", _("The person is not eligible")
    MORE_INFORMATION = "more_information", _("More information is needed")
    OTHER = "other", _("Other")


class ReferralBasis(models.TextChoices):
    CONSENT = "consent", _("The client's consent")
    LEGAL = "legal", _("A legal basis")


def consent_photo_path(instance: "Referral", filename: str) -> str:
    return f"referrals/{instance.sending_case_id}/consent/{filename}"


class Referral(models.Model):
    sending_case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="referrals_sent", verbose_name=_("case")
    )
    sending_partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="+", verbose_name=_("from")
    )
    receiving_partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="+", verbose_name=_("to")
    )
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("client")
    )
    reason = models.TextField(_("reason"))
    urgency = models.CharField(
        _("urgency"),
        max_length=10,
        choices=ReferralUrgency.choices,
        default=ReferralUrgency.NORMAL,
    )
    answer_due_on = models.DateField(_("answer due"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReferralStatus.choices,
        default=ReferralStatus.PENDING,
    )
    #: [{"key", "label_th", "label_en", "value", "display_th", "display_en"}] as sent.
    shared_answers = models.JSONField(_("shared answers"), default=list, blank=True)
    #: [{"key", "label_th", "label_en"}]: sensitive answers chosen but not sent (no basis for them).
    withheld = models.JSONField(_("withheld answers"), default=list, blank=True)
    basis = models.CharField(_("basis for sharing"), max_length=10, choices=ReferralBasis.choices)
    consent_given_by = models.CharField(_("consent given by"), max_length=255, blank=True)
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_scope = models.TextField(_("scope of the consent"), blank=True)
    consent_sensitive = models.BooleanField(_("explicit consent to sensitive data"), default=False)
    consent_until = models.DateField(_("consent ends"), null=True, blank=True)
    consent_photo = models.FileField(
        _("photo of the signed consent"),
        upload_to=consent_photo_path,
        storage=private_storage,
        blank=True,
    )
    legal_basis = models.ForeignKey(
        LegalBasis,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("legal basis"),
    )
    note = models.TextField(_("note"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    answer_note = models.TextField(_("answer note"), blank=True)
    received_case = models.OneToOneField(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referral_received",
        verbose_name=_("receiving case"),
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-sent_at", "-pk"]
        indexes = [
            models.Index(fields=["receiving_partner", "status"], name="referral_receiver_idx"),
            models.Index(fields=["sending_partner", "status"], name="referral_sender_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.sending_case.reference} → {self.receiving_partner}"

    @property
    def is_pending(self) -> bool:
        return self.status == ReferralStatus.PENDING

    def shared_as_answers(self) -> dict:
        """The shared answers under their field keys (what a receiving form is pre-filled with)."""
        return {row["key"]: row["value"] for row in self.shared_answers}


class ReferralTodoKind(models.TextChoices):
    DECIDE_NEXT = "decide_next", _("Referral declined — decide what next")
    CONFIRM_ARRIVAL = "confirm_arrival", _("Confirm the person arrived")


class ReferralTodo(models.Model):
    """Something the sending partner must do on its case because of a referral (decide what next
    after a decline or an expiry) or a letter (confirm the person arrived), until one of its
    caseworkers or supervisors marks it done."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="referral_todos", verbose_name=_("case")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    referral = models.ForeignKey(
        Referral,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="todos",
        verbose_name=_("referral"),
    )
    letter = models.ForeignKey(
        "workflows.ReferralLetter",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="todos",
        verbose_name=_("referral letter"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReferralTodoKind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("referral to-do")
        verbose_name_plural = _("referral to-dos")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["partner", "done_at"], name="referral_todo_open_idx")]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def is_open(self) -> bool:
        return self.done_at is None
