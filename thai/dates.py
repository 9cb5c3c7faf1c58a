"""Buddhist-era dates and fiscal years.

Dates are stored as ordinary (Gregorian) dates; they are shown in the Buddhist era (พ.ศ. = CE + 543)
when the active language is Thai. The Thai fiscal year runs 1 October – 30 September and is named by
the BE year it ends in: FY 2564 = 1 Oct 2020 – 30 Sep 2021.
"""

import datetime as dt

from django.utils import timezone, translation

BE_OFFSET = 543

MONTHS_TH = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_TH_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def be_year(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def be_date_stamp(day: dt.date) -> str:
    """A date for a file name, in the Buddhist era: 2026-12-05 → 25691205."""
    return f"{be_year(day.year)}{day:%m%d}"


def ce_year(year_be: int) -> int:
    return year_be - BE_OFFSET


def fiscal_year_be(day: dt.date) -> int:
    """The BE fiscal year a date falls in (October starts the next fiscal year)."""
    year = day.year + 1 if day.month >= 10 else day.year
    return be_year(year)


def fiscal_year_bounds(year_be: int) -> tuple[dt.date, dt.date]:
    """First and last day of a BE fiscal year."""
    end_ce = ce_year(year_be)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def _as_local_date_time(value: dt.date | dt.datetime) -> tuple[dt.date, dt.time | None]:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date(), value.time()
    return value, None


def format_thai_date(
    value: dt.date | dt.datetime | None, style: str = "long", language: str | None = None
) -> str:
    """A date (and time, for datetimes) for people to read.

    Thai: '6 สิงหาคม 2563' (long), '6 ส.ค. 63' (short), '06/08/2563' (numeric).
    Other languages: '6 August 2020', '6 Aug 2020', '06/08/2020'.
    """
    if value is None:
        return ""
    language = language or translation.get_language() or "th"
    day, time = _as_local_date_time(value)
    thai = language.startswith("th")
    year = be_year(day.year) if thai else day.year
    if style == "numeric":
        text = f"{day.day:02d}/{day.month:02d}/{year}"
    elif style == "short":
        if thai:
            text = f"{day.day} {MONTHS_TH_SHORT[day.month - 1]} {year % 100:02d}"
        else:
            text = f"{day.day} {MONTHS_EN[day.month - 1][:3]} {year}"
    else:
        months = MONTHS_TH if thai else MONTHS_EN
        text = f"{day.day} {months[day.month - 1]} {year}"
    if time is not None:
        text = f"{text} {time:%H:%M}"
        if thai and style == "long":
            text = f"{text} น."
    return text
