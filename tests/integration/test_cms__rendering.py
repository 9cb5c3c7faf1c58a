"""Pages render in Thai and English, with SEO and Open Graph tags and a language switcher."""

import re

import pytest

from partners.models import Partner
from tests.factories import PartnerFactory, ServiceAreaFactory
from tests.factories_cms import (  # noqa: F401 - fresh_cache is an autouse fixture
    campaign,
    english_home,
    fresh_cache,
    network_page,
    news_article,
    news_index,
    thai_home,
    translate,
)

pytestmark = pytest.mark.django_db


def meta(html: str, prop: str) -> str | None:
    found = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def links(html: str, rel: str) -> dict[str, str]:
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)"', html))


def test_home_page_renders_in_thai_at_the_root(client):
    campaign(title="ไม่ให้เงินคนขอทาน")
    news_article(title="ประชุมที่ศาลาว่าการเมืองพัทยา")
    html = client.get("/").content.decode()
    assert '<html lang="th">' in html
    assert "ไม่ให้เงินคนขอทาน" in html
    assert "ประชุมที่ศาลาว่าการเมืองพัทยา" in html
    assert 'href="tel:1300"' in html
    assert 'class="skip-link" href="#main"' in html


def test_home_page_renders_in_english_under_en(client):
    english_home()
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Hotline 1300" in html
    assert meta(html, "og:locale") == "en_US"


def test_news_article_renders_in_thai_and_english_with_its_buddhist_era_date(client):
    english_home()
    article = news_article(title="ข่าวภาษาไทย", slug="mou")
    translate(news_index(), title="News")
    translate(article, title="English news")
    thai = client.get("/news/mou/")
    english = client.get("/en/news/mou/")
    assert thai.status_code == english.status_code == 200
    assert "ข่าวภาษาไทย" in thai.content.decode()
    assert "6 สิงหาคม 2563" in thai.content.decode()
    assert "English news" in english.content.decode()
    assert "6 August 2020" in english.content.decode()


def test_open_graph_canonical_and_hreflang(client):
    english_home()
    article = news_article(
        title="ข่าว", slug="og", seo_title="หัวข้อ SEO", search_description="คำอธิบายสั้น"
    )
    translate(news_index(), title="News")
    translate(article, title="News in English")
    html = client.get("/news/og/").content.decode()
    assert meta(html, "og:title") == "หัวข้อ SEO"
    assert meta(html, "og:description") == "คำอธิบายสั้น"
    assert meta(html, "og:locale") == "th_TH"
    assert meta(html, "og:locale:alternate") == "en_US"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:image").startswith("http")
    assert "<title>หัวข้อ SEO" in html
    alternates = links(html, "alternate")
    assert alternates["th"].endswith("/news/og/")
    assert alternates["en"].endswith("/en/news/og/")
    assert alternates["x-default"] == alternates["th"]
    assert re.search(r'<link rel="canonical" href="http[^"]*/news/og/">', html)


def test_language_switcher_links_to_the_translation(client):
    english_home()
    article = news_article(slug="switch")
    translate(news_index(), title="News")
    translate(article, title="Switch")
    html = client.get("/news/switch/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert re.search(r'href="[^"]*/en/news/switch/"', switcher)
    assert 'aria-current="true" lang="th"' in switcher
    english = client.get("/en/news/switch/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', english, re.S).group(0)
    # Relative, so the switch works on whatever host serves the site (the Site record may differ).
    assert 'href="/news/switch/"' in switcher


def test_language_switcher_falls_back_to_the_home_page_of_the_other_language(client):
    english_home()
    news_article(slug="thai-only")
    html = client.get("/news/thai-only/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/en/"' in switcher
    assert 'hreflang="en" href' not in html.split("</head>")[0]


def test_search_page_switches_language_on_the_same_query(client):
    html = client.get("/search/?q=1300").content.decode()
    assert 'href="/en/search/?q=1300"' in html


def test_campaign_page_shows_its_audiences_and_call_to_action(client):
    campaign(
        slug="schools",
        for_communities=False,
        for_schools=True,
        for_families=True,
        call_to_action_text="โทร 1300",
        call_to_action_link="tel:1300",
    )
    html = client.get("/schools/").content.decode()
    assert 'href="tel:1300">โทร 1300</a>' in html
    assert "ครอบครัว" in html and "โรงเรียน" in html


def test_network_page_lists_active_partners_with_area_names_and_contacts(client):
    active = PartnerFactory(name_th="เมืองพัทยา", name_en="Pattaya City", phone="038 253 100")
    ServiceAreaFactory(partner=active, code="200402")
    PartnerFactory(name_th="หน่วยงานเลิกร่วมงาน", is_active=False)
    page = network_page()
    english_home()
    translate(page, title="Network")
    html = client.get("/network/").content.decode()
    assert "เมืองพัทยา" in html
    assert "ต.หนองปรือ อ.บางละมุง จ.ชลบุรี" in html
    assert 'href="tel:038 253 100"' in html
    assert "หน่วยงานเลิกร่วมงาน" not in html
    english = client.get("/en/network/").content.decode()
    assert "Pattaya City" in english and "Nong Prue" in english


def test_network_page_cache_follows_partner_changes(client):
    partner = PartnerFactory(name_th="ชื่อเดิม")
    network_page()
    assert "ชื่อเดิม" in client.get("/network/").content.decode()
    Partner.objects.filter(pk=partner.pk).update(name_th="ไม่ควรเห็น")  # no signal: cached
    assert "ชื่อเดิม" in client.get("/network/").content.decode()
    partner.refresh_from_db()
    partner.name_th = "ชื่อใหม่"
    partner.save()
    assert "ชื่อใหม่" in client.get("/network/").content.decode()


def test_sitemap_lists_both_languages_and_robots_points_to_it(client):
    english_home()
    article = news_article(slug="in-sitemap")
    translate(news_index(), title="News")
    translate(article, title="In the sitemap")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/news/in-sitemap/</loc>" in xml
    assert "/en/news/in-sitemap/</loc>" in xml
    assert re.search(r"<loc>http[^<]*/en/</loc>", xml)
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots


def test_lead_image_carries_its_alt_text_or_is_marked_decorative(client):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="ภาพ", file=get_test_image_file())
    alt = {"image": image.pk, "alt_text": "ผู้บริหารสี่หน่วยงานร่วมลงนาม", "decorative": False}
    news_article(slug="with-image", lead_image=[{"type": "image", "value": alt}])
    decorative = {"image": image.pk, "alt_text": "", "decorative": True}
    news_article(slug="decorative", lead_image=[{"type": "image", "value": decorative}])
    html = client.get("/news/with-image/").content.decode()
    assert 'alt="ผู้บริหารสี่หน่วยงานร่วมลงนาม"' in html
    assert meta(html, "og:image:alt") == "ผู้บริหารสี่หน่วยงานร่วมลงนาม"
    assert 'alt=""' in client.get("/news/decorative/").content.decode()


def test_thai_home_page_uses_the_thai_catalogue(client):
    html = client.get("/").content.decode()
    assert "สายด่วน 1300" in html
    assert "ข้ามไปยังเนื้อหา" in html


def test_the_root_stays_thai_whatever_the_browser_asks(client):
    english_home()
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="th">' in html
