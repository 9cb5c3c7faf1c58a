"""A register imported in the background: its file, where it stands, what it did or why not."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models import Partner


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Being checked")
    READY = "ready", _("Checked: waiting for your confirmation")
    REFUSED = "refused", _("Not imported: the file has problems")
    IMPORTING = "importing", _("Being imported")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Stopped by an error: nothing was imported")
    EXPIRED = "expired", _("Not confirmed in time: nothing was imported")


RUNNING = (ImportStatus.CHECKING, ImportStatus.IMPORTING)


class ClientImport(models.Model):
    """One uploaded register (clients, or a register beside it: `kind`), checked and then (once
    confirmed) imported by a task worker. The file stays in the private storage for a while, so
    that its error report can be downloaded; then it is removed, with the problems' rows."""

    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    # "clients", or the key of a register beside it (workflows.services.register_imports.KINDS).
    kind = models.CharField(_("kind of register"), max_length=20, default="clients")
    file_name = models.CharField(_("file"), max_length=255)
    file_path = models.CharField(max_length=255, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.CHECKING
    )
    total = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    counts = models.JSONField(default=dict, blank=True)
    # [row, column, message] in the uploader's language, at most PROBLEMS_KEPT of them.
    problems = models.JSONField(default=list, blank=True)
    problem_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The file and the rows of its report are removed once settings.IMPORT_FILES_KEEP_DAYS
    # have passed (workflows.services.import_files); the counts stay.
    files_removed_at = models.DateTimeField(_("file removed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("client import")
        verbose_name_plural = _("client imports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["partner", "-created_at"], name="client_import_partner_idx")
        ]

    def __str__(self) -> str:
        return self.file_name

    @property
    def running(self) -> bool:
        return self.status in RUNNING
