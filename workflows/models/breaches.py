"""The breach register (ทะเบียนเหตุละเมิดข้อมูลส่วนบุคคล, PDPA §37(4)): what happened, when it was
found, which people and partners, and the 72 hours the office (สคส./PDPC) is told within."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

REGULATOR_HOURS = 72


class Breach(models.Model):
    summary = models.CharField(_("what happened (in short)"), max_length=255)
    description = models.TextField(_("what happened"))
    occurred_at = models.DateTimeField(_("happened at"), null=True, blank=True)
    discovered_at = models.DateTimeField(_("when it was found"))
    partners = models.ManyToManyField(
        "partners.Partner", related_name="+", verbose_name=_("partners involved")
    )
    clients = models.ManyToManyField(
        "workflows.Client", related_name="breaches", blank=True, verbose_name=_("people affected")
    )
    people_count = models.PositiveIntegerField(_("number of people affected"), default=0)
    regulator_notified_at = models.DateTimeField(_("office told at"), null=True, blank=True)
    no_notification_reason = models.TextField(
        _("why the office is not told"),
        blank=True,
        help_text=_("Only when the breach is unlikely to put people's rights at risk."),
    )
    people_notified_at = models.DateTimeField(_("people told at"), null=True, blank=True)
    closed = models.BooleanField(_("closed"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal data breach")
        verbose_name_plural = _("personal data breaches")
        ordering = ["-discovered_at", "-pk"]

    def __str__(self) -> str:
        return f"B-{self.pk:05d} {self.summary}" if self.pk else self.summary

    @property
    def reference(self) -> str:
        return f"B-{self.pk:05d}"

    @property
    def regulator_deadline(self) -> dt.datetime:
        return self.discovered_at + dt.timedelta(hours=REGULATOR_HOURS)

    @property
    def regulator_settled(self) -> bool:
        return bool(self.regulator_notified_at or self.no_notification_reason)
