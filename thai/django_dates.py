"""Django's own date formatting in the Buddhist era while the language is Thai.

Every date a template or Wagtail shows for people to read goes through Django's
`django.utils.dateformat.DateFormat`: `{{ value }}`, `|date`, `formats.date_format` (Wagtail's
"2 days ago" tooltips, the moderation and history listings, the timestamps in its messages, the
locked-pages report). Its `Y` and `y` are the Christian-era year and no format string can say
otherwise, so `install()` (run once by `ThaiConfig.ready`) makes them the Buddhist-era year while
the active language is Thai: "5 ธันวาคม 2569, 15:02". Other languages keep the Christian era.

Forms for machines are not touched: `c` (ISO 8601), `r` (RFC 5322), `U` and `o` keep the
Christian era, and form inputs format with `strftime` (the date fields that take Buddhist-era
years are `forms_builder.be_dates` and `cms.admin_dates`). Write `|date:"c"`, never
`|date:"Y-m-d"`, for a `<time datetime>` attribute.
"""

from django.utils import dateformat, translation

from thai.dates import BE_OFFSET


def _is_thai() -> bool:
    return (translation.get_language() or "").startswith("th")


def _year(date_format: dateformat.DateFormat) -> int:
    year = date_format.data.year
    return year + BE_OFFSET if _is_thai() else year


def _four_digit_year(self) -> str:
    """Year, 4 digits: 2569 in Thai, 2026 otherwise."""
    return f"{_year(self):04d}"


def _two_digit_year(self) -> str:
    """Year, 2 digits: 69 in Thai, 26 otherwise."""
    return f"{_year(self) % 100:02d}"


def install() -> None:
    dateformat.DateFormat.Y = _four_digit_year
    dateformat.DateFormat.y = _two_digit_year
