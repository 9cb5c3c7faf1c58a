"""load_demo builds the bilingual demo site once, however often it runs."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from cms.demo.content import SUBMITTED_ARTICLE
from cms.models import CampaignPage, HomePage, NewsArticlePage, PartnerNetworkPage, ReportPage
from partners.models import User
from tests.factories_cms import fresh_cache  # noqa: F401 - autouse fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo")
    call_command("load_demo")


def test_the_demo_site_exists_once_in_thai_and_english(demo):
    for code in ("th", "en"):
        assert HomePage.objects.filter(locale__language_code=code).count() == 1
        assert PartnerNetworkPage.objects.filter(locale__language_code=code).count() == 1
        assert CampaignPage.objects.filter(locale__language_code=code).count() == 2
        assert NewsArticlePage.objects.filter(locale__language_code=code, live=True).count() == 1
        assert ReportPage.objects.filter(locale__language_code=code).count() == 1
    # Only the article sent for review waits unpublished.
    assert list(Page.objects.filter(live=False).values_list("slug", flat=True)) == [
        SUBMITTED_ARTICLE["slug"]
    ]


def test_the_mou_article_of_6_august_2020(demo, client):
    article = NewsArticlePage.objects.get(locale__language_code="th", live=True)
    assert article.date.isoformat() == "2020-08-06"
    assert len(list(article.body)) >= 3
    thai = client.get(article.url).content.decode()
    assert "ศาลาว่าการเมืองพัทยา" in thai and "6 สิงหาคม 2563" in thai
    english = client.get(article.get_translation(Locale.objects.get(language_code="en")).url)
    assert "Pattaya City Hall" in english.content.decode()


def test_the_campaigns_cover_communities_families_and_schools(demo):
    campaigns = CampaignPage.objects.filter(locale__language_code="th")
    assert campaigns.filter(for_communities=True, for_families=True).exists()
    assert campaigns.filter(for_schools=True).exists()
    assert all(campaign.call_to_action_link for campaign in campaigns)


def test_the_network_page_shows_the_four_partners(demo, client):
    html = client.get("/network/").content.decode()
    for name in ("ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี", "เมืองพัทยา", "เทศบาลนครแหลมฉบัง"):
        assert name in html
    assert "Laem Chabang City Municipality" in client.get("/en/network/").content.decode()


def test_the_demo_editor_moderates(demo):
    editor = User.objects.get(username="editor")
    assert editor.check_password("demo")
    assert editor.groups.filter(name="ผู้ตรวจเนื้อหา").exists()


def test_the_demo_report_page_asks_the_network_form_in_thai_and_english(demo, client):
    thai = client.get("/report/").content.decode()
    assert "แจ้งพบคนไร้ที่พึ่งหรือคนขอทาน" in thai and "พบบุคคลนี้ที่ไหน" in thai
    assert "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล" in thai
    english = client.get("/en/report/").content.decode()
    assert "Where did you see the person?" in english and "Personal Data Protection Act" in english


def test_the_demo_has_an_article_awaiting_review(demo, client):
    title = SUBMITTED_ARTICLE["th"]["title"]
    article = NewsArticlePage.objects.get(slug=SUBMITTED_ARTICLE["slug"])
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    client.force_login(User.objects.get(username="editor"))
    html = client.get("/admin/").content.decode()
    assert "รอการตรวจของคุณ" in html and title in html
    client.force_login(User.objects.get(username="pattaya.comms"))
    html = client.get("/admin/").content.decode()
    assert "หน้าและส่วนย่อยของคุณที่อยู่ระหว่างการอนุมัติ" in html and title in html
