import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from thai.dates import fiscal_year_be, fiscal_year_bounds, format_thai_date


def test_long_thai_date_is_in_the_buddhist_era():
    assert format_thai_date(dt.date(2020, 8, 6), language="th") == "6 สิงหาคม 2563"


def test_short_thai_date_uses_two_digit_be_year():
    assert format_thai_date(dt.date(2020, 8, 6), "short", language="th") == "6 ส.ค. 63"


def test_english_dates_stay_in_the_common_era():
    assert format_thai_date(dt.date(2020, 8, 6), language="en") == "6 August 2020"
    assert format_thai_date(dt.date(2020, 8, 6), "numeric", language="en") == "06/08/2020"


def test_aware_datetime_is_shown_in_bangkok_time():
    moment = dt.datetime(2020, 8, 5, 20, 30, tzinfo=dt.UTC)
    assert format_thai_date(moment, language="th") == "6 สิงหาคม 2563 03:30 น."


def test_none_renders_empty():
    assert format_thai_date(None) == ""


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2020, 9, 30), 2563),
        (dt.date(2020, 10, 1), 2564),
        (dt.date(2021, 9, 30), 2564),
        (dt.date(2021, 10, 1), 2565),
    ],
)
def test_fiscal_year_starts_in_october(day, year):
    assert fiscal_year_be(day) == year


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_date_lies_within_its_fiscal_year(day):
    first, last = fiscal_year_bounds(fiscal_year_be(day))
    assert first <= day <= last


def test_template_filter_follows_the_active_language():
    template = Template("{% load thai_dates %}{{ day|be_date }}|{{ day|be_date:'short' }}")
    with translation.override("th"):
        assert template.render(Context({"day": dt.date(2020, 8, 6)})) == "6 สิงหาคม 2563|6 ส.ค. 63"
    with translation.override("en"):
        assert template.render(Context({"day": dt.date(2020, 8, 6)})) == "6 August 2020|6 Aug 2020"
