"""Wagtail's own admin chrome reads in Thai, where Wagtail's Thai catalogue falls short."""

from partners.models import Role
from tests.factories import member


def test_the_admin_sidebar_and_skip_link_are_in_thai(client, partner):
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    html = client.get("/admin/").content.decode()
    assert "ข้ามไปยังเนื้อหาหลัก" in html
    assert "Skip to main content" not in html
