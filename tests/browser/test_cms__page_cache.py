"""In the browser: an editor publishes in the Thai admin, and a visitor who had the page cached
reads the new version at once, on a desktop and on a phone. The live server commits, so the
purge on commit is what is tested here."""

from playwright.sync_api import expect

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member
from tests.factories_cms import news_article, news_index, site_baseline

OLD = "ประชุมเครือข่ายประจำเดือน"
NEW = "ประชุมเครือข่ายประจำเดือน ฉบับแก้ไข"


def visitor(chromium, live_server, **options):
    context = chromium.new_context(locale="th-TH", base_url=live_server.url, **options)
    context.set_default_timeout(15_000)
    return context.new_page()


def test_a_published_change_is_read_at_once_by_visitors_who_had_it_cached(
    page, chromium, live_server
):
    site_baseline()
    article = news_article(index=news_index(), title=OLD, slug="meeting")
    desktop = visitor(chromium, live_server, viewport={"width": 1280, "height": 800})
    phone = visitor(
        chromium,
        live_server,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    for reader in (desktop, phone):
        for _visit in range(2):  # the second visit is served from the page cache
            reader.goto("/news/meeting/")
            expect(reader.locator("h1")).to_have_text(OLD)
        reader.goto("/")
        expect(reader.locator("main")).to_contain_text(OLD)

    member(Role.ADMINISTRATOR, username="admin", is_superuser=True)
    admin_login(page, "admin")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.fill("#id_title", NEW)
    page.locator("footer .w-dropdown__toggle").click()
    page.click("footer button[name=action-publish]")
    page.wait_for_url(f"**/admin/pages/{news_index().pk}/")
    expect(page.locator(".messages")).to_contain_text("เผยแพร่")

    for reader in (desktop, phone):
        reader.goto("/news/meeting/")
        expect(reader.locator("h1")).to_have_text(NEW)
        reader.reload()  # revalidated (ETag): still the new version
        expect(reader.locator("h1")).to_have_text(NEW)
        reader.goto("/")
        expect(reader.locator("main")).to_contain_text(NEW)
        assert reader.locator("html").get_attribute("lang") == "th"
        assert reader.locator(".wagtail-userbar, wagtail-userbar").count() == 0
    # the editor, signed in, sees the page with Wagtail's bar (never a cached copy)
    page.goto("/news/meeting/")
    expect(page.locator("h1")).to_have_text(NEW)
    assert page.locator("wagtail-userbar, [data-wagtail-userbar]").count() >= 1
    desktop.context.close()
    phone.context.close()
