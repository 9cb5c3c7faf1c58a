"""Wagtail's page editor shows and reads dates in the Buddhist era for Thai users: the news
article's date, go-live and expiry. A year of the other era is refused with a message."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from cms.models import NewsArticlePage
from partners.models import Role
from tests.factories import member
from tests.factories_cms import news_article, thai_home  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def communications(db, client):
    user = member(Role.COMMUNICATIONS, username="comms")
    client.force_login(user)
    return user


@pytest.fixture
def article(db):
    return news_article(title="ข่าวเดิม", date=dt.date(2026, 11, 26))


def edit_form(article, **dates) -> dict:
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "introduction": "ข่าวจากเจ้าหน้าที่ประชาสัมพันธ์",
            "lead_image": streamfield([]),
            "body": streamfield([("paragraph", rich_text("<p>เนื้อหา</p>"))]),
            "comments": inline_formset([]),
            "go_live_at": "",
            "expire_at": "",
            **dates,
        }
    )


def edit(client, article, **dates):
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    return client.post(url, edit_form(article, **dates))


def draft(article) -> NewsArticlePage:
    return NewsArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def test_the_editor_shows_the_date_in_the_buddhist_era(client, communications, article):
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert 'value="2569-11-26"' in html
    assert '"yearOffset": 543' in html


def test_a_buddhist_era_date_and_schedule_are_saved_as_the_ordinary_dates(
    client, communications, article
):
    response = edit(client, article, date="2569-12-02", go_live_at="2570-01-05 09:30", expire_at="")
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = draft(article)
    assert saved.date == dt.date(2026, 12, 2)
    assert timezone.localtime(saved.go_live_at).replace(tzinfo=None) == dt.datetime(
        2027, 1, 5, 9, 30
    )
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert 'value="2569-12-02"' in html
    assert 'value="2570-01-05 09:30"' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2026-12-02", "ปีคริสต์ศักราช"),
        ("date", "3112-12-02", "2569"),
        ("go_live_at", "2027-01-05 09:30", "ปีคริสต์ศักราช"),
        ("expire_at", "3113-01-05 09:30", "2570"),
    ],
)
def test_a_year_of_the_other_era_is_refused_with_a_message_and_nothing_changes(
    client, communications, article, field, value, message
):
    revisions = article.revisions.count()
    dates = {"date": "2569-12-02", field: value}
    response = edit(client, article, **dates)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert article.revisions.count() == revisions
    assert draft(article).date == dt.date(2026, 11, 26)


def test_english_users_keep_the_christian_era(client, communications, article):
    profile = UserProfile.get_for_user(communications)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert 'value="2026-11-26"' in html
    assert "yearOffset" not in html
    assert edit(client, article, date="2026-12-02").status_code == 302
    assert draft(article).date == dt.date(2026, 12, 2)
    response = edit(client, article, date="2569-12-02")
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
