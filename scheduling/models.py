"""What the system does by itself later: due items (one row per thing to do at a time) and the
special days off that working-day due times skip."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DueState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Failed")


class DueItem(models.Model):
    """One thing of a declared kind (scheduling.registry) to do at `due_at` about one object.

    The scheduler leases a due row (`leased_until`) and hands it to a worker, which locks it, acts
    and marks it done in one transaction: an item acts once, and one whose worker died is picked
    again when its lease runs out. `key` makes scheduling idempotent (one row per key)."""

    kind = models.CharField(_("kind"), max_length=50)
    key = models.CharField(_("key"), max_length=200, unique=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    due_at = models.DateTimeField(_("due"))
    params = models.JSONField(_("details"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=DueState.choices, default=DueState.PENDING
    )
    leased_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("due item")
        verbose_name_plural = _("due items")
        indexes = [
            # The scheduler's scan: pending rows in due order.
            models.Index(
                fields=["due_at"], condition=Q(state="pending"), name="dueitem_pending_idx"
            ),
            models.Index(fields=["content_type", "object_id"], name="dueitem_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} @ {self.due_at:%Y-%m-%d %H:%M}"


class DayOff(models.Model):
    """A special day off the cabinet declares (public holidays come from the `holidays` package)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("special day off")
        verbose_name_plural = _("special days off")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.name} ({self.date})"
