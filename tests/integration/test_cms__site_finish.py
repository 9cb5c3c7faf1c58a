"""The public site looks finished: emblem and favicon, a footer saying who runs it and how to
reach them, where the reader is in the menu, and a sitemap with the address it is served at."""

import re

import pytest
from wagtail.models import Site

from cms.demo import load as cms_demo_load
from cms.models import SiteFooter
from partners import demo as partners_demo
from tests.factories_cms import english_home, fresh_cache, network_page, news_article  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(db):
    partners = partners_demo.load()
    return cms_demo_load(partners=partners)


def test_every_page_has_the_emblem_the_favicon_and_a_footer_with_contact_and_privacy(
    client, demo_site
):
    html = client.get("/").content.decode()
    assert 'class="brand__logo"' in html and 'rel="icon"' in html
    assert "อำเภอเมืองชลบุรี" in html and 'href="tel:1300"' in html
    assert 'href="/privacy/"' in html and "นโยบายความเป็นส่วนตัว" in html
    english = client.get("/en/").content.decode()
    assert "Mueang Chon Buri" in english and 'href="/en/privacy/"' in english
    assert client.get("/privacy/").status_code == 200
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.ico")


def test_the_footer_follows_what_an_editor_sets(client, demo_site):
    client.get("/")
    footer = SiteFooter.for_site(Site.objects.get(is_default_site=True))
    footer.phone = "038 111 222"
    footer.save()
    assert 'href="tel:038111222"' in client.get("/").content.decode()


def test_the_menu_marks_where_the_reader_is(client, demo_site):
    html = client.get("/news/").content.decode()
    current = re.findall(r'<a href="([^"]+)" aria-current="(\w+)"', html)
    assert current == [("/news/", "page")]
    article = client.get("/news/mou-pattaya-2020/").content.decode()
    assert re.findall(r'<a href="([^"]+)" aria-current="(\w+)"', article) == [("/news/", "true")]


def test_demo_pages_have_pictures_with_thai_alt_text(client, demo_site):
    html = client.get("/").content.decode()
    assert re.search(r'<img[^>]+alt="ภาพวาด[^"]+"', html)
    assert re.search(
        r'<img[^>]+alt="ภาพวาด', client.get("/news/mou-pattaya-2020/").content.decode()
    )


def test_the_network_page_shows_every_partners_phone_and_full_area_names(client, demo_site):
    html = client.get("/network/").content.decode()
    for phone in ("1300", "1337", "038 490 500", "038 322 100"):
        assert f'href="tel:{phone}"' in html
    assert "ต.หนองปรือ อ.บางละมุง จ.ชลบุรี" in html


def test_the_sitemap_uses_the_address_it_is_served_at_until_the_site_is_named(client, demo_site):
    xml = client.get("/sitemap.xml", HTTP_HOST="thiphueng.example.org").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert locations and all(u.startswith("http://thiphueng.example.org/") for u in locations)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.thiphueng.go.th", 443
    site.save()
    xml = client.get("/sitemap.xml", HTTP_HOST="www.thiphueng.go.th").content.decode()
    assert all(
        u.startswith("https://www.thiphueng.go.th/") for u in re.findall(r"<loc>([^<]+)</loc>", xml)
    )
