"""What happened to a case besides its tasks being done: the timeline's other entries.

Tasks tell most of a case's story; these rows tell the rest (a move to a newer process version,
a task given to someone). Each keeps the actor's name as it was, so the history still says who
did it after an account is deactivated.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workflows.models.cases import Case, CaseTask


class CaseEventKind(models.TextChoices):
    MOVED = "moved", _("Moved to a newer version of the process")
    REASSIGNED = "reassigned", _("Task given to someone")
    REFERRAL_SENT = "referral_sent", _("Referral sent")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
    REFERRAL_DECLINED = "referral_declined", _("Referral declined")
    REFERRAL_WITHDRAWN = "referral_withdrawn", _("Referral withdrawn")
    REFERRAL_EXPIRED = "referral_expired", _("Referral expired without an answer")
    REFERRAL_TODO_DONE = "referral_todo_done", _("Done after a referral")
    REFERRAL_LETTER = "referral_letter", _("Referral letter written")


class CaseEvent(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case")
    )
    task = models.ForeignKey(
        CaseTask,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("task"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CaseEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    # What the words need, as plain values (names as they were at the time).
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["case", "created_at"], name="case_event_case_idx")]

    def __str__(self) -> str:
        return str(self.text)

    @property
    def text(self) -> str:
        d = self.details
        if self.kind == CaseEventKind.MOVED:
            return gettext(
                "Moved from version %(from_version)s (step “%(from_step)s”) to version "
                "%(to_version)s (step “%(to_step)s”)"
            ) % {
                "from_version": d.get("from_version", "?"),
                "from_step": d.get("from_step", "?"),
                "to_version": d.get("to_version", "?"),
                "to_step": d.get("to_step", "?"),
            }
        if self.kind == CaseEventKind.REASSIGNED:
            if d.get("from_user"):
                return gettext("“%(step)s” given by %(from_user)s to %(to_user)s") % d
            return gettext("“%(step)s” given to %(to_user)s") % d
        if self.kind == CaseEventKind.REFERRAL_TODO_DONE:
            from workflows.models.referrals import ReferralTodoKind

            kind = d.get("todo_kind")
            label = ReferralTodoKind(kind).label if kind in ReferralTodoKind.values else "?"
            return gettext("“%(todo)s” done") % {"todo": label}
        if self.kind.startswith("referral_") and d.get("partner"):
            return gettext("%(event)s: %(partner)s") % {
                "event": self.get_kind_display(),
                "partner": d["partner"],
            }
        return self.get_kind_display()
