"""Admin lists on a phone (390 px): a table wider than the screen scrolls sideways inside itself
instead of being cut off by the page, and the outcomes' names keep a readable width."""

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member

CLIPPED = """() => Array.from(document.querySelectorAll('main table.listing')).filter(t => {
    const r = t.getBoundingClientRect();
    return r.width > 2 && r.right > innerWidth + 1 && getComputedStyle(t).overflowX !== 'auto';
}).length"""


def test_wide_admin_tables_scroll_inside_themselves_and_outcome_names_stay_readable(
    phone_page, partner
):
    admin = member(Role.ADMINISTRATOR, partner=partner, username="phone.admin")
    admin_login(phone_page, admin.username)
    for url in ("/admin/outcomes/", "/admin/processes/", "/admin/people/"):
        phone_page.goto(url)
        assert phone_page.evaluate(CLIPPED) == 0, url
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390, url
    phone_page.goto("/admin/outcomes/")
    name = phone_page.locator("main table.listing td.title").first
    assert name.bounding_box()["width"] >= 160  # 11rem, not one word per line
