"""Writes of two-factor sign-in: an authenticator app being enrolled, confirmed, recovery codes."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from partners.selectors import person_deactivatable_by
from partners.two_factor.policy import RECOVERY_CODES

APP = "authenticator"
RECOVERY = "recovery"
RESET_ACTION = "partners.two_factor.reset"


def totp_device_pending(*, user) -> TOTPDevice:
    """The app the user is enrolling (a new secret until one is confirmed)."""
    device = TOTPDevice.objects.filter(user=user, name=APP, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the app with one of its codes; returns fresh recovery codes, or None if wrong.
    Any earlier app and recovery codes of the user are replaced."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if device.confirmed or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=device.user)


def recovery_codes_renew(*, user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor_enrolled(*, user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def two_factor_reset(*, person, by) -> int:
    """A lost phone: an administrator removes the person's app and recovery codes, so they enrol
    again at their next sign-in. Only for people who work for the administrator's partners alone;
    in the person's history. Returns how many devices were removed."""
    if not person_deactivatable_by(by, person):
        raise PermissionDenied
    removed = TOTPDevice.objects.filter(user=person).delete()[1].get("otp_totp.TOTPDevice", 0)
    StaticDevice.objects.filter(user=person).delete()
    log(instance=person, action=RESET_ACTION, user=by)
    return removed
