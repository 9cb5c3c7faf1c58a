"""An administrator imports another partner's process into their own partner, in Thai: upload,
read the preview (nothing written yet), confirm; also at a phone's width."""

import json

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import PartnerFactory, member
from tests.factories_processes import two_step_draft
from workflows.models import ProcessDefinition
from workflows.serialization import bundle_export
from workflows.services.definitions import process_version_publish


def test_preview_then_confirm_an_import_into_ones_own_partner(page, tmp_path):
    preview_then_confirm(page, tmp_path)


def test_preview_then_confirm_at_a_phones_width(phone_page, tmp_path):
    preview_then_confirm(phone_page, tmp_path)


def preview_then_confirm(page, tmp_path):
    other = PartnerFactory(code="other-town", name_th="เทศบาลเมืองอื่น")
    home = PartnerFactory(code="home-town", name_th="เทศบาลบ้านเรา")
    definition, version = two_step_draft(other)
    process_version_publish(version=version)
    bundle = tmp_path / "process.json"
    bundle.write_text(json.dumps(bundle_export(processes=[definition])), encoding="utf-8")
    admin = member(Role.ADMINISTRATOR, partner=home)
    admin_login(page, admin.username)

    page.goto("/admin/processes/")
    page.click("a[href$='/admin/processes/import/']")
    page.set_input_files("#id_bundle", str(bundle))
    page.select_option("#id_into", str(home.pk))
    page.get_by_role("button", name="ดูตัวอย่างการนำเข้า").click()

    preview = page.locator("#import-preview")
    assert "ตัวอย่าง" in preview.locator("h2").inner_text()
    changes = page.locator("#import-changes").inner_text()
    assert "กระบวนการทำงานใหม่" in changes and "เทศบาลบ้านเรา" in changes
    assert "จะเป็นฉบับที่ใช้งานอยู่" in changes
    assert "home-town" not in page.content() and "other-town" not in changes
    assert not ProcessDefinition.objects.filter(partner=home).exists()  # nothing written yet

    page.get_by_role("button", name="ยืนยันการนำเข้า").click()
    page.locator("#import-report").wait_for()
    assert "นำเข้าไฟล์แล้ว" in page.content()
    assert ProcessDefinition.objects.filter(partner=home, key=definition.key).exists()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1  # nothing wider than the screen
