"""FieldBuilder: one Django field per type, with the field's validation, choices and defaults."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from forms_builder.models import FieldType
from forms_builder.runtime.field_builder import FieldBuilder
from tests.factories_forms import field


def build(key="q", field_type=FieldType.SHORT_TEXT, **attrs) -> forms.Field:
    return FieldBuilder([field(key, field_type, **attrs)]).formfields[key]


def codes(f, value) -> set[str]:
    with pytest.raises(ValidationError) as error:
        f.clean(value)
    return {e.code for e in error.value.error_list}


def test_every_type_has_a_builder():
    built = FieldBuilder([field(t.value, t.value) for t in FieldType]).formfields
    assert set(built) == set(FieldType.values)


def test_options_set_label_help_required_and_initial_in_one_place():
    f = build(required=True, help_th="ช่วย", default="ค่าเริ่มต้น")
    assert (f.label, f.help_text, f.required, f.initial) == ("ป้าย q", "ช่วย", True, "ค่าเริ่มต้น")
    with translation.override("en"):
        assert build().label == "Label q"


def test_labels_and_help_are_escaped():
    f = build(label_th="<script>alert(1)</script>", help_th="<b>x</b>")
    assert f.label == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f.help_text == "&lt;b&gt;x&lt;/b&gt;"


def test_short_text_length_and_pattern_with_its_own_message():
    validation = {
        "min_length": 2,
        "max_length": 5,
        "pattern": r"[A-Z]+",
        "pattern_message_th": "ตัวพิมพ์ใหญ่เท่านั้น",
        "pattern_message_en": "Capitals only",
    }
    f = build(validation=validation)
    assert f.clean("ABC") == "ABC"
    assert codes(f, "A") == {"min_length"}
    with translation.override("th"), pytest.raises(ValidationError) as error:
        f.clean("A")
    assert error.value.messages == ["กรอกอย่างน้อย 2 ตัวอักษร (ตอนนี้ 1)"]
    assert codes(f, "ABCDEF") == {"max_length"}
    with translation.override("th"), pytest.raises(ValidationError) as error:
        f.clean("abc")
    assert error.value.messages == ["ตัวพิมพ์ใหญ่เท่านั้น"]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        f.clean("abc")
    assert error.value.messages == ["Capitals only"]


def test_long_text_uses_a_textarea():
    f = build(field_type=FieldType.LONG_TEXT, validation={"max_length": 3})
    assert isinstance(f.widget, forms.Textarea)
    assert codes(f, "abcd") == {"max_length"}


def test_integer_and_decimal_ranges():
    integer = build(field_type=FieldType.INTEGER, validation={"min_value": 0, "max_value": 120})
    assert integer.clean("42") == 42
    assert codes(integer, "121") == {"max_value"}
    assert codes(integer, "-1") == {"min_value"}
    assert codes(integer, "4.5") == {"invalid"}
    decimal = build(field_type=FieldType.DECIMAL, validation={"min_value": "0.5", "max_value": 2})
    assert decimal.clean("1.25") == Decimal("1.25")
    assert codes(decimal, "2.5") == {"max_value"}


def test_date_with_bounds_and_today_default():
    f = build(field_type=FieldType.DATE, validation={"min_value": "2020-01-01"}, default="today")
    assert f.initial == timezone.localdate()
    with translation.override("th"):
        assert f.clean("06/08/2563") == dt.date(2020, 8, 6)
        assert codes(f, "31/12/2562") == {"min_value"}


def test_datetime_combines_a_be_date_and_a_time():
    f = build(field_type=FieldType.DATETIME, required=True)
    with translation.override("th"):
        value = f.clean(["06/08/2563", "14:30"])
    assert timezone.localtime(value).replace(tzinfo=None) == dt.datetime(2020, 8, 6, 14, 30)
    assert codes(f, ["", ""]) == {"required"}


def test_single_choice_radio_or_dropdown_with_bilingual_labels():
    radio = build(field_type=FieldType.SINGLE_CHOICE)
    assert isinstance(radio.widget, forms.RadioSelect)
    assert list(radio.choices) == [("thai", "ไทย"), ("foreign", "ต่างชาติ")]
    with translation.override("en"):
        assert list(build(field_type=FieldType.SINGLE_CHOICE).choices)[0] == ("thai", "Thai")
    dropdown = build(field_type=FieldType.SINGLE_CHOICE, options={"widget": "dropdown"})
    assert isinstance(dropdown.widget, forms.Select)
    assert dropdown.clean("foreign") == "foreign"
    assert codes(dropdown, "martian") == {"invalid_choice"}


def test_multiple_choice():
    f = build(field_type=FieldType.MULTIPLE_CHOICE)
    assert f.clean(["thai", "foreign"]) == ["thai", "foreign"]
    assert codes(f, ["thai", "x"]) == {"invalid_choice"}


def test_yes_no_is_a_required_capable_answer_not_a_checkbox():
    f = build(field_type=FieldType.YES_NO, required=True, default=False)
    assert f.initial == "no"
    assert f.clean("yes") is True
    assert f.clean("no") is False
    assert codes(f, "") == {"required"}


def test_phone_numbers_are_normalized():
    f = build(field_type=FieldType.PHONE)
    assert f.clean("081-234-5678") == "0812345678"
    assert f.clean("+66 81 234 5678") == "0812345678"
    assert f.clean("038 123 456") == "038123456"
    assert f.clean("1300") == "1300"
    for bad in ("12345", "0112345678", "081234567890"):
        assert codes(f, bad) == {"invalid"}


def test_email():
    f = build(field_type=FieldType.EMAIL)
    assert f.clean("a@example.org") == "a@example.org"
    assert codes(f, "not-an-email") == {"invalid"}


def test_thai_address_checks_the_chain_of_dopa_codes():
    f = build(field_type=FieldType.THAI_ADDRESS, required=True)
    good = ["20", "2004", "200402", "99/1 หมู่ 5", "ถนนสุขุมวิท", "หน้าตลาด"]
    assert f.clean(good) == {
        "province": "20",
        "district": "2004",
        "subdistrict": "200402",
        "house": "99/1 หมู่ 5",
        "road": "ถนนสุขุมวิท",
        "landmark": "หน้าตลาด",
    }
    assert codes(f, ["20", "2004", "200702", "", "", ""]) == {"subdistrict"}
    assert codes(f, ["20", "1001", "100101", "", "", ""]) == {"district"}
    assert codes(f, ["20", "", "", "", "", ""]) == {"district"}
    assert codes(f, ["", "", "", "", "", ""]) == {"required"}
    with translation.override("th"), pytest.raises(ValidationError) as error:
        f.clean(["20", "2004", "200702", "", "", ""])
    assert error.value.messages == ["ตำบลที่เลือกไม่อยู่ในอำเภอที่เลือก"]


def test_location_ranges():
    f = build(field_type=FieldType.LOCATION)
    assert f.clean(["12.9236", "100.8825"]) == {"lat": 12.9236, "lng": 100.8825}
    assert "max_value" in codes(f, ["91", "100"])
    assert "min_value" in codes(f, ["13", "-181"])
    assert f.clean(["", ""]) is None


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_file_content_is_checked_not_its_name():
    f = build(field_type=FieldType.FILE, validation={"accept": ["image/*"], "max_size_mb": 1})
    upload = f.clean(SimpleUploadedFile("x.png", png_bytes(), "image/png"))
    assert upload.content_type == "image/png"
    fake = SimpleUploadedFile("x.png", b"MZ\x90\x00 not an image", "image/png")
    assert codes(f, fake) == {"file_type"}
    pdf = SimpleUploadedFile("x.pdf", b"%PDF-1.4\n", "application/pdf")
    assert codes(f, pdf) == {"file_type"}
    big = SimpleUploadedFile("x.png", png_bytes() + b"\0" * (1024 * 1024), "image/png")
    assert codes(f, big) == {"max_size"}
    assert "image/png" in f.widget.attrs["accept"]


def test_heading_is_never_an_answer():
    f = build(field_type=FieldType.HEADING, required=True)
    assert (f.required, f.disabled) == (False, True)


def test_a_date_without_its_time_is_not_dropped_silently():
    f = build(field_type=FieldType.DATETIME)
    with translation.override("th"):
        assert codes(f, ["06/08/2563", ""]) == {"incomplete"}
        assert f.clean(["", ""]) is None


def test_patterns_that_cannot_be_used_are_refused():
    from forms_builder.runtime.validators import pattern_problem

    assert pattern_problem(r"^\d{5}$") is None
    assert pattern_problem("(unclosed")
    assert pattern_problem("(a+)+$")
    assert pattern_problem("x" * 201)


def test_a_date_may_be_bounded_by_today():
    f = build(field_type=FieldType.DATE, validation={"max_value": "today"})
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert codes(f, tomorrow.isoformat()) == {"max_value"}
    assert f.clean(timezone.localdate().isoformat()) == timezone.localdate()
