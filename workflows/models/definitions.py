"""Administrator-defined processes: definition → version (frozen once published) → steps."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forms_builder.models import (
    AbstractDefinition,
    AbstractVersion,
    FormVersion,
    field_key_validator,
    localized,
)
from partners.models import Partner, Role


class ProcessKind(models.TextChoices):
    INTAKE = "intake", _("Intake")
    ASSESSMENT = "assessment", _("Screening and assessment")
    REFERRAL = "referral", _("Referral")
    FOLLOW_UP = "follow_up", _("Follow-up")
    OTHER = "other", _("Other")


class ProcessDefinition(AbstractDefinition):
    """A process of one partner (or of the whole network when partner is empty)."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="process_definitions",
        verbose_name=_("partner"),
        help_text=_("Leave empty for a process shared by the whole network."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ProcessKind.choices)

    class Meta(AbstractDefinition.Meta):
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "key"], name="process_definition_unique_key_per_partner"
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(partner__isnull=True),
                name="process_definition_unique_shared_key",
            ),
        ]


class ProcessVersion(AbstractVersion):
    """A version of a process, frozen once published; cases stay on the version they started on."""

    definition = models.ForeignKey(
        ProcessDefinition,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("process"),
    )

    class Meta:
        verbose_name = _("process version")
        verbose_name_plural = _("process versions")
        ordering = ["definition", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "number"], name="process_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["definition"],
                condition=Q(status="draft"),
                name="process_version_one_draft",
            ),
        ]


class StepKind:
    """The kinds every process uses; workflows.step_kinds declares them all, with their labels."""

    HUMAN = "human"
    END = "end"


def step_kind_choices() -> list[tuple[str, str]]:
    from workflows.step_kinds import step_kind_choices as choices  # the kinds import the models

    return choices()


class Step(models.Model):
    """A step of a process version. Its kind (workflows.step_kinds) says which of the columns
    below it uses (a task: form, role, due time, approval; an end: outcome) and what its
    `settings` hold (the kinds without columns of their own keep theirs there)."""

    version = models.ForeignKey(
        ProcessVersion, on_delete=models.CASCADE, related_name="steps", verbose_name=_("version")
    )
    key = models.CharField(_("key"), max_length=63, validators=[field_key_validator])
    kind = models.CharField(_("kind"), max_length=20, choices=step_kind_choices)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    is_start = models.BooleanField(_("start step"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    form_version = models.ForeignKey(
        FormVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steps",
        verbose_name=_("form"),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        blank=True,
        choices=[
            (Role.CASEWORKER.value, Role.CASEWORKER.label),
            (Role.SUPERVISOR.value, Role.SUPERVISOR.label),
        ],
    )
    due_hours = models.PositiveIntegerField(_("due within (hours)"), null=True, blank=True)
    due_working_days = models.BooleanField(
        _("count working days"),
        default=False,
        help_text=_("Count a due time in days as working days (no weekends or public holidays)."),
    )
    grace_hours = models.PositiveIntegerField(
        _("escalate after (hours overdue)"), null=True, blank=True
    )
    requires_approval = models.BooleanField(_("supervisor approval"), default=False)
    outcome = models.CharField(_("outcome"), max_length=30, blank=True)
    settings = models.JSONField(_("settings"), default=dict, blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["version", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="step_unique_key_per_version"),
            models.UniqueConstraint(
                fields=["version"], condition=Q(is_start=True), name="step_one_start_per_version"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def kind_spec(self):
        from workflows.step_kinds import step_kind

        return step_kind(self.kind)

    @property
    def outcome_label(self) -> str:
        from workflows.selectors.outcomes import outcome_label

        return outcome_label(self.outcome)

    @property
    def is_end(self) -> bool:
        return self.kind_spec.ends_case


class Transition(models.Model):
    """A way out of a step, taken when its condition holds (checked in order; the default last)."""

    version = models.ForeignKey(
        ProcessVersion,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("version"),
    )
    source = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="outgoing", verbose_name=_("from step")
    )
    target = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="incoming", verbose_name=_("to step")
    )
    label_th = models.CharField(_("decision (Thai)"), max_length=255)
    label_en = models.CharField(_("decision (English)"), max_length=255, blank=True)
    condition = models.JSONField(_("condition"), null=True, blank=True)
    is_default = models.BooleanField(_("default"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["source", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source"], condition=Q(is_default=True), name="transition_one_default"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    @property
    def label(self) -> str:
        return localized(self, "label")
