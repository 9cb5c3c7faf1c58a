"""How cases end (ผลการดำเนินงาน): configuration, not code. The network's outcomes are the
central administrators'; a partner adds its own. An outcome in use is retired, never deleted,
so the cases that ended with it keep their words."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from forms_builder.models import localized
from partners.models import Partner


class OutcomeKey:
    """Keys of the outcomes the system itself records (they are in every installation)."""

    DUPLICATE = "duplicate"
    NOT_ACTIONABLE = "not_actionable"
    LOST_CONTACT = "lost_contact"
    DECEASED = "deceased"
    MOVED_AWAY = "moved_away"
    REFERRED_TO_PARTNER = "referred_to_partner"
    OTHER = "other"


class Outcome(models.Model):
    # One namespace for the whole network: a case's outcome reads the same at every partner.
    key = models.SlugField(
        _("key"),
        max_length=30,
        unique=True,
        help_text=_("A stable ASCII name, e.g. returned_home_province; it never changes."),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("partner"),
        help_text=_("Leave empty for an outcome of the whole network."),
    )
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("A retired outcome is no longer offered; cases that ended with it keep it."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    anonymise_after_years = models.PositiveSmallIntegerField(
        _("remove identifying details after (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Years after a case ends with this outcome before the person's names and identity "
            "documents are removed (unless they have another case, or a legal hold). Empty: kept."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["sort_order", "name_th"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")
