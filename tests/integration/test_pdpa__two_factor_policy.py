"""Two-factor by a partner's policy, and the administrators' reset of a lost device (audited)."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from partners.models import Role
from tests.factories import member

VERIFY = reverse("partners_two_factor:verify")
INBOX = reverse("workflows_admin:inbox")


@pytest.fixture(autouse=True)
def required(settings):
    settings.THIPHUENG_TWO_FACTOR_REQUIRED = True


def enrolled(user):
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    return user


def test_a_partner_that_says_everyone_makes_its_caseworkers_use_two_factor(client, partner):
    caseworker = member(Role.CASEWORKER, partner=partner)
    client.force_login(caseworker)
    assert client.get(INBOX).status_code == 200  # not required by the role
    partner.two_factor_for_everyone = True
    partner.save()
    response = client.get(INBOX)
    assert response.status_code == 302 and response.url.startswith(VERIFY)


def test_the_partners_administrator_sees_the_policy_on_the_partner_page(client, settings, partner):
    settings.THIPHUENG_TWO_FACTOR_REQUIRED = False
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    page = client.get(reverse("partners_admin:partner_edit", args=[partner.pk]))
    assert page.status_code == 200
    assert 'name="two_factor_for_everyone"' in page.content.decode()


def test_an_administrator_resets_a_lost_device_of_their_own_staff(client, settings, partner):
    settings.THIPHUENG_TWO_FACTOR_REQUIRED = False
    admin = member(Role.ADMINISTRATOR, partner=partner)
    worker = enrolled(member(Role.SUPERVISOR, partner=partner))
    client.force_login(admin)
    page = client.get(reverse("partners_admin:person_edit", args=[worker.pk])).content.decode()
    assert "data-two-factor" in page
    response = client.post(reverse("partners_admin:person_two_factor_reset", args=[worker.pk]))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert not StaticDevice.objects.filter(user=worker).exists()
    entry = ModelLogEntry.objects.for_instance(worker).get(action="partners.two_factor.reset")
    assert entry.user == admin


def test_another_partners_administrator_cannot_reset(client, settings, partner, other_partner):
    settings.THIPHUENG_TWO_FACTOR_REQUIRED = False
    worker = enrolled(member(Role.SUPERVISOR, partner=partner))
    client.force_login(member(Role.ADMINISTRATOR, partner=other_partner))
    response = client.post(reverse("partners_admin:person_two_factor_reset", args=[worker.pk]))
    assert response.status_code == 404
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    response = client.post(reverse("partners_admin:person_two_factor_reset", args=[worker.pk]))
    assert response.status_code in (302, 403) and TOTPDevice.objects.filter(user=worker).exists()
