"""Planned follow-ups (การติดตามผล): visits or calls after help was given, each a new case on a
follow-up process that starts, and lands in the queue, some days before its date."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.models.cases import Case
from workflows.models.definitions import ProcessDefinition


class FollowUpState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    STARTED = "started", _("Started")
    CANCELLED = "cancelled", _("Cancelled")


class FollowUp(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("case")
    )
    process_definition = models.ForeignKey(
        ProcessDefinition,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("follow-up process"),
    )
    due_on = models.DateField(_("date"))
    lead_days = models.PositiveIntegerField(_("days ahead in the queue"), default=0)
    state = models.CharField(
        _("state"), max_length=10, choices=FollowUpState.choices, default=FollowUpState.PLANNED
    )
    started_case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("follow-up case"),
    )
    #: Why it was added, moved or cancelled by hand, or the outcome that cancelled it.
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["case", "due_on"], name="followup_case_idx")]

    def __str__(self) -> str:
        return f"{self.case.reference} {self.due_on}"
