"""A data protection officer at a phone's width, in Thai: sees who has seen a person, records a
breach with its 72-hour clock, and downloads what is held about the person."""

from django.utils import timezone

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member
from tests.factories_workspace import case_at


def test_an_officer_follows_a_person_and_records_a_breach(phone_page, partner):
    page = phone_page
    case = case_at(partner, first_name="มานี", last_name="มีใจ")
    member(Role.CASEWORKER, partner=partner, username="somchai", first_name="บุญชู")
    member(Role.DATA_PROTECTION, partner=partner, username="dpo")
    admin_login(page, "somchai")
    page.goto(f"/admin/work/cases/{case.pk}/")
    page.context.clear_cookies()
    admin_login(page, "dpo")
    page.goto("/admin/work/access-log/")
    page.get_by_role("link", name=f"ใครเข้าดูผู้รับบริการ #{case.client_id}").first.click()
    seen = page.locator("[data-access-records]").inner_text()
    assert "บุญชู" in seen and case.reference in seen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="คำขอของเจ้าของข้อมูล").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="ดาวน์โหลด (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")
    page.goto("/admin/work/breaches/add/")
    page.fill("input[name=summary]", "แฟ้มเอกสารหาย")
    page.fill("textarea[name=description]", "แฟ้มรายชื่อผู้รับบริการหายจากรถ")
    page.click("input[name=discovered_at]")  # the calendar opens, in the Buddhist era
    calendar = page.locator(".xdsoft_datetimepicker:visible")
    assert str(timezone.localdate().year + 543) in calendar.inner_text()
    page.fill("input[name=discovered_at]", "2569-01-01 09:00")
    page.fill("input[name=client_numbers]", str(case.client_id))
    page.locator("form.ws-form button[type=submit]").click()
    page.wait_for_url("**/breaches/*/")
    assert "เกิน 72 ชั่วโมงแล้ว" in page.locator("[data-breach-clock]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
