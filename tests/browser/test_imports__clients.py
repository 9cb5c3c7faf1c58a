"""A supervisor downloads the template, fills five rows (one with a bad national ID), sees the
error in the preview, fixes it, imports, and finds the clients."""

import io
from pathlib import Path

import openpyxl

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import PartnerFactory, member
from workflows.models import Client

ROWS = [
    ["ทบ/1", "1-1017-00230-70-8", "", "", "สมปอง", "รักดี", "", "", "ชาย", "", "6/8/2523"],
    ["ทบ/2", "", "", "", "บัวผัน", "ทองดี", "", "", "หญิง", "", "06-08-23"],
    ["ทบ/3", "", "", "", "ประยูร", "ศรีสุข", "", "", "ชาย", "", "6 ส.ค. 2510"],
    ["ทบ/4", "", "", "", "มาลัย", "ใจงาม", "", "", "หญิง", "", ""],
    ["ทบ/5", "3100600423212", "", "", "ทองคำ", "มีสุข", "", "", "ชาย", "", ""],
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIXED_ID = "3100600423216"


def filled(template: bytes, rows) -> dict:
    book = openpyxl.load_workbook(io.BytesIO(template))
    for row in rows:
        book.worksheets[0].append(row)
    output = io.BytesIO()
    book.save(output)
    return {"name": "register.xlsx", "mimeType": XLSX, "buffer": output.getvalue()}


def test_a_supervisor_imports_a_register_from_the_template(transactional_db, page):
    partner = PartnerFactory()
    member(Role.SUPERVISOR, partner=partner, username="dao")
    admin_login(page, "dao")
    page.goto("/admin/work/clients/")
    page.click("text=นำเข้าผู้รับบริการ")
    page.wait_for_url("**/admin/work/clients/import/")
    with page.expect_download() as download:
        page.click("text=ดาวน์โหลดแบบฟอร์มตัวอย่าง (Excel)")
    template = Path(download.value.path()).read_bytes()

    page.set_input_files("input[name=file]", filled(template, ROWS))
    page.click("text=ตรวจสอบไฟล์")
    problems = page.locator("#import-problems")
    assert "6" in problems.inner_text() and "หลักสุดท้าย" in problems.inner_text()
    assert not Client.objects.exists()

    ROWS[4][1] = FIXED_ID
    page.set_input_files("input[name=file]", filled(template, ROWS))
    page.click("text=ตรวจสอบไฟล์")
    assert page.locator("[data-count=new]").inner_text() == "5"
    page.click("text=นำเข้า 5 แถว")
    page.wait_for_url("**/admin/work/clients/")
    assert "ทองคำ" in page.content() and "บัวผัน" in page.content()
    assert Client.objects.filter(registered_by=partner).count() == 5
