"""Every staff page is headed by its own title, never by Wagtail's "Home" crumb ("หน้าแรก"):
the notifications list and the public-report settings were."""

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member


def test_staff_pages_are_headed_by_their_own_title(page, partner):
    admin = member(Role.ADMINISTRATOR, partner=partner, username="heading.admin")
    admin_login(page, admin.username)
    for url, title in (
        ("/admin/notifications/", "การแจ้งเตือน"),
        ("/admin/reports/settings/", "การแจ้งเหตุจากประชาชน"),
        ("/admin/work/cases/999999/", "เปิดหน้านี้ไม่ได้"),
    ):
        page.goto(url)
        header = page.locator("header").first.inner_text()
        assert title in header and "หน้าแรก" not in header, (url, header)
