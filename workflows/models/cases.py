"""Cases and their tasks: our own concrete Viewflow process and task tables.

Viewflow reads `process`(related_name task_set), `data`, `seed` and `artifact` on the task and
`parent_task`, `data`, `seed`, `artifact` on the process; the rest are our indexed columns.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import AbstractProcess, AbstractTask

from forms_builder.models import AnswerSet
from partners.models import Partner
from workflows.models.clients import Client
from workflows.models.definitions import ProcessVersion, Step, Transition
from workflows.models.task_counts import KEY_FIELDS, task_count_key


class CaseSource(models.TextChoices):
    CASEWORKER = "caseworker", _("Opened by staff")
    PUBLIC_REPORT = "public_report", _("Public report")
    HOTLINE = "hotline", _("Hotline 1300")
    REFERRAL = "referral", _("Referral")
    IMPORT = "import", _("Import")
    FOLLOW_UP = "follow_up", _("Planned follow-up")


class TaskStage(models.TextChoices):
    FILL = "fill", _("Fill in")
    APPROVE = "approve", _("Approve")


class FlowData(models.Model):
    """The seed and artifact references viewflow reads on both processes and tasks."""

    seed_content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    seed_object_id = models.PositiveIntegerField(null=True, blank=True)
    seed = GenericForeignKey("seed_content_type", "seed_object_id")
    artifact_content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    artifact_object_id = models.PositiveIntegerField(null=True, blank=True)
    artifact = GenericForeignKey("artifact_content_type", "artifact_object_id")

    class Meta:
        abstract = True


class Case(FlowData, AbstractProcess):
    """A client's episode at one partner, running one pinned process version."""

    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="cases", verbose_name=_("partner")
    )
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="cases", verbose_name=_("client")
    )
    process_version = models.ForeignKey(
        ProcessVersion, on_delete=models.PROTECT, related_name="cases", verbose_name=_("process")
    )
    current_step = models.ForeignKey(
        Step,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current step"),
    )
    current_stage = models.CharField(
        _("stage"), max_length=10, choices=TaskStage.choices, default=TaskStage.FILL
    )
    outcome = models.CharField(_("outcome"), max_length=30, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=CaseSource.choices, default=CaseSource.CASEWORKER
    )
    urgent = models.BooleanField(_("urgent"), default=False)
    source_reference = models.CharField(
        _("reference in the partner's register"),
        max_length=100,
        blank=True,
        help_text=_("The case's number in a register kept before this system (imports)."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )

    # What viewflow reads on a process (with seed and artifact from FlowData).
    data = models.JSONField(default=dict, blank=True)
    parent_task = models.ForeignKey(
        "CaseTask",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subprocesses",
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["partner", "status", "-created"], name="case_partner_status_idx"),
            models.Index(fields=["client", "-created"], name="case_client_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "source_reference"],
                condition=~Q(source_reference=""),
                name="case_unique_source_reference",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.client}"

    @property
    def outcome_label(self) -> str:
        from workflows.selectors.outcomes import outcome_label

        return outcome_label(self.outcome)

    @property
    def reference(self) -> str:
        return f"C-{self.pk:06d}" if self.pk else ""


class CaseTask(FlowData, AbstractTask):
    """One step of one case, waiting for a person of a role at the case's partner."""

    process = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="task_set", verbose_name=_("case")
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    role = models.CharField(_("role"), max_length=20, blank=True)
    step = models.ForeignKey(
        Step,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("step"),
    )
    stage = models.CharField(
        _("stage"), max_length=10, choices=TaskStage.choices, default=TaskStage.FILL
    )
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    urgent = models.BooleanField(_("urgent"), default=False)
    answer_set = models.ForeignKey(
        AnswerSet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answers"),
    )
    decision = models.ForeignKey(
        Transition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )
    approved = models.BooleanField(_("approved"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    # What viewflow reads on a task (with seed and artifact from FlowData).
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["-created"]
        indexes = [
            # The inbox: my open tasks, newest first. Partial, because `status IN (...)` would
            # otherwise keep PostgreSQL from reading the index in order; the partner is in the
            # index so the "partners where I still work" check needs no table row.
            models.Index(
                fields=["owner", "-created", "-id", "partner"],
                condition=Q(status__in=["ASSIGNED", "STARTED"]),
                name="task_inbox_partner_idx",
            ),
            # The queue: a partner's unclaimed tasks, urgent first, read in order; the role (one
            # or two of them) is checked in the index.
            models.Index(
                fields=["partner", "-urgent", "-created", "-id", "role"],
                condition=Q(status="NEW"),
                name="task_queue_new_idx",
            ),
            # The queue or inbox filtered by a process or a step (both read as the task's step):
            # a step's unclaimed tasks in the queue's order, partner and role in the index.
            models.Index(
                fields=["step", "-urgent", "-created", "-id", "partner", "role"],
                condition=Q(status="NEW"),
                name="task_queue_step_idx",
            ),
            # "Overdue only": a partner's open tasks by due time (few are overdue, read those).
            models.Index(
                fields=["partner", "due_at"],
                condition=Q(status__in=["NEW", "ASSIGNED", "STARTED"]),
                name="task_open_due_idx",
            ),
            models.Index(fields=["status", "flow_task_type", "-created"], name="task_type_idx"),
            models.Index(fields=["process", "-created"], name="task_case_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.step} — {self.process.client}" if self.step_id else super().__str__()

    # The counters of open tasks (TaskCount) follow every save (and delete: workflows.signals):
    # the key the row has in the database is remembered when it is read or written.

    def save(self, *args, **kwargs):
        from workflows.services.task_counts import task_count_move

        stored = getattr(self, "_stored_key", None) if not self._state.adding else None
        update_fields = kwargs.get("update_fields")
        values = self._count_values()
        if stored is not None and update_fields is not None:
            written = {self._meta.get_field(name).attname for name in update_fields}
            values = tuple(
                value if name in written else old
                for name, value, old in zip(KEY_FIELDS, values, stored, strict=True)
            )
        super().save(*args, **kwargs)
        old = task_count_key(*stored) if stored is not None else None
        task_count_move(old, task_count_key(*values))
        self._stored_key = values

    @classmethod
    def from_db(cls, db, field_names, values):
        task = super().from_db(db, field_names, values)
        task._stored_key = task._count_values() if set(KEY_FIELDS) <= set(field_names) else None
        return task

    def _count_values(self) -> tuple:
        return tuple(getattr(self, name) for name in KEY_FIELDS)

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None:
            self._stored_key = self._count_values()
