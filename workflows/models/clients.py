"""The people the network serves."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms_builder.models import private_storage
from partners.models import Partner
from thai.text import search_text, thai_sort_key


class IdStatus(models.TextChoices):
    THAI_ID = "thai_id", _("Thai national ID")
    FOREIGN_DOCUMENT = "foreign_document", _("Foreign document")
    STATELESS = "stateless", _("Stateless")
    NONE = "none", _("No ID / unknown")


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


def client_photo_path(instance: "Client", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"clients/{timezone.now():%Y/%m}/{instance.uuid.hex}.{suffix}"


class Client(models.Model):
    """A person served (ผู้รับบริการ). One client may have many cases, at many partners."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    name_en = models.CharField(_("name in English letters"), max_length=255, blank=True)
    aliases = models.CharField(
        _("aliases"),
        max_length=500,
        blank=True,
        help_text=_("Nicknames or other names, comma-separated."),
    )
    id_status = models.CharField(
        _("identity document"), max_length=20, choices=IdStatus.choices, default=IdStatus.NONE
    )
    national_id = models.CharField(_("national ID"), max_length=13, blank=True)
    document_number = models.CharField(_("document number"), max_length=50, blank=True)
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField(
        _("estimated age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    estimated_on = models.DateField(_("age estimated on"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    photo = models.ImageField(
        _("photo"), upload_to=client_photo_path, storage=private_storage, blank=True
    )
    found_area_code = models.CharField(_("found in (DOPA code)"), max_length=6, blank=True)
    found_place = models.CharField(_("found at"), max_length=500, blank=True)
    source_reference = models.CharField(
        _("reference in the partner's register"),
        max_length=100,
        blank=True,
        help_text=_("The number the person has in a register kept before this system (imports)."),
    )
    registered_by = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="registered_clients",
        verbose_name=_("registered by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    legal_hold = models.BooleanField(
        _("legal hold"),
        default=False,
        help_text=_("While held, the person's details are never removed by the retention rule."),
    )
    legal_hold_reason = models.CharField(_("reason for the legal hold"), max_length=500, blank=True)
    anonymised_at = models.DateTimeField(_("identifying details removed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Derived columns, kept by save(): Thai dictionary order and substring search.
    sort_key = models.CharField(max_length=700, editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["sort_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["national_id"],
                condition=~Q(national_id=""),
                name="client_unique_national_id",
            ),
            models.UniqueConstraint(
                fields=["registered_by", "source_reference"],
                condition=~Q(source_reference=""),
                name="client_unique_source_reference",
            ),
        ]
        indexes = [
            models.Index(fields=["sort_key", "id"], name="client_sort_idx"),
            models.Index(fields=["registered_by", "sort_key"], name="client_partner_sort_idx"),
            # The list's age filter: a birth date in range, or (none known) an estimated age.
            models.Index(fields=["birth_date"], name="client_birth_date_idx"),
            models.Index(
                fields=["estimated_age"],
                condition=Q(birth_date__isnull=True),
                name="client_estimated_age_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        self.derive()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key", "search_text"}
        super().save(*args, **kwargs)

    def derive(self) -> None:
        """Fill the derived columns (save() does; bulk writes call it themselves)."""
        self.sort_key = thai_sort_key(f"{self.first_name} {self.last_name} {self.name_en}")[:700]
        self.search_text = search_text(
            self.first_name,
            self.last_name,
            self.name_en,
            self.aliases,
            self.national_id,
            self.document_number,
        )

    @property
    def display_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return (
            name
            or self.name_en
            or (self.aliases.split(",")[0].strip() if self.aliases else "")
            or str(_("(name unknown)"))
        )

    @property
    def age(self) -> int | None:
        today = timezone.localdate()
        if self.birth_date:
            years = today.year - self.birth_date.year
            years -= (today.month, today.day) < (self.birth_date.month, self.birth_date.day)
            return years if years >= 0 else None  # a birth date in the future says nothing
        if self.estimated_age is not None and self.estimated_on:
            return self.estimated_age + (today - self.estimated_on).days // 365
        return self.estimated_age
