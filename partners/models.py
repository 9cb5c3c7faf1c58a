"""Organizations of the network, the people who work in them and their roles."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class User(AbstractUser):
    """A person who signs in: staff of a partner. Their roles come from memberships."""

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class PartnerKind(models.TextChoices):
    CENTER = "center", _("Protection Center for Destitute Persons")
    MUNICIPALITY = "municipality", _("Municipality")
    HOSPITAL = "hospital", _("Hospital")
    POLICE = "police", _("Police")
    SHELTER = "shelter", _("Protection and quality-of-life development center")
    NGO = "ngo", _("Non-governmental organization")
    OTHER = "other", _("Other")


class ReferralKind(models.TextChoices):
    """What a referral asks the receiving partner for; a partner says which kinds it accepts."""

    ADMISSION = "admission", _("Admission to a protection center")
    SHELTER = "shelter", _("Temporary shelter")
    HEALTH = "health", _("Health care")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    FOREIGN_NATIONAL = "foreign_national", _("A foreign national")
    WORK = "work", _("Work and vocational training")
    OTHER = "other", _("Other help")


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    SUPERVISOR = "supervisor", _("Supervisor")
    CASEWORKER = "caseworker", _("Caseworker")
    COMMUNICATIONS = "communications", _("Communications staff")
    DATA_PROTECTION = "data_protection", _("Data protection officer")


class PartnerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Partner(ClusterableModel):
    """An organization of the network (the provincial center, a municipality, …)."""

    code = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_("A short stable ASCII name, e.g. pattaya. Used in URLs and exports."),
    )
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=255, blank=True)
    referral_answer_days = models.PositiveSmallIntegerField(
        _("working days to answer a referral"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "How long other partners give this partner to answer a referral, unless they set a "
            "date. Empty: the network's usual time."
        ),
    )
    #: The ReferralKind values this partner accepts referrals of (a referral step's choice).
    referral_kinds = models.JSONField(
        _("accepts referrals of these kinds"), default=list, blank=True
    )
    two_factor_for_everyone = models.BooleanField(
        _("everyone must use two-factor sign-in"),
        default=False,
        help_text=_(
            "When ticked, every member of this partner signs in with a second factor, not only "
            "administrators, supervisors and data protection officers."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name_th"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, Thai when there is no English one."""
        language = get_language() or "th"
        if language.startswith("en") and self.name_en:
            return self.name_en
        return self.name_th

    @property
    def is_center(self) -> bool:
        return self.kind == PartnerKind.CENTER


dopa_code_validator = RegexValidator(
    r"^(\d{2}|\d{4}|\d{6})$",
    _("Enter a DOPA code: 2 digits (province), 4 (district) or 6 (subdistrict)."),
)


class ServiceArea(models.Model):
    """One area a partner serves, as a DOPA code of a province, district or subdistrict."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="service_areas")
    code = models.CharField(_("DOPA code"), max_length=6, validators=[dopa_code_validator])

    class Meta:
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "code"], name="service_area_unique_code")
        ]
        indexes = [models.Index(fields=["code"], name="service_area_code_idx")]

    def __str__(self) -> str:
        from partners.areas import area_name

        return area_name(self.code)


class Membership(models.Model):
    """A user's role at a partner. A user may hold several roles at several partners."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("partner")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["partner__name_th", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partner", "role"], name="membership_unique_role"
            )
        ]
        indexes = [models.Index(fields=["partner", "role"], name="membership_partner_role_idx")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.partner}"
