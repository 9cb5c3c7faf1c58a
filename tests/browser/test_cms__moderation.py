"""In the browser: a communications user submits a news article, the editor approves, it is live."""

from django.core.cache import cache
from playwright.sync_api import expect

from cms.demo import load_editor
from cms.models import NewsArticlePage
from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member
from tests.factories_cms import news_index, site_baseline

TITLE = "เครือข่ายประชุมติดตามผลการช่วยเหลือคนขอทาน"


def open_footer_menu(page) -> None:
    page.locator("footer .w-dropdown__toggle").click()


def test_a_news_article_goes_live_through_moderation(transactional_db, page):
    cache.clear()
    site_baseline()
    index = news_index()
    member(Role.COMMUNICATIONS, username="comms")
    load_editor()

    admin_login(page, "comms")
    page.goto(f"/admin/pages/add/cms/newsarticlepage/{index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_introduction", "สรุปผลการติดตามในเดือนนี้")
    # Wagtail fills the slug from the title in the browser; submitting before it has would fail.
    # (Not wait_for_function: its string predicate is an eval, which the page's CSP refuses.)
    expect(page.locator("#id_slug")).not_to_have_value("")
    open_footer_menu(page)
    page.click("footer button[name=action-submit]")
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    article = NewsArticlePage.objects.get(title=TITLE)
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    assert page.request.get(f"{page.base_url}{article.url}").status == 404

    page.context.clear_cookies()
    admin_login(page, "editor", "demo")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    open_footer_menu(page)
    page.click(
        "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    article.refresh_from_db()
    assert article.live

    page.context.clear_cookies()
    page.goto(article.url)
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator("html").get_attribute("lang") == "th"
