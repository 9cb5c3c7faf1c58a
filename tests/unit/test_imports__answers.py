"""A case register's answer cells read by their field's type, as the form would store them."""

import pytest
from django.core.exceptions import ValidationError

from forms_builder.models import FieldDefinition, FieldType
from workflows.imports.answers import answer_value

CHOICES = [
    {"value": "poverty", "label_th": "ยากจน", "label_en": "Poverty"},
    {"value": "illness", "label_th": "เจ็บป่วย", "label_en": "Illness"},
]


def field(kind, **attrs) -> FieldDefinition:
    return FieldDefinition(key="k", field_type=kind, **attrs)


@pytest.mark.parametrize(
    ("kind", "attrs", "raw", "stored"),
    [
        (FieldType.SHORT_TEXT, {}, "  ข้อความ  ", "ข้อความ"),
        (FieldType.INTEGER, {}, "๕๕", 55),
        (FieldType.DECIMAL, {}, "1,500.50", "1500.50"),
        (FieldType.DATE, {}, "6 ส.ค. 2563", "2020-08-06"),
        (FieldType.YES_NO, {}, "ใช่", True),
        (FieldType.YES_NO, {}, "no", False),
        (FieldType.SINGLE_CHOICE, {"choices": CHOICES}, "เจ็บป่วย", "illness"),
        (FieldType.SINGLE_CHOICE, {"choices": CHOICES}, "Poverty", "poverty"),
        (FieldType.MULTIPLE_CHOICE, {"choices": CHOICES}, "ยากจน, illness", ["poverty", "illness"]),
        (FieldType.SHORT_TEXT, {}, "", None),
        (FieldType.FILE, {}, "", None),
    ],
)
def test_answers_are_stored_as_the_form_stores_them(kind, attrs, raw, stored):
    assert answer_value(field(kind, **attrs), raw) == stored


@pytest.mark.parametrize(
    ("kind", "attrs", "raw"),
    [
        (FieldType.INTEGER, {"validation": {"min_value": 0, "max_value": 120}}, "150"),
        (FieldType.INTEGER, {}, "ห้าสิบ"),
        (FieldType.DECIMAL, {}, "abc"),
        (FieldType.YES_NO, {}, "อาจจะ"),
        (FieldType.SINGLE_CHOICE, {"choices": CHOICES}, "ลาว"),
        (FieldType.DATE, {}, "31/2/2563"),
        (FieldType.LOCATION, {}, "13.7,100.5"),
    ],
)
def test_bad_answers_are_refused(kind, attrs, raw):
    with pytest.raises(ValidationError):
        answer_value(field(kind, **attrs), raw)
