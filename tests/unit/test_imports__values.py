"""Cell values as Thai officers type them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from workflows.imports.values import (
    area_value,
    choice_lookup,
    choice_value,
    date_value,
    integer_value,
    national_id_value,
    text_value,
)
from workflows.models import IdStatus, Sex

AUG_6 = dt.date(2020, 8, 6)


@pytest.mark.parametrize(
    "typed",
    [
        "6/8/2563",
        "06/08/2563",
        "06-08-63",
        "6.8.63",
        "6 ส.ค. 2563",
        "6 ส.ค. 63",
        "6 สิงหาคม 2563",
        "๖/๘/๒๕๖๓",
        "2020-08-06",
        dt.datetime(2020, 8, 6),
        AUG_6,
        dt.datetime(2563, 8, 6),  # a BE date Excel took for a CE one
    ],
)
def test_buddhist_era_dates_in_every_shape(typed):
    assert date_value(typed) == AUG_6


@pytest.mark.parametrize("typed", ["6/8/2020", "32/1/2563", "6 ซ.ซ. 2563", "เมื่อวาน", "1/1/2999"])
def test_dates_that_cannot_be_read_say_why_in_thai(typed):
    with translation.override("th"), pytest.raises(ValidationError) as error:
        date_value(typed)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in " ".join(error.value.messages))


def test_a_two_digit_year_not_yet_come_is_the_previous_century():
    assert date_value("1/2/95") == dt.date(1952, 2, 1)


def test_text_keeps_words_drops_extra_spaces_and_nul_characters():
    assert text_value("  สม\x00ชาย \t ใจดี ") == "สมชาย ใจดี"
    assert text_value(12.0) == "12" and text_value(None) == ""


def test_thai_digits_and_dashes_in_ids_and_numbers():
    assert national_id_value("1-1017-00230-70-8") == "1101700230708"
    assert national_id_value("๑ ๑๐๑๗ ๐๐๒๓๐ ๗๐ ๘") == "1101700230708"
    assert national_id_value(1101700230708.0) == "1101700230708"
    assert integer_value("๔๕", minimum=0, maximum=120) == 45
    with pytest.raises(ValidationError):
        national_id_value("1101700230709")  # check digit
    with pytest.raises(ValidationError):
        integer_value("200", minimum=0, maximum=120)


@pytest.mark.parametrize("typed", ["female", "Female", "หญิง", " หญิง "])
def test_choices_by_stored_value_thai_or_english_label(typed):
    assert choice_value(typed, choice_lookup(Sex), Sex) == Sex.FEMALE


def test_an_unknown_choice_lists_the_choices():
    with translation.override("th"), pytest.raises(ValidationError) as error:
        choice_value("ลูกครึ่ง", choice_lookup(IdStatus), IdStatus)
    assert "เลขประจำตัวประชาชน" in error.value.messages[0]


def test_areas_by_thai_name_with_or_without_prefix_or_by_code():
    assert area_value("ชลบุรี", "บางละมุง", "หนองปรือ") == "200402"
    assert area_value("จ.ชลบุรี", "อ.บางละมุง", "ต.หนองปรือ") == "200402"
    assert area_value("", "", "200402") == "200402"
    assert area_value("Chon Buri", None, None) == "20"
    assert area_value("กรุงเทพมหานคร", "เขตบางรัก", "") == "1004"


@pytest.mark.parametrize(
    ("cells", "level"),
    [
        (("ดาวอังคาร", "", ""), 0),
        (("ชลบุรี", "ไม่มีอำเภอนี้", ""), 1),
        (("", "บางละมุง", ""), 1),
        (("10", "2004", ""), 1),
    ],
)
def test_unknown_or_mismatched_areas_name_the_cell(cells, level):
    with pytest.raises(ValidationError) as error:
        area_value(*cells)
    assert error.value.params["level"] == level
