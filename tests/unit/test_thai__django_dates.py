"""Django's own date formatting (templates, |date, formats.date_format, Wagtail's tooltips and
messages) shows the Buddhist-era year in Thai and the Christian era otherwise; machine-readable
forms keep the Christian era."""

import datetime as dt

from django.template import Context, Template
from django.utils import formats, translation
from wagtail.utils.timestamps import render_timestamp

DAY = dt.date(2020, 8, 6)
MOMENT = dt.datetime(2026, 12, 5, 15, 2, tzinfo=dt.UTC)


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_thai_dates_read_in_the_buddhist_era():
    with translation.override("th"):
        assert formats.date_format(DAY) == "6 สิงหาคม 2563"
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT").endswith("2563")
        assert render("{{ day }}", day=DAY) == "6 สิงหาคม 2563"
        assert render('{{ day|date:"y" }}', day=DAY) == "63"
        assert "2569" in render_timestamp(MOMENT)


def test_other_languages_keep_the_christian_era():
    with translation.override("en"):
        assert render('{{ day|date:"Y" }}', day=DAY) == "2020"
        assert "2026" in render_timestamp(MOMENT)


def test_machine_readable_forms_keep_the_christian_era():
    with translation.override("th"):
        assert render('{{ day|date:"c" }}', day=DAY) == "2020-08-06"
        assert render('{{ moment|date:"c" }}', moment=MOMENT).startswith("2026-12-05T")
        assert " Dec 2026 " in render('{{ moment|date:"r" }}', moment=MOMENT)
