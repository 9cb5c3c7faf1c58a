"""Pages of the public site for tests: the Thai home comes from cms migration 0003."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core.cache import cache
from wagtail.models import Collection, Locale, Page, Site

from cms.demo.content import paragraphs
from cms.models import (
    CampaignPage,
    ContentPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    PartnerNetworkPage,
    ReportPage,
)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Fragment caches outlive a test's rolled-back pages (whose ids the next test may reuse)."""
    cache.clear()
    yield
    cache.clear()


def site_baseline() -> None:
    """What the migrations made (root, Thai home, groups, moderation), again after a flush.

    A transactional test (live server) flushes the database, migration data included.
    """
    thai = locale("th")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="หน้าบนสุด", slug="root", locale=thai))
    if not Collection.objects.exists():
        Collection.add_root(name="คลังหลัก")
    importlib.import_module("cms.migrations.0003_home_page").create_home_page(apps, None)
    importlib.import_module("cms.migrations.0004_site_permissions").site_permissions_grant(apps)
    importlib.import_module("cms.migrations.0007_wagtail_names_in_thai").wagtail_names_in_thai(apps)


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def thai_home() -> HomePage:
    return HomePage.objects.get(locale=locale("th"))


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent: Page, model: type[Page], **fields) -> Page:
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-")[:50])
    page = parent.add_child(instance=model(locale=parent.locale, **fields))
    return publish(page)


def translate(page: Page, code: str = "en", **fields) -> Page:
    translation = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def english_home() -> HomePage:
    home = thai_home()
    return home.get_translation_or_none(locale("en")) or translate(home, title="Thiphueng")


def news_index(home: HomePage | None = None) -> NewsIndexPage:
    home = home or thai_home()
    existing = NewsIndexPage.objects.child_of(home).first()
    return existing or add_page(home, NewsIndexPage, title="ข่าวสาร", slug="news")


def news_article(index: NewsIndexPage | None = None, **fields) -> NewsArticlePage:
    fields.setdefault("title", "ข่าวทดสอบ")
    fields.setdefault("slug", f"news-{NewsArticlePage.objects.count() + 1}")
    fields.setdefault("date", dt.date(2020, 8, 6))
    fields.setdefault("introduction", "บทนำของข่าว")
    fields.setdefault("body", paragraphs("ปัญหาคนขอทานในชุมชนเป็นเรื่องที่ทุกคนช่วยได้"))
    return add_page(index or news_index(), NewsArticlePage, **fields)


def campaign(home: HomePage | None = None, **fields) -> CampaignPage:
    fields.setdefault("title", "รณรงค์ทดสอบ")
    fields.setdefault("slug", f"campaign-{CampaignPage.objects.count() + 1}")
    fields.setdefault("for_communities", True)
    return add_page(home or thai_home(), CampaignPage, **fields)


def network_page(home: HomePage | None = None) -> PartnerNetworkPage:
    return add_page(home or thai_home(), PartnerNetworkPage, title="เครือข่าย", slug="network")


def content_page(parent: Page | None = None, **fields) -> ContentPage:
    fields.setdefault("title", "เกี่ยวกับเรา")
    return add_page(parent or thai_home(), ContentPage, **fields)


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def report_page(home: HomePage | None = None, **fields) -> ReportPage:
    fields.setdefault("title", "แจ้งพบคนไร้ที่พึ่ง")
    fields.setdefault("slug", "report")
    fields.setdefault("introduction", "<p>บอกเราว่าพบบุคคลนี้ที่ไหน</p>")
    fields.setdefault("privacy_notice", "<p>ประกาศความเป็นส่วนตัว ข้อมูลส่งถึงหน่วยงานในพื้นที่เท่านั้น</p>")
    fields.setdefault("thank_you_text", "<p>ขอบคุณที่แจ้ง</p>")
    return add_page(home or thai_home(), ReportPage, **fields)
