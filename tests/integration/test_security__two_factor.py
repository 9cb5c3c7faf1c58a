"""Administrators, supervisors and superusers sign in with a second factor; caseworkers do not."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.models import Role
from tests.factories import member

VERIFY = reverse("partners_two_factor:verify")
SETUP = reverse("partners_two_factor:setup")
INBOX = reverse("workflows_admin:inbox")


@pytest.fixture(autouse=True)
def required(settings):
    settings.THIPHUENG_TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code would otherwise delay the next by 1 s
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def code_of(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_supervisor_without_an_app_is_sent_to_enrol(client, partner):
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    response = client.get(INBOX)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert client.get(response.url).url == SETUP
    page = client.get(SETUP)
    assert "<svg" in page.content.decode() and "สแกน" in page.content.decode()


def test_enrolling_gives_recovery_codes_once_and_opens_the_admin(client, partner):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    client.force_login(supervisor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=supervisor, confirmed=False)
    assert client.post(SETUP, {"code": "000000" if code_of(device) != "000000" else "111111"})
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    response = client.post(SETUP, {"code": code_of(device)})
    assert response.status_code == 302
    codes = client.get(SETUP).context["recovery_codes"]
    assert len(codes) == 10
    assert client.get(INBOX).status_code == 200
    assert "recovery_codes" not in client.get(SETUP).context  # shown once


def test_a_recovery_code_signs_in_once(client, partner):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    client.force_login(supervisor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=supervisor)
    client.post(SETUP, {"code": code_of(device)})
    code = StaticToken.objects.filter(device__user=supervisor).first().token
    client.logout()
    client.force_login(supervisor)
    assert client.get(INBOX).status_code == 302
    wrong = client.post(VERIFY, {"code": "nonsense"})
    assert "ไม่ถูกต้อง" in wrong.content.decode()
    assert client.post(VERIFY, {"code": code, "next": INBOX}).url == INBOX
    assert client.get(INBOX).status_code == 200
    client.logout()
    client.force_login(supervisor)
    client.post(VERIFY, {"code": code})
    assert client.get(INBOX).status_code == 302  # used up


def test_caseworkers_sign_in_with_their_password_only(client, partner):
    client.force_login(member(Role.CASEWORKER, partner=partner))
    assert client.get(INBOX).status_code == 200


def test_off_when_the_setting_is_off(client, partner, settings):
    settings.THIPHUENG_TWO_FACTOR_REQUIRED = False
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    assert client.get(INBOX).status_code == 200
