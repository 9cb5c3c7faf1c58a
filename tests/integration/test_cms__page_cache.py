"""The whole-page cache of the public site: kept for anonymous visitors, stale at once after any
change to what a page shows, never for sessions, forms, previews or the admin; ETag and 304s."""

import datetime as dt
import os
import socket
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ContentPage, SiteFooter
from partners.models import Role, ServiceArea
from tests.factories import PartnerFactory, member
from tests.factories_cms import (
    campaign,
    content_page,
    default_site,
    english_home,
    network_page,
    news_article,
    news_index,
    publish,
    report_page,
    thai_home,
    translate,
)
from tests.factories_reports import report_network

pytestmark = pytest.mark.django_db


def get(client: Client, url: str, **headers):
    """The response and whether it came from the page cache (no database query at all)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries) == 0


def html(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def cached(client: Client, url: str) -> bool:
    """Two reads: the second comes from the cache."""
    client.get(url)
    return get(client, url)[1]


def test_a_second_anonymous_read_makes_no_database_query(client, django_assert_num_queries):
    english_home()
    news_article(title="ข่าวแรก")
    first = client.get("/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Cache-Control"] == "no-cache"
    assert "Cookie" in second["Vary"]  # staff see Wagtail's bar: caches on the way keep apart
    assert "Content-Security-Policy" in second


def test_publishing_then_reading_at_once_shows_the_change(client):
    home = thai_home()
    assert cached(client, "/")
    home.title = "หน้าแรกฉบับใหม่"
    publish(home)
    assert "หน้าแรกฉบับใหม่" in html(client, "/")


def test_publishing_through_the_admin_then_reading_at_once(client):
    """An editor publishes in the Wagtail admin (Thai); an anonymous visitor reads right after."""
    article = news_article(title="ข่าวเดิม", slug="edited")
    assert cached(client, "/news/edited/") and cached(client, "/news/")
    editor = Client()
    editor.force_login(member(Role.ADMINISTRATOR, is_superuser=True))
    data = nested_form_data(
        {
            "title": "ข่าวที่แก้แล้ว",
            "slug": "edited",
            "date": "2569-11-26",  # the Buddhist era: the admin is in Thai
            "introduction": "บทนำใหม่",
            "lead_image": streamfield([]),
            "body": streamfield([("paragraph", rich_text("<p>เนื้อหาใหม่</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "1"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "ข่าวที่แก้แล้ว" in html(client, "/news/edited/")
    assert "ข่าวที่แก้แล้ว" in html(client, "/news/")


@pytest.mark.parametrize(
    "change",
    ["new article", "unpublish", "move", "delete", "slug", "draft saved is not shown"],
)
def test_page_changes_purge_the_pages_that_show_them(client, change):
    index = news_index()
    article = news_article(index=index, title="ข่าวที่หนึ่ง", slug="one")
    other = content_page(title="หน้าอื่น", slug="other")
    assert cached(client, "/") and cached(client, "/news/")
    if change == "new article":
        news_article(index=index, title="ข่าวที่สอง", slug="two")
        assert "ข่าวที่สอง" in html(client, "/") and "ข่าวที่สอง" in html(client, "/news/")
    elif change == "unpublish":
        article.unpublish()
        assert "ข่าวที่หนึ่ง" not in html(client, "/")
        assert client.get("/news/one/").status_code == 404
    elif change == "move":
        assert cached(client, "/news/one/")
        Page.objects.get(pk=article.pk).move(other, pos="last-child")
        assert "ข่าวที่หนึ่ง" not in html(client, "/news/")
        assert client.get("/news/one/").status_code == 301  # Wagtail's redirect to the new place
        assert "ข่าวที่หนึ่ง" in html(client, "/other/one/")
    elif change == "delete":
        assert cached(client, "/news/one/")
        Page.objects.get(pk=article.pk).delete()
        assert "ข่าวที่หนึ่ง" not in html(client, "/")
        assert client.get("/news/one/").status_code == 404
    elif change == "slug":
        assert cached(client, "/news/one/")
        article.slug = "first"
        publish(article)
        assert client.get("/news/one/").status_code == 404
        assert "/news/first/" in html(client, "/")
    else:
        article.title = "ร่างที่ยังไม่เผยแพร่"
        article.save_revision()
        assert "ร่างที่ยังไม่เผยแพร่" not in html(client, "/news/one/")


def test_campaigns_on_the_home_page(client):
    assert cached(client, "/")
    campaign(title="รณรงค์ใหม่", slug="new-campaign")
    assert "รณรงค์ใหม่" in html(client, "/")


def test_a_campaign_that_ended_yesterday_leaves_the_home_page_the_next_day(client):
    today = dt.date(2026, 12, 5)
    with mock.patch("django.utils.timezone.localdate", return_value=today):
        campaign(title="รณรงค์สั้น", slug="short", ends_on=today)
        assert "รณรงค์สั้น" in html(client, "/")
        assert cached(client, "/")
    with mock.patch("django.utils.timezone.localdate", return_value=today + dt.timedelta(days=1)):
        assert "รณรงค์สั้น" not in html(client, "/")


def test_partners_and_their_areas_purge_the_network_page(client):
    network_page()
    partner = PartnerFactory(name_th="เทศบาลทดสอบ")
    assert "เทศบาลทดสอบ" in html(client, "/network/")
    assert cached(client, "/network/")
    partner.phone = "038-999-999"
    partner.save()
    assert "038-999-999" in html(client, "/network/")
    assert cached(client, "/network/")
    ServiceArea.objects.create(partner=partner, code="2001")
    assert not get(client, "/network/")[1]
    assert cached(client, "/network/")
    partner.delete()
    assert "เทศบาลทดสอบ" not in html(client, "/network/")


def test_the_footer_setting_purges_every_page(client):
    footer = SiteFooter.for_site(default_site())
    assert cached(client, "/")
    footer.phone = "038-111-222"
    footer.save()
    assert "038-111-222" in html(client, "/")


def test_an_image_a_page_shows_purges_it_when_changed(client):
    image = Image.objects.create(title="ภาพ", file=get_test_image_file())
    lead = {"image": image.pk, "alt_text": "ภาพข่าว", "decorative": False}
    news_article(slug="pictured", lead_image=[{"type": "image", "value": lead}])
    assert cached(client, "/news/pictured/")
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 5
    image.save()
    assert not get(client, "/news/pictured/")[1]
    image.delete()
    assert not get(client, "/news/pictured/")[1]


def test_a_document_change_purges(client):
    from wagtail.documents.models import Document

    assert cached(client, "/")
    Document.objects.create(title="เอกสาร")
    assert not get(client, "/")[1]


def test_a_translation_published_changes_the_language_links(client):
    article = news_article(title="ข่าวไทย", slug="bilingual")
    english_home()
    assert cached(client, "/news/bilingual/")
    translate(news_index(), "en", title="News")
    translate(article, "en", title="English news")
    assert 'hreflang="en"' in html(client, "/news/bilingual/")


def test_a_view_restriction_added_hides_the_page_at_once(client):
    page = content_page(title="หน้าเปิด", slug="open")
    assert cached(client, "/open/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/open/")
    assert response.status_code == 302


def test_the_site_changing_purges(client):
    assert cached(client, "/")
    site = default_site()
    site.site_name = "ชื่อใหม่"
    site.save()
    assert not get(client, "/")[1]


def test_languages_and_hosts_are_kept_apart(client):
    english_home()
    thai = html(client, "/")
    english = html(client, "/en/")
    assert 'lang="th"' in thai and 'lang="en"' in english
    assert 'lang="th"' in html(client, "/") and 'lang="en"' in html(client, "/en/")
    other_root = Page.objects.get(depth=1).add_child(
        instance=Page(title="อีกไซต์", slug="other-site", locale=thai_home().locale)
    )
    Site.objects.create(hostname="other.example", root_page=other_root, port=80)
    news_article(title="ข่าวของไซต์หลัก")
    assert "ข่าวของไซต์หลัก" in html(client, "/")
    other = client.get("/", headers={"host": "other.example"})
    assert "ข่าวของไซต์หลัก" not in other.content.decode()


def test_shared_links_with_tracking_parameters_share_one_entry(client):
    assert cached(client, "/")
    response, from_cache = get(client, "/?fbclid=abc&utm_source=facebook")
    assert response.status_code == 200 and from_cache


def test_a_news_index_page_number_is_its_own_entry(client):
    index = news_index()
    for number in range(12):
        news_article(index=index, title=f"ข่าวลำดับ {number:02}", slug=f"n-{number}")
    first = html(client, "/news/")
    second = html(client, "/news/?page=2")
    assert first != second
    assert html(client, "/news/?page=2") == second


def test_conditional_requests_are_answered_304(client):
    first = client.get("/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    response, from_cache = get(client, "/", if_none_match=etag)
    assert response.status_code == 304 and from_cache
    assert client.get("/", headers={"if-modified-since": modified}).status_code == 304
    assert client.get("/", headers={"if-none-match": '"other"'}).status_code == 200
    home = thai_home()
    home.title = "เปลี่ยนแล้ว"
    publish(home)
    after = client.get("/", headers={"if-none-match": etag})
    assert after.status_code == 200 and after["ETag"] != etag


def test_a_fresh_render_answers_a_matching_conditional_request_304(client):
    etag = client.get("/")["ETag"]
    thai_home().save_revision()  # a draft: nothing shown changes, the entry is stale
    assert client.get("/", headers={"if-none-match": etag}).status_code == 304


def test_signed_in_staff_are_never_served_or_stored(client):
    assert cached(client, "/")
    staff = Client()
    staff.force_login(member(Role.ADMINISTRATOR, is_superuser=True))
    for _attempt in range(2):
        response, from_cache = get(staff, "/")
        assert not from_cache
        assert "wagtail-userbar" in response.content.decode()
    # the staff render (with the userbar) was not kept for the anonymous visitor
    assert "wagtail-userbar" not in html(client, "/")


def test_a_visitor_with_a_session_or_messages_is_not_served_from_the_cache(client):
    assert cached(client, "/")
    client.cookies["sessionid"] = "whatever"
    assert not get(client, "/")[1]
    del client.cookies["sessionid"]
    client.cookies["messages"] = "x"
    assert not get(client, "/")[1]


@pytest.mark.parametrize("url", ["/report/", "/search/?q=ข่าว", "/sitemap.xml", "/missing/"])
def test_the_report_page_search_sitemap_and_404s_are_never_kept(client, url):
    report_page()
    client.get(url)
    assert not get(client, url)[1]


def test_the_report_page_carries_its_own_csrf_token_each_time(client):
    report_network()
    report_page()
    first = client.get("/report/")
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    assert "ETag" not in first


def test_a_page_with_a_csrf_token_is_not_kept(client):
    """Any page that renders a form with a token (a future template, a block) stays uncached."""

    def serve_with_a_token(page, request, *args, **kwargs):
        return HttpResponse(get_token(request))

    content_page(title="ฟอร์ม", slug="form")
    with mock.patch.object(ContentPage, "serve", serve_with_a_token):
        client.get("/form/")
        assert not get(client, "/form/")[1]


def test_previews_and_the_admin_are_never_kept(client):
    home = thai_home()
    client.force_login(member(Role.ADMINISTRATOR, is_superuser=True))
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk])
    client.get(preview)
    assert not get(client, preview)[1]
    assert not get(client, "/admin/")[1]


def test_a_post_is_never_answered_from_the_cache(client):
    content_page(title="หน้า", slug="page")
    assert cached(client, "/page/")
    with CaptureQueriesContext(connection) as queries:
        client.post("/page/")
    assert len(queries) > 0


def test_a_bump_inside_a_transaction_is_repeated_when_it_commits(
    client, django_capture_on_commit_callbacks
):
    """A page another process renders between the change and its commit reads the old rows: it
    must not outlive the commit."""
    from cms.selectors import content_version

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        content_page(title="ก่อน", slug="race")
        between = content_version()  # what another process would key its render with
    assert callbacks
    assert content_version() != between


REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own, emptied by the tests


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(params=["database", "redis"])
def shared_cache(request, settings):
    """Production's shared backends: the database table, and Redis when it answers."""
    if request.param == "redis":
        if not _redis_reachable():
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    else:
        backend = {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "thiphueng_test_cache",
        }
    settings.CACHES = {"default": backend}
    if request.param == "database":
        call_command("createcachetable", verbosity=0)
    cache.clear()
    yield request.param
    cache.clear()


def test_a_shared_backend_serves_a_hit_in_one_cache_read(client, shared_cache):
    english_home()
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    assert response.status_code == 200 and 'lang="en"' in response.content.decode()
    # the database table: one SELECT of the version and the page together; Redis: none
    assert len(queries) == (1 if shared_cache == "database" else 0)
    home = thai_home()
    home.title = "เผยแพร่ผ่านแคชที่ใช้ร่วมกัน"
    publish(home)
    assert "เผยแพร่ผ่านแคชที่ใช้ร่วมกัน" in html(client, "/")


def test_a_publish_in_another_process_purges_this_ones_pages(client, shared_cache):
    """Nothing of the page cache lives in a process: a bump made by another process (here a
    `manage.py shell`, on Redis) makes this process render again."""
    if shared_cache != "redis":
        pytest.skip("another process cannot see this test's uncommitted database table")
    assert cached(client, "/")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment |= {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "REDIS_URL": REDIS_URL}
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [
            sys.executable,
            str(Path(__file__).resolve().parents[2] / "manage.py"),
            "shell",
            "-c",
            "from cms.services import content_version_bump; content_version_bump()",
        ],
        env=environment,
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert not get(client, "/")[1]
    assert get(client, "/")[1]


def test_a_head_request_is_answered_from_the_cache(client):
    assert cached(client, "/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/")
    assert response.status_code == 200 and not response.content
    assert len(queries) == 0 and response["ETag"]
