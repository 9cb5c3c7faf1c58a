"""On a phone, in Thai: a member of the public reports a person in Pattaya, gets a reference, and
Pattaya's caseworker finds the urgent task in the queue; a report in Laem Chabang lands there."""

from django.core.cache import cache

from partners.demo import DEMO_PASSWORD, demo_username
from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories_cms import report_page, site_baseline
from tests.factories_reports import report_network
from workflows.models import PublicReport


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def fill_report(page, *, district: str, subdistrict: str, description: str, danger: bool):
    page.goto("/report/")
    assert no_sideways_scroll(page)
    page.select_option("select[name=location_0]", label="ชลบุรี")
    page.select_option("select[name=location_1]", label=district)
    page.select_option("select[name=location_2]", label=subdistrict)
    page.fill("input[name=location_5]", "หน้าร้านสะดวกซื้อ")
    page.fill("textarea[name=description]", description)
    page.check(f"input[name=in_danger][value={'yes' if danger else 'no'}]")
    assert page.locator("[data-privacy-notice]").is_visible()
    page.click(".report-send")
    page.wait_for_url("**/report/thanks/")
    reference = page.locator("[data-report-reference]").inner_text().strip()
    assert page.locator("a[href='tel:1300']").first.is_visible()
    assert no_sideways_scroll(page)
    return reference


def test_reports_from_a_phone_reach_the_partner_of_the_place(transactional_db, phone_page):
    cache.clear()
    site_baseline()
    network = report_network()
    report_page()
    page = phone_page

    reference = fill_report(
        page,
        district="บางละมุง",
        subdistrict="หนองปรือ",
        description="ชายสูงอายุนอนอยู่ริมถนน ดูเหมือนไม่สบาย",
        danger=True,
    )
    report = PublicReport.objects.get(reference=reference)
    assert report.case.partner == network["pattaya"] and report.urgent

    page.context.clear_cookies()
    admin_login(page, demo_username("pattaya", Role.CASEWORKER), DEMO_PASSWORD)
    page.goto("/admin/work/queue/")
    card = page.locator("[data-task]", has_text=report.case.reference)
    assert card.count() == 1
    assert "ws-card--urgent" in card.get_attribute("class")
    assert card.locator(".ws-badge--urgent").is_visible()

    page.context.clear_cookies()
    second = fill_report(
        page,
        district="ศรีราชา",
        subdistrict="ทุ่งสุขลา",
        description="เด็กขอทานอยู่หน้าตลาด",
        danger=False,
    )
    assert PublicReport.objects.get(reference=second).case.partner == network["laem-chabang"]
