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
    page.wait_for_selector("text=นำเข้า 3 แถวให้")
    # Landed on the import's own page, as a background import does.
    page.wait_for_url("**/admin/work/clients/imports/*/")
    assert page.locator("#import-status").get_attribute("data-status") == "done"
    assert Case.objects.filter(partner=partner).count() == 3
    page.goto(f"/admin/work/clients/{known.pk}/")
    assert "ช่วยเหลือในชุมชน" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_large_case_register_runs_in_the_background_with_its_progress(sized_page, monkeypatch):
    """More than REQUEST_ROWS rows: the upload goes to a worker; its page polls the progress
    (rows done of the total), shows the counts once checked, imports on confirmation and links
    to the clients; the import is listed with its register, without sideways scrolling."""
    from django.core.files.base import ContentFile
    from playwright.sync_api import expect

    import workflows.views.workspace.register_imports
    from forms_builder.models import private_storage
    from tests.integration.test_imports__cases import HEADERS, ROWS, VALID_ID
    from tests.integration.test_imports__clients import csv_bytes
    from workflows.models import ClientImport
    from workflows.services.import_runs import import_run_now

    page, width = sized_page
    partner = PartnerFactory()
    screening_process(partner)
    client_at(partner, national_id=VALID_ID)
    client_at(partner, source_reference="R2")
    supervisor = member(Role.SUPERVISOR, partner=partner, username="kaew")
    data = csv_bytes(ROWS, HEADERS)
    # The file kept as import_start keeps it, not yet handed to a worker.
    path = private_storage().save("imports/background/cases.csv", ContentFile(data))
    record = ClientImport.objects.create(
        kind="cases", partner=partner, created_by=supervisor, file_name="กรณี.csv", file_path=path
    )
    admin_login(page, "kaew")
    page.goto(f"/admin/work/clients/imports/{record.pk}/")
    assert "นำเข้ากรณี" in page.locator("#import-kind").inner_text()
    assert "กำลังตรวจสอบ" in page.locator("#import-status").inner_text()
    ClientImport.objects.filter(pk=record.pk).update(done=1, total=2, started_at=record.created_at)
    expect(page.locator("#import-progress-text")).to_contain_text("1 จาก 2 แถว")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    import_run_now(import_id=record.pk)
    page.wait_for_selector("text=นำเข้า 2 แถว")
    assert page.locator("[data-count=new]").inner_text() == "2"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.click("text=นำเข้า 2 แถว")  # the test's worker runs at once
    page.wait_for_selector("#import-status[data-status=done]")
    assert Case.objects.filter(partner=partner).count() == 2
    page.click("#import-done-link")
    page.wait_for_url("**/admin/work/clients/")

    # The same register uploaded through the page: checked by the worker, nothing new.
    monkeypatch.setattr(workflows.views.workspace.register_imports, "REQUEST_ROWS", 1)
    page.goto("/admin/work/imports/cases/")
    assert "ประวัติการนำเข้า" in page.locator("#import-background-help").inner_text()
    page.set_input_files(
        "input[name=file]", {"name": "cases.csv", "mimeType": "text/csv", "buffer": data}
    )
    page.click("text=ตรวจสอบไฟล์")
    page.wait_for_url("**/admin/work/clients/imports/*/")
    assert page.locator("[data-count=unchanged]").inner_text() == "2"
    page.goto("/admin/work/clients/imports/")
    listing = page.locator("#import-runs").inner_text()
    assert "กรณี.csv" in listing and "นำเข้ากรณี" in listing
    assert page.evaluate("document.documentElement.scrollWidth") <= width
