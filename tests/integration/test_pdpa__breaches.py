"""The breach register: recorded by a partner's data protection officers and administrators,
seen by the partners involved only, with the 72-hour clock and reminders before it runs out."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from partners.models import Role
from scheduling.services import run_scheduler
from tests.factories import member
from tests.factories_workflows import client_at
from thai.dates import be_year
from workflows.models import Breach


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


def be_time(value: dt.datetime) -> str:
    """As Wagtail's date-time chooser types it for a Thai user: 2569-12-05 09:30."""
    local = timezone.localtime(value)
    return f"{be_year(local.year)}-{local.month:02d}-{local.day:02d} {local:%H:%M}"


def breach_data(partner, found, **fields) -> dict:
    return {
        "summary": "แฟ้มเอกสารหาย",
        "description": "แฟ้มรายชื่อผู้รับบริการหายจากรถ",
        "discovered_at": be_time(found),
        "partners": [partner.pk],
        "people_count": "3",
        **fields,
    }


@pytest.fixture
def officer(partner):
    return member(Role.DATA_PROTECTION, partner=partner)


def test_an_officer_records_a_breach_and_is_reminded_before_72_hours(client, partner, officer):
    admin = member(Role.ADMINISTRATOR, partner=partner)
    person = client_at(partner)
    found = timezone.now() - dt.timedelta(hours=1)
    client.force_login(officer)
    response = client.post(
        url("breach_add"), breach_data(partner, found, client_numbers=f"#{person.pk}")
    )
    assert response.status_code == 302
    breach = Breach.objects.get()
    assert list(breach.clients.all()) == [person] and breach.people_count == 3
    assert list(client.get(url("breaches")).context["page"]) == [breach]
    run_scheduler(now=breach.regulator_deadline - dt.timedelta(hours=25))
    assert not Notification.objects.exists()
    run_scheduler(now=breach.regulator_deadline - dt.timedelta(hours=23))
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {officer.pk, admin.pk}


def test_telling_the_office_stops_the_reminders(client, partner, officer):
    found = timezone.now() - dt.timedelta(hours=2)
    client.force_login(officer)
    client.post(url("breach_add"), breach_data(partner, found))
    breach = Breach.objects.get()
    now = timezone.now()
    data = breach_data(
        partner,
        found,
        regulator_notified_at=be_time(now),
    )
    assert client.post(url("breach", breach.pk), data).status_code == 302
    run_scheduler(now=breach.regulator_deadline + dt.timedelta(hours=1))
    assert not Notification.objects.exists()


def test_bad_input_is_a_message_and_nothing_is_written(client, partner, other_partner, officer):
    client.force_login(officer)
    theirs = client_at(other_partner)
    found = timezone.now()
    for data in (
        breach_data(partner, found, client_numbers=str(theirs.pk)),  # not a client of theirs
        breach_data(partner, found, client_numbers="²"),
        breach_data(other_partner, found),  # not their own partner
        {**breach_data(partner, found), "discovered_at": "2569-02-31 09:00"},
        {**breach_data(partner, found), "discovered_at": "2026-01-05 09:00"},  # the other era
        {**breach_data(partner, found), "discovered_at": be_time(found + dt.timedelta(days=1))},
    ):
        assert client.post(url("breach_add"), data).status_code == 200
    assert not Breach.objects.exists()


def test_the_form_chooses_dates_on_the_buddhist_era_calendar(client, partner, officer):
    client.force_login(officer)
    page = client.get(url("breach_add")).content.decode()
    assert 'data-widget-start="initDateTimeChooser"' in page
    assert "yearOffset&quot;: 543" in page and 'name="discovered_at"' in page
    assert "wagtailadmin/js/date-time-chooser.js" in page  # the calendar's own script


def test_another_partner_and_other_roles_see_no_breach(client, partner, other_partner, officer):
    client.force_login(officer)
    client.post(url("breach_add"), breach_data(partner, timezone.now()))
    breach = Breach.objects.get()
    client.force_login(member(Role.DATA_PROTECTION, partner=other_partner))
    assert client.get(url("breach", breach.pk)).status_code == 404
    assert not list(client.get(url("breaches")).context["page"])
    for role in (Role.SUPERVISOR, Role.CASEWORKER, Role.COMMUNICATIONS):
        client.force_login(member(role, partner=partner))
        assert client.get(url("breaches")).status_code == 302


def test_the_officers_home_page_counts_breaches_not_yet_reported(client, partner, officer):
    client.force_login(officer)
    client.post(url("breach_add"), breach_data(partner, timezone.now()))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-pdpa-panel" in home and "<strong>1</strong>" in home
    client.force_login(member(Role.CASEWORKER, partner=partner))
    assert "data-pdpa-panel" not in client.get(reverse("wagtailadmin_home")).content.decode()
