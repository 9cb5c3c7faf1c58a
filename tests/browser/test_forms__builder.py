"""An administrator builds, previews, publishes and versions a Thai intake form with every field
type in the Wagtail admin; bad answers to it show every error and save nothing."""

import os
import re

import pytest
from playwright.sync_api import expect

from forms_builder.models import AnswerSet, FieldType, FormDefinition, VersionStatus
from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import PartnerFactory, member
from tests.factories_forms_admin import form_with_fields

SHOTS = os.environ.get("FORMS_BUILDER_SHOTS")  # a folder to keep screenshots in, when debugging
WRONG_CHECK_DIGIT_ID = "1101700230705"  # 1101700230708 is valid


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def add_field(page, field_type: str, key: str, label: str, fill=None) -> None:
    page.select_option("#id_type", field_type)
    page.click("#add-field button[type=submit]")
    page.fill("#id_key", key)
    page.fill("#id_label_th", label)
    if fill:
        fill(page)
    shot(page, f"field-{key}")
    page.click("#field-form button[type=submit]")
    expect(page.locator(f"#draft-fields tr[data-key={key}]")).to_be_visible()


def choices(*rows):
    def fill(page):
        for index, (value, label_th, label_en) in enumerate(rows):
            page.fill(f"#id_choices-{index}-value", value)
            page.fill(f"#id_choices-{index}-label_th", label_th)
            page.fill(f"#id_choices-{index}-label_en", label_en)

    return fill


def fields_of_every_type(page) -> None:
    add_field(page, FieldType.HEADING, "intro", "ข้อมูลผู้ได้รับความช่วยเหลือ")
    add_field(
        page, FieldType.SHORT_TEXT, "full_name", "ชื่อ-นามสกุล", lambda p: p.check("#id_required")
    )
    add_field(page, FieldType.LONG_TEXT, "situation", "สภาพที่พบ")

    def age_limits(p):
        p.check("#id_required")
        p.fill("#id_min_value", "0")
        p.fill("#id_max_value", "120")

    add_field(page, FieldType.INTEGER, "age", "อายุ (ปี)", age_limits)
    add_field(page, FieldType.DECIMAL, "weight", "น้ำหนัก (กก.)")
    add_field(page, FieldType.DATE, "found_on", "วันที่พบ", lambda p: p.check("#id_default_today"))
    add_field(page, FieldType.DATETIME, "reported_at", "วันเวลาที่รับแจ้ง")
    add_field(
        page,
        FieldType.SINGLE_CHOICE,
        "nationality",
        "สัญชาติ",
        choices(("thai", "ไทย", "Thai"), ("foreign", "ต่างชาติ", "Foreign")),
    )
    add_field(
        page,
        FieldType.MULTIPLE_CHOICE,
        "needs",
        "ความต้องการ",
        choices(("food", "อาหาร", "Food"), ("shelter", "ที่พัก", "Shelter")),
    )
    add_field(page, FieldType.YES_NO, "disabled", "เป็นคนพิการ", lambda p: p.check("#id_sensitive"))
    add_field(page, FieldType.NATIONAL_ID, "id_card", "เลขประจำตัวประชาชน")
    add_field(page, FieldType.PHONE, "phone", "โทรศัพท์")
    add_field(page, FieldType.EMAIL, "email", "อีเมล")
    add_field(page, FieldType.THAI_ADDRESS, "address", "ที่อยู่ที่พบ", lambda p: p.check("#id_required"))
    add_field(page, FieldType.LOCATION, "location", "พิกัดที่พบ")
    add_field(page, FieldType.FILE, "photo", "ภาพถ่าย", lambda p: p.fill("#id_max_size_mb", "5"))

    def only_for_children(p):
        p.check("#id_required")
        p.select_option("#id_condition-0-field", "age")
        p.select_option("#id_condition-0-operator", "lt")
        p.fill("#id_condition-0-value", "18")

    add_field(page, FieldType.SHORT_TEXT, "school", "โรงเรียน", only_for_children)


# Serialized rollback: flushing would also drop the role groups that migrations create.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_administrator_builds_previews_publishes_and_versions_a_thai_intake_form(page):
    partner = PartnerFactory(code="laem-chabang", name_th="เทศบาลนครแหลมฉบัง")
    member(Role.ADMINISTRATOR, partner=partner, username="admin_lc")
    admin_login(page, "admin_lc")

    page.click("a[href='/admin/form-definitions/']")  # the Forms menu item
    expect(page.locator("h1")).to_contain_text("แบบฟอร์ม")  # the admin speaks Thai
    page.locator("a[href='/admin/form-definitions/add/']").first.click()
    page.fill("#id_key", "street_intake")
    page.fill("#id_name_th", "แบบรับแจ้งคนไร้ที่พึ่ง")
    page.fill("#id_name_en", "Street intake")
    page.select_option("#id_purpose", "intake")
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/draft/$"))

    fields_of_every_type(page)
    definition = FormDefinition.objects.get(key="street_intake")
    version = definition.versions.get()
    assert {f.field_type for f in version.fields.all()} == set(FieldType.values)

    # Order without JavaScript: move "school" up above "photo".
    row = page.locator("#draft-fields tr[data-key=school]")
    with page.expect_navigation():
        row.locator("form").first.locator("button").click()
    keys = page.locator("#draft-fields tr[data-key]").evaluate_all(
        "rows => rows.map(r => r.dataset.key)"
    )
    assert keys[-2:] == ["school", "photo"]
    shot(page, "draft")

    # Preview: the runtime form, then at phone width.
    page.click("#preview-link")
    frame = page.frame_locator("#preview-frame")
    expect(frame.locator("[data-fb-field=full_name] input")).to_be_visible()
    page.click("#preview-phone")
    expect(page.locator("#preview-frame")).to_have_attribute("style", re.compile("390px"))
    assert page.locator("#preview-frame").bounding_box()["width"] <= 392
    shot(page, "preview-phone")
    page.go_back()
    page.go_back()

    page.click("#publish")
    expect(page.locator("#versions [data-current-version]")).to_be_visible()
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED

    # Editing a published form makes version 2; version 1 stays as it was.
    page.click("#draft-start button")
    page.locator("#draft-fields tr[data-key=situation] a").first.click()
    expect(page.locator("#id_key")).to_be_disabled()
    page.fill("#id_label_th", "สภาพที่พบโดยละเอียด")
    page.click("#field-form button[type=submit]")
    page.locator("#draft-fields tr[data-key=weight] a[href$='/delete/']").click()
    page.click("main form button[type=submit]")
    page.click("#publish")
    expect(page.locator("#versions tbody tr")).to_have_count(2)
    shot(page, "versions")
    assert list(definition.versions.order_by("number").values_list("number", "status")) == [
        (1, "published"),
        (2, "published"),
    ]
    page.locator("#versions a[href$='/versions/1/']").first.click()
    expect(page.locator("#version-fields")).to_contain_text("weight")
    expect(page.locator("#version-fields")).not_to_contain_text("สภาพที่พบโดยละเอียด")

    # A caseworker's bad answers, in the preview of the published version.
    submit_bad_answers(page, definition)


def submit_bad_answers(page, definition) -> None:
    page.goto(f"/admin/form-definitions/{definition.pk}/versions/2/preview/frame/")
    form = page.locator("#preview-form")
    page.fill("[name=age]", "150")
    page.select_option("[name=id_card_0]", "id")
    page.fill("[name=id_card_1]", WRONG_CHECK_DIGIT_ID)
    page.select_option("[name=address_0]", "20")  # Chonburi
    page.wait_for_selector("[name=address_1] option[value='2004']", state="attached")
    page.select_option("[name=address_1]", "2004")  # Bang Lamung
    page.wait_for_selector("[name=address_2] option[value='200402']", state="attached")
    # A stale or tampered page: a subdistrict of another district (Mueang Chonburi's Bang Pla Soi).
    page.evaluate(
        "() => { const s = document.querySelector('[name=address_2]');"
        " s.add(new Option('บางปลาสร้อย', '200101')); s.value = '200101'; }"
    )
    # The server is the judge: skip the browser's own checks of required fields.
    form.evaluate("f => { f.noValidate = true; }")
    shot(page, "bad-answers")
    form.locator("button[type=submit]").click()
    shot(page, "bad-answers-errors")
    errors = {
        "full_name": page.locator("[data-fb-field=full_name] .fb-error"),
        "age": page.locator("[data-fb-field=age] .fb-error"),
        "id_card": page.locator("[data-fb-field=id_card] .fb-error"),
        "address": page.locator("[data-fb-field=address] .fb-error"),
    }
    for locator in errors.values():
        expect(locator).to_be_visible()
    expect(errors["id_card"]).to_contain_text("หลักสุดท้าย")
    expect(errors["address"]).to_contain_text("ตำบล")
    expect(page.locator(".fb-error-summary")).to_be_visible()
    assert not AnswerSet.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_a_phone_the_preview_shows_conditional_fields_and_every_error(phone_page):
    partner = PartnerFactory(code="pattaya")
    member(Role.ADMINISTRATOR, partner=partner, username="admin_pty")
    definition = form_with_fields(
        partner,
        "screening",
        fields=[
            {
                "key": "age",
                "field_type": FieldType.INTEGER,
                "label_th": "อายุ",
                "required": True,
                "validation": {"min_value": 0, "max_value": 120},
            },
            {
                "key": "school",
                "field_type": FieldType.SHORT_TEXT,
                "label_th": "โรงเรียน",
                "required": True,
                "condition": {"any": [{"all": [{"field": "age", "operator": "lt", "value": 18}]}]},
            },
            {"key": "id_card", "field_type": FieldType.NATIONAL_ID, "label_th": "เลขประจำตัว"},
        ],
        publish=True,
    )
    admin_login(phone_page, "admin_pty")
    phone_page.goto(f"/admin/form-definitions/{definition.pk}/versions/1/preview/frame/")
    school = phone_page.locator("[data-fb-field=school]")
    phone_page.fill("[name=age]", "30")
    phone_page.locator("[name=age]").dispatch_event("input")
    expect(school).to_be_hidden()
    phone_page.fill("[name=age]", "12")
    phone_page.locator("[name=age]").dispatch_event("input")
    expect(school).to_be_visible()
    phone_page.select_option("[name=id_card_0]", "id")
    phone_page.fill("[name=id_card_1]", WRONG_CHECK_DIGIT_ID)
    phone_page.locator("#preview-form").evaluate("f => { f.noValidate = true; }")
    phone_page.locator("#preview-form button[type=submit]").click()
    expect(phone_page.locator("[data-fb-field=school] .fb-error")).to_be_visible()
    expect(phone_page.locator("[data-fb-field=id_card] .fb-error")).to_be_visible()
    shot(phone_page, "phone-errors")
    assert not AnswerSet.objects.exists()


@pytest.fixture(autouse=True)
def _shots_folder():
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
