from partners.models import Partner
from tests.browser.conftest import admin_login
from tests.factories_partners import central_administrator


def test_central_administrator_picks_a_service_area_on_a_phone(transactional_db, phone_page):
    central_administrator(username="center.admin")
    page = phone_page
    admin_login(page, "center.admin")
    page.goto("/admin/partners/add/")
    page.fill("input[name=code]", "nong-prue")
    page.fill("input[name=name_th]", "เทศบาลเมืองหนองปรือ")
    page.select_option("select[name=kind]", "municipality")
    page.select_option("select[name=areas-0-province]", "20")
    page.wait_for_selector("select[name=areas-0-district] option[value='2004']", state="attached")
    page.select_option("select[name=areas-0-district]", "2004")
    page.wait_for_selector(
        "select[name=areas-0-subdistrict] option[value='200402']", state="attached"
    )
    page.select_option("select[name=areas-0-subdistrict]", "200402")
    page.click("[data-area-add]")
    page.select_option("select[name=areas-1-province]", "20")
    page.wait_for_selector("select[name=areas-1-district] option[value='2007']", state="attached")
    page.select_option("select[name=areas-1-district]", "2007")
    page.click("form button[type=submit]:has-text('บันทึก')")
    page.wait_for_url("**/admin/partners/")
    partner = Partner.objects.get(code="nong-prue")
    assert set(partner.service_areas.values_list("code", flat=True)) == {"200402", "2007"}
    assert "หนองปรือ" in page.content()


def test_language_switcher_in_the_sidebar(transactional_db, page):
    central_administrator(username="center.admin")
    admin_login(page, "center.admin")
    page.goto("/admin/partners/")
    with page.expect_navigation(url="**/admin/partners/"):
        page.click("#wagtail-sidebar form[action^='/admin/language/en/'] button")
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation(url="**/admin/partners/"):
        page.click("#wagtail-sidebar form[action^='/admin/language/th/'] button")
    assert page.locator("html").get_attribute("lang") == "th"
