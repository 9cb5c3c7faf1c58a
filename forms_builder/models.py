"""Administrator-defined forms: definitions, immutable published versions, fields, answers.

forms_builder knows nothing of cases or processes: workflows points at FormVersion and AnswerSet.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partners.models import Partner

FIELD_KEY_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"
field_key_validator = RegexValidator(
    FIELD_KEY_PATTERN,
    _(
        "Use lower-case English letters, digits and underscores, starting with a letter "
        "(e.g. found_location)."
    ),
)


class VersionImmutableError(Exception):
    """Raised when something tries to change a published form version."""


def localized(obj, field: str) -> str:
    """`obj.<field>_th` or `obj.<field>_en` for the active language (Thai when English is empty)."""
    language = get_language() or "th"
    if language.startswith("en"):
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, f"{field}_th", "")


class FormPurpose(models.TextChoices):
    INTAKE = "intake", _("Intake")
    SCREENING = "screening", _("Screening")
    ASSESSMENT = "assessment", _("Assessment")
    REFERRAL = "referral", _("Referral")
    FOLLOW_UP = "follow_up", _("Follow-up")
    PUBLIC_REPORT = "public_report", _("Public report")
    OTHER = "other", _("Other")


class AbstractDefinition(models.Model):
    """What forms and processes share: a stable key and bilingual names and descriptions.
    Subclasses add the partner (empty = the whole network) and the key's uniqueness."""

    key = models.SlugField(
        _("key"),
        max_length=64,
        help_text=_("A stable ASCII name, unique within the partner, e.g. street_intake."),
    )
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["name_th"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class FormDefinition(AbstractDefinition):
    """A form of one partner (or shared by the whole network when partner is empty)."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="form_definitions",
        verbose_name=_("partner"),
        help_text=_("Leave empty for a form shared by the whole network."),
    )
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=FormPurpose.choices, default=FormPurpose.OTHER
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )

    class Meta(AbstractDefinition.Meta):
        verbose_name = _("form")
        verbose_name_plural = _("forms")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "key"], name="form_definition_unique_key_per_partner"
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(partner__isnull=True),
                name="form_definition_unique_shared_key",
            ),
        ]


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class AbstractVersion(models.Model):
    """What every versioned definition has (forms here, processes in workflows): a number, draft or
    published, and who made and published it. Subclasses add `definition` and their constraints."""

    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.definition} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


class FormVersion(AbstractVersion):
    """One version of a form. Frozen once published; editing a published form makes a new draft."""

    definition = models.ForeignKey(
        FormDefinition, on_delete=models.CASCADE, related_name="versions", verbose_name=_("form")
    )

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["definition", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "number"], name="form_version_unique_number"
            ),
            # At most one draft per form: editing a published form reuses it.
            models.UniqueConstraint(
                fields=["definition"],
                condition=Q(status="draft"),
                name="form_version_one_draft",
            ),
        ]


class FieldType(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    DATE = "date", _("Date")
    DATETIME = "datetime", _("Date and time")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    YES_NO = "yes_no", _("Yes / no")
    NATIONAL_ID = "national_id", _("Thai national ID")
    PHONE = "phone", _("Phone number")
    EMAIL = "email", _("Email")
    THAI_ADDRESS = "thai_address", _("Thai address")
    LOCATION = "location", _("Map location")
    FILE = "file", _("Photo or file")
    HEADING = "heading", _("Heading or explanation")


class FieldDefinition(models.Model):
    """One question of a form version.

    `choices`: [{"value": "child", "label_th": "เด็ก", "label_en": "Child"}, ...]
    `validation`: {"min_value", "max_value", "min_length", "max_length", "pattern",
                   "pattern_message_th", "pattern_message_en", "max_size_mb", "accept"}
    `options`: type-specific presentation, e.g. {"widget": "radio" | "dropdown"}
    `condition`: when to show the field, in forms_builder.conditions' format (None = always)
    """

    version = models.ForeignKey(
        FormVersion, on_delete=models.CASCADE, related_name="fields", verbose_name=_("version")
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    key = models.CharField(
        _("key"),
        max_length=63,
        validators=[field_key_validator],
        help_text=_("A stable ASCII name for the answer; it cannot change once published."),
    )
    field_type = models.CharField(_("type"), max_length=20, choices=FieldType.choices)
    label_th = models.CharField(_("label (Thai)"), max_length=500)
    label_en = models.CharField(_("label (English)"), max_length=500, blank=True)
    help_th = models.TextField(_("help text (Thai)"), blank=True)
    help_en = models.TextField(_("help text (English)"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    default = models.JSONField(_("default"), null=True, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    validation = models.JSONField(_("validation"), default=dict, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    condition = models.JSONField(_("visibility condition"), null=True, blank=True)
    sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_(
            "PDPA section 26 data (health, disability, criminal record, ethnicity, religion): "
            "shown only to those who need it."
        ),
    )

    class Meta:
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["version", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="field_unique_key_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.label}"

    def save(self, *args, **kwargs):
        if (
            self.version_id
            and FormVersion.objects.filter(
                pk=self.version_id, status=VersionStatus.PUBLISHED
            ).exists()
        ):
            raise VersionImmutableError(f"{self.version} is published and cannot change.")
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return localized(self, "label")

    @property
    def help_text(self) -> str:
        return localized(self, "help")


class AnswerSet(models.Model):
    """Answers given to one form version, as JSON keyed by field key."""

    form_version = models.ForeignKey(
        FormVersion,
        on_delete=models.PROTECT,
        related_name="answer_sets",
        verbose_name=_("form version"),
    )
    data = models.JSONField(_("answers"), default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer set")
        verbose_name_plural = _("answer sets")

    def __str__(self) -> str:
        return f"{self.form_version} #{self.pk}"


def private_storage():
    """Uploads about people never go to the public media folder."""
    return storages["private"]


def answer_file_path(instance: "AnswerFile", filename: str) -> str:
    # Never the uploader's file name: it may carry a person's name.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"answers/{instance.uuid.hex[:2]}/{instance.uuid.hex}.{suffix}"


class AnswerFile(models.Model):
    """A photo or file given as an answer. Stored outside the public media, served by permission."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    answer_set = models.ForeignKey(
        AnswerSet,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="files",
        verbose_name=_("answer set"),
    )
    field_key = models.CharField(_("field key"), max_length=63)
    file = models.FileField(_("file"), upload_to=answer_file_path, storage=private_storage)
    original_name = models.CharField(_("original name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer file")
        verbose_name_plural = _("answer files")

    def __str__(self) -> str:
        return self.original_name or str(self.uuid)
