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
    # The import's own page, with the counts and a Thai message; from it, the clients.
    page.wait_for_url("**/admin/work/clients/imports/*/")
    assert "นำเข้า 5 แถวให้" in page.content()
    assert page.locator("[data-count=new]").inner_text() == "5"
    page.click("#import-done-link")
    page.wait_for_url("**/admin/work/clients/")
    assert "ทองคำ" in page.content() and "บัวผัน" in page.content()
    assert Client.objects.filter(registered_by=partner).count() == 5


def test_a_large_register_shows_its_progress_on_a_phone_and_is_confirmed(
    transactional_db, phone_page, tmp_path
):
    """The page polls the progress (a static script, no inline code), moves the bar, shows the
    result when the check is over, and imports on confirmation; the import is listed."""
    from django.core.files.base import ContentFile
    from playwright.sync_api import expect

    from forms_builder.models import private_storage
    from tests.integration.test_imports__clients import ROWS as CSV_ROWS
    from tests.integration.test_imports__clients import csv_bytes
    from workflows.models import ClientImport
    from workflows.services.import_runs import import_run_now

    partner = PartnerFactory()
    supervisor = member(Role.SUPERVISOR, partner=partner, username="kaew")
    # The file kept as client_import_start keeps it, not yet handed to a worker.
    path = private_storage().save("imports/background/b.csv", ContentFile(csv_bytes(CSV_ROWS)))
    record = ClientImport.objects.create(
        partner=partner, created_by=supervisor, file_name="ทะเบียน.csv", file_path=path, total=3
    )
    page = phone_page
    admin_login(page, "kaew")
    page.goto(f"/admin/work/clients/imports/{record.pk}/")
    assert "กำลังตรวจสอบ" in page.locator("#import-status").inner_text()
    ClientImport.objects.filter(pk=record.pk).update(done=1, started_at=record.created_at)
    expect(page.locator("#import-progress-text")).to_contain_text("1 จาก 3 แถว")
    assert page.locator("#import-progress").get_attribute("max") == "3"
    import_run_now(import_id=record.pk)
    page.wait_for_selector("text=นำเข้า 3 แถว")
    assert page.locator("[data-count=new]").inner_text() == "3"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.click("text=นำเข้า 3 แถว")
    page.wait_for_selector("#import-status[data-status=done]")
    assert Client.objects.filter(registered_by=partner).count() == 3
    page.goto("/admin/work/clients/imports/")
    assert "ทะเบียน.csv" in page.locator("#import-runs").inner_text()
    # The list says how long files are kept; once removed, the import's page says so.
    assert "เก็บไว้ 30 วัน" in page.locator("#import-files-kept").inner_text()
    from django.utils import timezone

    from workflows.services.import_files import import_files_remove

    import_files_remove(import_id=record.pk, now=timezone.now())
    page.goto(f"/admin/work/clients/imports/{record.pk}/")
    assert "ไฟล์ถูกลบแล้วเมื่อ" in page.locator("#import-files-removed").inner_text()
    assert page.locator("[data-count=new]").inner_text() == "3"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
