"""A supervisor goes from the client import to the case import, downloads its template, fills
three cases (one naming a client that is not registered), sees the problem in the preview, fixes
it, imports, and finds the cases on the clients' pages; the same on a phone, without sideways
scrolling."""

from pathlib import Path

import pytest

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.browser.test_imports__clients import filled
from tests.factories import PartnerFactory, member
from tests.factories_workflows import client_at, screening_process
from workflows.models import Case

KNOWN_ID = "1101700230708"
UNKNOWN_ID = "3100600423216"


def rows(first_id: str) -> list[list]:
    return [
        ["ก/1", first_id, "", "คัดกรอง", "", "ช่วยเหลือในชุมชน", "5/9/2562", "6/8/2563"],
        ["ก/2", "", "ทบ/2", "คัดกรอง", "ประเมิน", "", "1 ม.ค. 2567", ""],
        ["ก/3", "", "ทบ/3", "คัดกรอง", "", "", "๒/๙/๒๕๖๗", ""],
    ]


@pytest.fixture(params=[("page", 1280), ("phone_page", 390)], ids=["1280", "390"])
def sized_page(request, browser_db):
    name, width = request.param
    browser_page = request.getfixturevalue(name)
    if name == "page":
        browser_page.set_viewport_size({"width": width, "height": 900})
    return browser_page, width


def test_a_supervisor_imports_cases_from_the_template(sized_page):
    page, width = sized_page
    partner = PartnerFactory()
    screening_process(partner)
    known = client_at(partner, national_id=KNOWN_ID, first_name="สมปอง")
    client_at(partner, source_reference="ทบ/2", first_name="บัวผัน")
    client_at(partner, source_reference="ทบ/3", first_name="ประยูร")
    member(Role.SUPERVISOR, partner=partner, username="dao")
    admin_login(page, "dao")
    page.goto("/admin/work/clients/import/")
    page.click("text=นำเข้ากรณี")
    page.wait_for_url("**/admin/work/imports/cases/")
    with page.expect_download() as download:
        page.click("text=ดาวน์โหลดแบบฟอร์มตัวอย่าง (Excel)")
    template = Path(download.value.path()).read_bytes()

    page.set_input_files("input[name=file]", filled(template, rows(UNKNOWN_ID)))
    page.click("text=ตรวจสอบไฟล์")
    problems = page.locator("#import-problems").inner_text()
    assert "2" in problems and "นำเข้าผู้รับบริการก่อน" in problems
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not Case.objects.exists()

    page.set_input_files("input[name=file]", filled(template, rows(KNOWN_ID)))
    page.click("text=ตรวจสอบไฟล์")
    assert page.locator("[data-count=new]").inner_text() == "3"
    page.click("text=นำเข้า 3 แถว")
    page.wait_for_selector("text=นำเข้า 3 แถวไปยัง")
    assert Case.objects.filter(partner=partner).count() == 3
    page.goto(f"/admin/work/clients/{known.pk}/")
    assert "ช่วยเหลือในชุมชน" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
