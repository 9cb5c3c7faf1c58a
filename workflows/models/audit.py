"""The personal-data access log (PDPA): who read or changed whose data, when, from where."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessKind(models.TextChoices):
    VIEW = "view", _("Viewed")
    DOWNLOAD = "download", _("Downloaded a file")
    SEARCH = "search", _("Searched")
    LOOKUP = "lookup", _("Looked up by national ID")
    CLAIM = "claim", _("Took the task")
    RELEASE = "release", _("Returned the task")
    ASSIGN = "assign", _("Gave the task to someone")
    COMPLETE = "complete", _("Saved a task's answers")
    APPROVE = "approve", _("Approved or returned a step")
    CREATE = "create", _("Registered")
    CHANGE = "change", _("Changed")
    START = "start", _("Opened a case")
    REFER = "refer", _("Shared with another partner by a referral")
    EXPORT = "export", _("Exported")
    IMPORT = "import", _("Imported")
    PUBLISH = "publish", _("Published")
    SUBJECT_EXPORT = "subject_export", _("Exported for a data-subject request")
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed to sign in")


class WhoWhenRecord(models.Model):
    """Who did something, when, and for which partner: the fields every audit row shares. The user
    name is kept as it was, so the row still says who if the account goes."""

    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )

    class Meta:
        abstract = True


class AccessRecord(WhoWhenRecord):
    """One read or write of personal data. Written with one INSERT by `record_access`; never
    changed or deleted (anonymising a client keeps its log: it names no identifying field)."""

    address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    kind = models.CharField(_("kind of access"), max_length=20, choices=AccessKind.choices)
    client = models.ForeignKey(
        "workflows.Client",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_records",
        verbose_name=_("client"),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    label = models.CharField(_("what"), max_length=255, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["client", "-at"], name="access_client_at_idx"),
            models.Index(fields=["partner", "-at"], name="access_partner_at_idx"),
            models.Index(fields=["user", "-at"], name="access_user_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_kind_display()} {self.label}"


class ClientChange(WhoWhenRecord):
    """One correction of a client record: which fields, their earlier values, by whom, for which
    partner. Shown on the client page; anonymising the client clears the earlier values."""

    client = models.ForeignKey(
        "workflows.Client",
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("client"),
    )
    fields = models.JSONField(_("fields changed"), default=list)
    previous = models.JSONField(_("earlier values"), default=dict, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("client record change")
        verbose_name_plural = _("client record changes")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["client", "-at"], name="client_change_at_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {', '.join(self.fields)}"
