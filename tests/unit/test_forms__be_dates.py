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
