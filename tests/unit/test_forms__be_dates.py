"""Dates typed in the Buddhist era (Thai) or the Christian era (English), never mis-read."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from forms_builder.be_dates import date_input_format, date_parse
from forms_builder.runtime.widgets import BuddhistDateInput


def test_thai_reads_the_buddhist_era():
    assert date_parse("06/08/2563", "th") == dt.date(2020, 8, 6)
    assert date_parse("6-8-2563", "th") == dt.date(2020, 8, 6)
    assert date_parse("๖/๘/๒๕๖๓", "th") == dt.date(2020, 8, 6)
    assert date_parse("06082563", "th") == dt.date(2020, 8, 6)
    assert date_parse("6 8 2563", "th") == dt.date(2020, 8, 6)
    assert date_parse("2020-08-06", "th") == dt.date(2020, 8, 6)  # ISO is always CE


def test_thai_refuses_a_christian_era_year_instead_of_shifting_it():
    with pytest.raises(ValidationError) as error:
        date_parse("06/08/2020", "th")
    assert error.value.code == "looks_ce"


def test_english_reads_the_christian_era_and_refuses_a_buddhist_year():
    assert date_parse("06/08/2020", "en") == dt.date(2020, 8, 6)
    with pytest.raises(ValidationError) as error:
        date_parse("06/08/2563", "en")
    assert error.value.code == "looks_be"


@pytest.mark.parametrize("text", ["31/02/2563", "6/8/63", "yesterday", "06/08/3100", "2563-08-06"])
def test_impossible_or_unclear_dates_are_refused(text):
    with pytest.raises(ValidationError):
        date_parse(text, "th")


def test_dates_are_shown_for_typing_in_the_language_of_the_page():
    assert date_input_format(dt.date(2020, 8, 6), "th") == "06/08/2563"
    assert date_input_format(dt.date(2020, 8, 6), "en") == "06/08/2020"
    with translation.override("th"):
        html = BuddhistDateInput().render("d", dt.date(2020, 8, 6))
    assert 'value="06/08/2563"' in html


def test_wagtails_year_first_fields_read_the_users_era():
    from forms_builder.be_dates import date_parse_year_first

    assert date_parse_year_first("2569-12-02", "th") == dt.date(2026, 12, 2)
    assert date_parse_year_first("๒๕๖๙-๑๒-๐๒", "th") == dt.date(2026, 12, 2)
    assert date_parse_year_first("02/12/2569", "th") == dt.date(2026, 12, 2)
    assert date_parse_year_first("2026-12-02", "en") == dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "language", "code"),
    [
        ("2026-12-02", "th", "looks_ce"),
        ("3112-12-02", "th", "looks_shifted_twice"),
        ("2569-12-02", "en", "looks_be"),
        ("2569-02-30", "th", "invalid_date"),
        ("2 ธันวาคม 2569", "th", "invalid"),
        ("4000-12-02", "th", "invalid"),
    ],
)
def test_wagtails_year_first_fields_refuse_the_other_era_with_a_message(text, language, code):
    from forms_builder.be_dates import date_parse_year_first

    with pytest.raises(ValidationError) as error, translation.override(language):
        date_parse_year_first(text, language)
    assert error.value.code == code
    assert error.value.messages[0]


def test_the_thai_messages_say_what_to_type():
    from forms_builder.be_dates import date_parse_year_first

    with translation.override("th"):
        with pytest.raises(ValidationError) as error:
            date_parse_year_first("2026-12-02", "th")
        assert "2569" in error.value.messages[0]
        with pytest.raises(ValidationError) as error:
            date_parse_year_first("3112-12-02", "th")
        assert "2569" in error.value.messages[0]


def test_wagtails_date_time_fields_read_the_users_era():
    from forms_builder.be_dates import (
        date_time_input_format_year_first,
        date_time_parse_year_first,
    )

    assert date_time_parse_year_first("2569-12-02 09:30", "th") == dt.datetime(2026, 12, 2, 9, 30)
    assert date_time_input_format_year_first(dt.datetime(2026, 12, 2, 9, 30), "th") == (
        "2569-12-02 09:30"
    )
    for text in ("2569-12-02", "2569-12-02 25:00", "2026-12-02 09:30"):
        with pytest.raises(ValidationError):
            date_time_parse_year_first(text, "th")
