"""The runtime JavaScript: conditional fields, the area chain, location and the ID parts."""

from playwright.sync_api import expect

from forms_builder.models import AnswerSet, FieldType
from tests.factories_forms import field, version_with


def when(key, operator, value):
    return {"any": [{"all": [{"field": key, "operator": operator, "value": value}]}]}


def test_fields_show_and_hide_and_the_address_chains(transactional_db, page, settings):
    settings.ROOT_URLCONF = "tests.browser.runtime_form_urls"
    version = version_with(
        [
            field("nationality", FieldType.SINGLE_CHOICE, required=True),
            field(
                "passport",
                FieldType.SHORT_TEXT,
                required=True,
                condition=when("nationality", "equals", "foreign"),
            ),
            field("age", FieldType.INTEGER),
            field("child_school", FieldType.SHORT_TEXT, condition=when("age", "lt", 18)),
            field("address", FieldType.THAI_ADDRESS, required=True),
        ]
    )
    page.goto(f"/runtime/{version.pk}/")
    passport = page.locator('[data-fb-field="passport"]')
    school = page.locator('[data-fb-field="child_school"]')
    expect(passport).to_be_hidden()
    page.get_by_label("ต่างชาติ").check()
    expect(passport).to_be_visible()
    page.get_by_label("ไทย", exact=True).check()
    expect(passport).to_be_hidden()
    page.fill("#id_age", "12")
    expect(school).to_be_visible()
    page.fill("#id_age", "40")
    expect(school).to_be_hidden()

    page.select_option("#id_address_0", "20")
    expect(page.locator('#id_address_1 option[value="2004"]')).to_have_count(1)
    page.select_option("#id_address_1", "2004")
    expect(page.locator('#id_address_2 option[value="200402"]')).to_have_count(1)
    expect(page.locator('#id_address_2 option[value="200702"]')).to_have_count(0)
    page.select_option("#id_address_2", "200402")
    page.get_by_role("button", name="ส่ง").click()
    expect(page.locator("#saved")).to_be_visible()
    answer = AnswerSet.objects.get().data
    assert answer == {
        "nationality": "thai",
        "age": 40,
        "address": {"province": "20", "district": "2004", "subdistrict": "200402"},
    }


def test_without_a_valid_answer_nothing_is_saved(transactional_db, page, settings):
    settings.ROOT_URLCONF = "tests.browser.runtime_form_urls"
    version = version_with(
        [
            field("nationality", FieldType.SINGLE_CHOICE, required=True),
            field(
                "passport",
                FieldType.SHORT_TEXT,
                required=True,
                condition=when("nationality", "equals", "foreign"),
            ),
        ]
    )
    page.goto(f"/runtime/{version.pk}/")
    page.get_by_label("ต่างชาติ").check()
    page.get_by_role("button", name="ส่ง").click()
    expect(page.locator('[data-fb-field="passport"] .fb-error')).to_be_visible()
    assert AnswerSet.objects.count() == 0


def test_use_my_location_fills_the_coordinates(transactional_db, page, settings):
    settings.ROOT_URLCONF = "tests.browser.runtime_form_urls"
    version = version_with(
        [field("where", FieldType.LOCATION), field("nid", FieldType.NATIONAL_ID)]
    )
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 12.9236, "longitude": 100.8825})
    page.goto(f"/runtime/{version.pk}/")
    page.get_by_role("button", name="ใช้ตำแหน่งของฉัน").click()
    expect(page.locator("#id_where_0")).to_have_value("12.923600")
    expect(page.locator("#id_where_1")).to_have_value("100.882500")
    document_part = page.locator('[data-fb-field="nid"] [data-fb-part="3"]')
    expect(document_part).to_be_hidden()
    page.select_option("#id_nid_0", "foreign")
    expect(document_part).to_be_visible()
    expect(page.locator('[data-fb-field="nid"] [data-fb-part="2"]')).to_be_hidden()
