"""The date filters of Wagtail's listings and reports (site history, a page's history, aging
pages, workflow reports, the page explorer) read and show Buddhist-era dates for Thai users; a
year of the other era is refused with a message and filters nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from partners.models import Role
from tests.factories import UserFactory, member
from tests.factories_cms import news_article, thai_home  # noqa: F401

pytestmark = pytest.mark.django_db

OLD, NEW = dt.datetime(2025, 6, 1, 10, 0), dt.datetime(2026, 6, 1, 10, 0)


@pytest.fixture
def superuser(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def article(superuser):
    page = news_article(title="ข่าวกรองวันที่")
    for when, action in ((OLD, "wagtail.lock"), (NEW, "wagtail.unlock")):
        entry = PageLogEntry.objects.log_action(page, action, user=superuser)
        entry.timestamp = timezone.make_aware(when)
        entry.save()
    return page


def listed_actions(response) -> set[str]:
    """Of the two entries dated above (creating the page logged one of its own, today)."""
    listed = {entry.action for entry in response.context["object_list"]}
    return listed & {"wagtail.lock", "wagtail.unlock"}


@pytest.mark.parametrize("url_name", ["wagtailadmin_reports:site_history", "page_history"])
def test_a_buddhist_era_range_filters_the_history(client, article, url_name):
    url = (
        reverse("wagtailadmin_pages:history", args=(article.pk,))
        if url_name == "page_history"
        else reverse(url_name)
    )
    response = client.get(url, {"timestamp_from": "2569-01-01", "timestamp_to": "2569-12-31"})
    assert response.status_code == 200
    assert listed_actions(response) == {"wagtail.unlock"}
    html = response.content.decode()
    assert 'value="2569-01-01"' in html
    assert "1 มกราคม 2569 – 31 ธันวาคม 2569" in html  # the active filter's label
    assert "yearOffset&quot;: 543" in html  # the calendar shows Buddhist-era years


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2026-01-01", "ปีคริสต์ศักราช"), ("3112-01-01", "2569")],
)
def test_a_year_of_the_other_era_is_refused_with_a_message(client, article, typed, message):
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"timestamp_from": typed})
    assert response.status_code == 200
    errors = response.context["filters"].form.errors
    assert message in " ".join(errors["timestamp"])
    # Nothing is filtered by a date the user did not mean.
    assert listed_actions(response) == {"wagtail.lock", "wagtail.unlock"}


def test_aging_pages_read_a_buddhist_era_day(client, article):
    url = reverse("wagtailadmin_reports:aging_pages")
    response = client.get(url, {"last_published_at": "2569-12-31"})
    assert response.status_code == 200
    assert not response.context["filters"].form.errors
    assert "31 ธันวาคม 2569" in response.content.decode()
    response = client.get(url, {"last_published_at": "3112-12-31"})
    assert "2569" in " ".join(response.context["filters"].form.errors["last_published_at"])


@pytest.mark.parametrize(
    ("url_name", "parameter"),
    [
        ("wagtailadmin_reports:workflow", "created_at_from"),
        ("wagtailadmin_reports:workflow_tasks", "started_at_from"),
        ("wagtailadmin_reports:locked_pages", "locked_at_to"),
        ("wagtailadmin_explore_root", "latest_revision_created_at_from"),
    ],
)
def test_every_other_date_filter_reads_the_buddhist_era(client, superuser, url_name, parameter):
    url = reverse(url_name)
    response = client.get(url, {parameter: "2569-01-01"})
    assert response.status_code == 200
    assert not response.context["filters"].form.errors
    assert "1 มกราคม 2569" in response.content.decode()
    response = client.get(url, {parameter: "2026-01-01"})
    assert "ปีคริสต์ศักราช" in str(response.context["filters"].form.errors)


def test_an_open_ended_range_reads_in_thai(client, article):
    url = reverse("wagtailadmin_reports:site_history")
    html = client.get(url, {"timestamp_from": "2569-01-01"}).content.decode()
    assert "1 มกราคม 2569 – ไม่กำหนด" in html


def test_a_communications_officer_filters_a_page_history_in_the_buddhist_era(client, article):
    client.force_login(member(Role.COMMUNICATIONS, username="comms"))
    url = reverse("wagtailadmin_pages:history", args=(article.pk,))
    response = client.get(url, {"timestamp_to": "2568-12-31"})
    assert response.status_code == 200
    assert listed_actions(response) == {"wagtail.lock"}


def test_english_users_filter_in_the_christian_era(client, superuser, article):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    url = reverse("wagtailadmin_reports:site_history")
    response = client.get(url, {"timestamp_from": "2026-01-01"})
    assert listed_actions(response) == {"wagtail.unlock"}
    assert "yearOffset" not in response.content.decode()
    response = client.get(url, {"timestamp_from": "2569-01-01"})
    assert "timestamp" in response.context["filters"].form.errors


def test_the_history_names_the_creation_as_an_action_not_a_date(client, article):
    """Our export's "Created" column once lent its Thai (วันที่สร้าง) to Wagtail's action."""
    url = reverse("wagtailadmin_pages:history", args=(article.pk,))
    html = client.get(url).content.decode()
    assert "สร้างแล้ว" in html
    assert "วันที่สร้าง" not in html
