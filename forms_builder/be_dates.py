"""Typing dates in the Buddhist era.

In Thai a date is typed day/month/year with the year in the Buddhist era (06/08/2563) and stored
as the ordinary date (2020-08-06). A year that looks like the other era is refused with a message,
never silently shifted by 543 years:
- Thai: years 2400–2999 are BE; 1800–2399 are refused as "this looks like a CE year".
- English: years 1800–2399 are CE; 2400–2999 are refused as "this looks like a BE year".
- ISO (2020-08-06) is a machine format and always CE, in both languages.
Wagtail's own date fields (the page editor's date, go-live and expiry) are typed year first
(2563-08-06, the admin's format) with the year in the user's era: `date_parse_year_first`.
Thai digits (๐–๙) are read as digits; '/', '-', '.' or spaces separate the parts, or none at all
(06082563, as a phone's number pad types it).
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from thai.dates import BE_OFFSET

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$")
# Phone keypads (inputmode=numeric) may have no '/': 06082563 is day, month, year.
_DMY_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_TIME = re.compile(r"^(?P<date>\S+)\s+(?P<hour>\d{1,2})[:.](?P<minute>\d{2})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$")
CE_YEARS = range(1800, 2400)
BE_YEARS = range(2400, 3000)

MESSAGES = {
    "invalid": _("Enter a date as day/month/year, e.g. %(example)s."),
    "looks_ce": _(
        "The year %(year)s looks like a Christian-era year. Enter the Buddhist-era year "
        "(%(year)s + 543 = %(be)s)."
    ),
    "looks_be": _(
        "The year %(year)s looks like a Buddhist-era year. Enter the Christian-era year "
        "(%(year)s − 543 = %(ce)s)."
    ),
    "no_such_day": _("There is no such day in the calendar."),
    "invalid_year_first": _("Enter a date as year-month-day, e.g. %(example)s."),
    "invalid_date_time": _(
        "Enter a date and time as year-month-day hour:minute, e.g. %(example)s."
    ),
    "looks_shifted_twice": _(
        "The year %(year)s is 543 years too late. Enter the Buddhist-era year "
        "(%(year)s − 543 = %(ce)s)."
    ),
}


def is_thai(language: str | None = None) -> bool:
    return (language or translation.get_language() or "th").startswith("th")


def date_example(language: str | None = None) -> str:
    return "06/08/2563" if is_thai(language) else "06/08/2020"


def _typed_year(value: dt.date, language: str | None) -> int:
    return value.year + BE_OFFSET if is_thai(language) else value.year


def date_input_format(value: dt.date | None, language: str | None = None) -> str:
    """A date as it is typed: dd/mm/yyyy, in the BE when Thai."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{_typed_year(value, language)}"


def _make(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(MESSAGES["no_such_day"], code="invalid_date") from None


def date_parse(text: str, language: str | None = None) -> dt.date:
    """The CE date a person typed, or ValidationError with a message in their language."""
    text = (text or "").strip().translate(THAI_DIGITS)
    if match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
        if year not in CE_YEARS:
            raise ValidationError(MESSAGES["looks_be"], code="looks_be", params=_params(year))
        return _make(year, month, day)
    match = _DMY.match(text) or _DMY_DIGITS.match(text)
    if not match:
        raise ValidationError(
            MESSAGES["invalid"], code="invalid", params={"example": date_example(language)}
        )
    day, month, year = (int(part) for part in match.groups())
    if is_thai(language):
        if year in CE_YEARS:
            raise ValidationError(MESSAGES["looks_ce"], code="looks_ce", params=_params(year))
        if year not in BE_YEARS:
            raise ValidationError(
                MESSAGES["invalid"], code="invalid", params={"example": date_example(language)}
            )
        return _make(year - BE_OFFSET, month, day)
    if year in BE_YEARS:
        raise ValidationError(MESSAGES["looks_be"], code="looks_be", params=_params(year))
    if year not in CE_YEARS:
        raise ValidationError(
            MESSAGES["invalid"], code="invalid", params={"example": date_example(language)}
        )
    return _make(year, month, day)


def year_first_example(language: str | None = None) -> str:
    return "2563-08-06" if is_thai(language) else "2020-08-06"


def date_input_format_year_first(value: dt.date | None, language: str | None = None) -> str:
    """A date as Wagtail's date fields show it: yyyy-mm-dd, the year in the BE when Thai."""
    if value is None:
        return ""
    return f"{_typed_year(value, language):04d}-{value.month:02d}-{value.day:02d}"


def date_parse_year_first(text: str, language: str | None = None) -> dt.date:
    """The CE date typed year first (2563-08-06) in the user's era; day-first (06/08/2563) is
    read as `date_parse` reads it. A year of the other era, or one shifted by 543 twice, is
    refused with a message."""
    text = (text or "").strip().translate(THAI_DIGITS)
    match = _YMD.match(text)
    if not match:
        if _DMY.match(text) or _DMY_DIGITS.match(text):
            return date_parse(text, language)
        raise ValidationError(
            MESSAGES["invalid_year_first"],
            code="invalid",
            params={"example": year_first_example(language)},
        )
    year, month, day = (int(part) for part in match.groups())
    thai = is_thai(language)
    era, other = (BE_YEARS, CE_YEARS) if thai else (CE_YEARS, BE_YEARS)
    if year in other:
        code = "looks_ce" if thai else "looks_be"
        raise ValidationError(MESSAGES[code], code=code, params=_params(year))
    if thai and year - BE_OFFSET in BE_YEARS:
        raise ValidationError(
            MESSAGES["looks_shifted_twice"], code="looks_shifted_twice", params=_params(year)
        )
    if year not in era:
        raise ValidationError(
            MESSAGES["invalid_year_first"],
            code="invalid",
            params={"example": year_first_example(language)},
        )
    return _make(year - BE_OFFSET if thai else year, month, day)


def date_time_input_format_year_first(value: dt.datetime | None, language=None) -> str:
    """A date and time as Wagtail's date-time fields show it: yyyy-mm-dd hh:mm (local time)."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{date_input_format_year_first(value.date(), language)} {value:%H:%M}"


def date_time_parse_year_first(text: str, language: str | None = None) -> dt.datetime:
    """The (naive, local) date and time typed as yyyy-mm-dd hh:mm, the year in the user's era."""
    invalid = ValidationError(
        MESSAGES["invalid_date_time"],
        code="invalid",
        params={"example": f"{year_first_example(language)} 09:30"},
    )
    match = _DATE_TIME.match((text or "").strip().translate(THAI_DIGITS))
    if not match:
        raise invalid
    day = date_parse_year_first(match["date"], language)
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise invalid
    return dt.datetime.combine(day, dt.time(hour, minute))


def _params(year: int) -> dict:
    return {"year": year, "be": year + BE_OFFSET, "ce": year - BE_OFFSET}


def date_bound(value) -> dt.date | None:
    """A stored date bound or default: "YYYY-MM-DD" or "today" (None when it is neither)."""
    if value == "today":
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
