"""Stored answers as text for people, one type at a time, in the active language."""

from django.utils import translation

from forms_builder.display import answer_display, condition_describe
from forms_builder.models import FieldType
from tests.factories_forms import field


def shown(field_type, value, language="th", **attrs) -> str:
    with translation.override(language):
        return answer_display(field("q", field_type, **attrs), value)


def test_each_type_reads_well_in_thai():
    assert shown(FieldType.INTEGER, 42) == "42"
    assert shown(FieldType.DECIMAL, "12.50") == "12.50"
    assert shown(FieldType.DATE, "2020-08-06") == "6 สิงหาคม 2563"
    assert shown(FieldType.DATETIME, "2020-08-06T14:30:00+07:00") == "6 สิงหาคม 2563 14:30 น."
    assert shown(FieldType.MULTIPLE_CHOICE, ["thai", "foreign"]) == "ไทย, ต่างชาติ"
    assert shown(FieldType.SINGLE_CHOICE, "gone") == "gone"  # a value no longer offered
    assert shown(FieldType.YES_NO, True) == "ใช่"
    assert shown(FieldType.YES_NO, False) == "ไม่ใช่"
    assert shown(FieldType.NATIONAL_ID, {"status": "id", "number": "1101700230708"}) == (
        "1-1017-00230-70-8"
    )
    assert shown(FieldType.NATIONAL_ID, {"status": "no_id"}) == "ไม่มีเอกสารแสดงตน"
    assert shown(FieldType.PHONE, "038123456") == "03-812-3456"
    address = {
        "province": "20",
        "district": "2004",
        "subdistrict": "200402",
        "house": "9/1",
        "landmark": "ตลาด",
    }
    assert shown(FieldType.THAI_ADDRESS, address) == (
        "9/1, ต.หนองปรือ อ.บางละมุง จ.ชลบุรี, จุดสังเกต: ตลาด"
    )
    assert shown(FieldType.LOCATION, {"lat": 12.92, "lng": 100.88}) == "12.92, 100.88"
    assert shown(FieldType.FILE, {"name": "a.png", "size": 2048}) == "a.png (2 KB)"
    assert shown(FieldType.SHORT_TEXT, None) == ""


def test_english_shows_christian_era_dates_and_english_labels():
    assert shown(FieldType.DATE, "2020-08-06", "en") == "6 August 2020"
    assert shown(FieldType.SINGLE_CHOICE, "thai", "en") == "Thai"
    assert shown(FieldType.YES_NO, True, "en") == "Yes"


def test_a_damaged_answer_still_shows():
    assert shown(FieldType.DATE, "not a date") == "not a date"


def test_conditions_are_described_for_people():
    fields = {
        "age": field("age", FieldType.INTEGER, label_th="อายุ"),
        "is_child": field("is_child", FieldType.YES_NO, label_th="เป็นเด็ก"),
    }
    condition = {
        "any": [
            {"all": [{"field": "age", "operator": "lt", "value": 18}]},
            {
                "all": [
                    {"field": "is_child", "operator": "equals", "value": True},
                    {"field": "age", "operator": "not_empty"},
                ]
            },
        ]
    }
    with translation.override("th"):
        text = condition_describe(condition, fields)
    assert text == "ตอบเฉพาะเมื่อ: อายุ น้อยกว่า 18 หรือ เป็นเด็ก เท่ากับ ใช่ และ อายุ ไม่ว่าง"
    assert condition_describe(None, fields) == ""
