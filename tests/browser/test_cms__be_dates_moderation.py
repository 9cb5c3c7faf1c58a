"""In the browser, in Thai: a communications officer sets a news article's date in the Buddhist
era and submits it for moderation; the editor reviews it on moderation screens that read in Thai.
And at a phone's width the page editor's date field fits."""

import contextlib
import datetime as dt

from django.core.cache import cache
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from cms.demo import load_editor
from partners.models import Role
from tests.browser.conftest import admin_login
from tests.english_text import data_pattern, english_in, page_texts
from tests.factories import member
from tests.factories_cms import news_article, site_baseline


def open_footer_menu(page) -> None:
    page.locator("footer .w-dropdown__toggle").click()


def type_date(page, value: str) -> None:
    """Types a date and closes Wagtail's calendar. The calendar opens a moment after the field
    gets focus, so a click elsewhere at once can land before it opens and leave it covering the
    footer: wait for it to open, then for it to close."""
    page.locator("#id_date").fill(value)
    calendar = page.locator(".xdsoft_datetimepicker:visible")
    with contextlib.suppress(PlaywrightTimeout):  # when it does not open, there is nothing to close
        calendar.first.wait_for(timeout=2000)
    page.locator("#id_title").click()
    calendar.first.wait_for(state="hidden")


def setup_article():
    cache.clear()
    site_baseline()
    member(Role.COMMUNICATIONS, username="comms")
    load_editor()
    return news_article(title="ข่าวการประชุมเครือข่าย", date=dt.date(2026, 11, 26))


def test_a_buddhist_era_date_goes_through_moderation_in_thai(page):
    article = setup_article()
    admin_login(page, "comms")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    date = page.locator("#id_date")
    assert date.input_value() == "2569-11-26"
    date.click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    assert "2569" in picker.locator(".xdsoft_year").inner_text()

    # A Christian-era year is refused with a message, and nothing is saved.
    type_date(page, "2026-12-02")
    page.click("footer button[type=submit]:not([name])")
    message = page.locator(".error-message").filter(has_text="ปีคริสต์ศักราช")
    message.first.wait_for()
    assert "2569" in message.first.inner_text()
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().date == dt.date(2026, 11, 26)

    type_date(page, "2569-12-02")
    open_footer_menu(page)
    page.click("footer button[name=action-submit]")
    page.wait_for_url(f"**/admin/pages/{article.get_parent().pk}/")
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().date == dt.date(2026, 12, 2)
    assert article.current_workflow_state.status == "in_progress"

    page.context.clear_cookies()
    admin_login(page, "editor", "demo")
    data = data_pattern()
    assert "รอการตรวจของคุณ" in page.locator("main").inner_text()
    assert article.title in page.locator("main").inner_text()
    assert not english_in(page_texts(page.content()), data)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    assert page.locator("#id_date").input_value() == "2569-12-02"
    open_footer_menu(page)
    assert page.locator("footer button[data-workflow-action-name=approve]").first.is_visible()
    leftovers = english_in(page_texts(page.content()), data)
    assert not leftovers, leftovers


def test_the_date_field_fits_a_phone(phone_page):
    article = setup_article()
    admin_login(phone_page, "comms")
    phone_page.goto(f"/admin/pages/{article.pk}/edit/")
    date = phone_page.locator("#id_date")
    date.scroll_into_view_if_needed()
    assert date.is_visible()
    box = date.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert date.input_value() == "2569-11-26"
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
