"""Cell values as Thai officers type them: Buddhist-era dates in several shapes, Thai digits,
national IDs with dashes, choice labels in Thai or English, and areas by Thai name or DOPA code.

Each reader takes the raw cell (text, number or a spreadsheet date) and returns the stored value or
raises ValidationError with a message in the active language.
"""

import datetime as dt
import functools
import operator
import re
import time
import zoneinfo

import geothai
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import TextChoices
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from forms_builder.be_dates import BE_YEARS, THAI_DIGITS, date_parse
from forms_builder.runtime.validators import national_id_clean
from thai.dates import BE_OFFSET, MONTHS_EN, MONTHS_TH, MONTHS_TH_SHORT


def text_value(raw) -> str:
    """A cell as text: numbers without a trailing '.0', Thai digits kept as typed, NUL characters
    (which a damaged file may hold, and PostgreSQL cannot store) left out."""
    if raw.__class__ is not str:  # nearly every cell is
        if raw is None:
            return ""
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        raw = str(raw)
    if "\x00" in raw:
        raw = raw.replace("\x00", "")
    return " ".join(raw.split())


_MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(MONTHS_TH, 1)},
    **{name.replace(".", ""): number for number, name in enumerate(MONTHS_TH_SHORT, 1)},
    **{name.lower(): number for number, name in enumerate(MONTHS_EN, 1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTHS_EN, 1)},
}
_NAMED_MONTH = re.compile(r"^(\d{1,2})\s*([^\d\s]+)\s*(\d{2}|\d{4})$")
_SHORT_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2})$")


def _be_year(year: int) -> int:
    """Two-digit years are the Buddhist era's last two digits, as registers write them: 63 is
    2563, and 95 (2595 not yet come) is 2495."""
    if year >= 100:
        return year
    year += 2500
    return year if year - BE_OFFSET <= timezone.localdate().year else year - 100


def date_value(raw, *, future: bool = False) -> dt.date | None:
    """'6/8/2563', '06-08-63', '6 ส.ค. 2563', '6 สิงหาคม 2563', ๖/๘/๒๕๖๓, ISO, or a real
    spreadsheet date: the CE date. A date cannot be in the future, unless `future` (a planned
    date: then a two-digit year is still read as past, so write the year whole)."""
    if isinstance(raw, dt.date):
        value = raw.date() if isinstance(raw, dt.datetime) else raw
        if value.year in BE_YEARS:  # "6/8/2563" typed where Excel reads it as a CE date
            value = _make_date(value.year - BE_OFFSET, value.month, value.day)
    else:
        text = text_value(raw).translate(THAI_DIGITS)
        if not text:
            return None
        value = _date_from_text(text)
    if not future and value > _today():
        raise ValidationError(_("The date cannot be in the future."), code="future")
    return value


_TODAY = {"until": 0.0, "date": None}


def _today() -> dt.date:
    """Today in the project's time zone, worked out again only after its midnight (a register
    checks thousands of dates; reading the settings and the clock for each costs more)."""
    if time.time() >= _TODAY["until"]:
        now = dt.datetime.now(_zone(settings.TIME_ZONE))
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), now.tzinfo)
        _TODAY.update(until=midnight.timestamp(), date=now.date())
    return _TODAY["date"]


_zone = functools.lru_cache(maxsize=4)(zoneinfo.ZoneInfo)


_USUAL = re.compile(r"^(\d{1,2})/(\d{1,2})/(2[4-9]\d\d)$")  # 6/8/2563: most registers


def _date_from_text(text: str) -> dt.date:
    if match := _USUAL.match(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if 1 <= month <= 12:
            return _make_date(year - BE_OFFSET, month, day)
    day = month = year = None
    if match := _NAMED_MONTH.match(text):
        month = _MONTH_NUMBERS.get(match[2].replace(".", "").lower())
        if month is None:
            raise ValidationError(
                _("Unknown month “%(month)s”: write e.g. 6 ส.ค. 2563 or 06/08/2563."),
                code="invalid",
                params={"month": match[2]},
            )
        day, year = int(match[1]), _be_year(int(match[3]))
    elif match := _SHORT_YEAR.match(text):
        day, month, year = int(match[1]), int(match[2]), _be_year(int(match[3]))
    if day is None:
        return date_parse(text, language="th")
    return date_parse(f"{day:02d}/{month:02d}/{year}", language="th")


def _make_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February of a BE year whose CE year is not a leap year
        raise ValidationError(_("There is no such day in the calendar."), code="invalid") from None


def integer_value(raw, *, minimum: int, maximum: int) -> int | None:
    text = text_value(raw).translate(THAI_DIGITS)
    if not text:
        return None
    try:
        number = int(text)
    except ValueError:
        raise ValidationError(_("Enter a whole number."), code="invalid") from None
    if not minimum <= number <= maximum:
        raise ValidationError(
            _("Enter a number from %(minimum)s to %(maximum)s."),
            code="range",
            params={"minimum": minimum, "maximum": maximum},
        )
    return number


def national_id_value(raw) -> str:
    """13 digits from '1-1017-00230-70-8', '1 1017 00230 70 8' or Thai digits."""
    if raw.__class__ is str and len(raw) == 13 and _valid_national_id(raw):
        return raw  # as most registers write it
    text = text_value(raw).translate(THAI_DIGITS).replace("-", "").replace(" ", "")
    if _valid_national_id(text):  # the usual case, checked here without python-stdnum's cost
        return text
    return national_id_clean(text) if text else ""


_WEIGHTS = range(13, 1, -1)
_ZEROS = 48 * sum(_WEIGHTS)


def _valid_national_id(text: str) -> bool:
    if len(text) != 13 or not text.isascii() or not text.isdigit() or text[0] in "09":
        return False
    total = sum(map(operator.mul, text[:12].encode(), _WEIGHTS)) - _ZEROS  # digits' codes - '0'
    return (11 - total % 11) % 10 == ord(text[12]) - 48


def _label_key(text: str) -> str:
    return " ".join(str(text).lower().split())


def choice_lookup(choices: type[TextChoices], extra: dict[str, str] | None = None) -> dict:
    """Every way a choice may be written: its stored value, its Thai and English labels."""
    lookup = {_label_key(value): value for value in choices.values}
    for language in ("en", "th"):
        with translation.override(language):
            lookup.update({_label_key(label): value for value, label in choices.choices})
    lookup.update({_label_key(word): value for word, value in (extra or {}).items()})
    return lookup


def choice_value(raw, lookup: dict, choices: type[TextChoices]) -> str:
    text = text_value(raw)
    if not text:
        return ""
    try:
        return lookup[_label_key(text)]
    except KeyError:
        raise ValidationError(
            _("“%(value)s” is not one of: %(choices)s."),
            code="choice",
            params={"value": text, "choices": ", ".join(str(label) for label in choices.labels)},
        ) from None


# Words officers put before area names: จังหวัด/จ., อำเภอ/อ./เขต, ตำบล/ต./แขวง.
_AREA_PREFIX = re.compile(r"^(จังหวัด|จ\.|อำเภอ|อ\.|กิ่งอำเภอ|ตำบล|ต\.|แขวง)\s*")


def _area_key(name: str) -> str:
    return _AREA_PREFIX.sub("", _label_key(name)).replace(" ", "")


def _by_name(areas, name: str):
    key = _area_key(name)
    found = [
        a for a in areas if key in (_area_key(a.name_th), _area_key(a.name_en), a.name_th)
    ] or [a for a in areas if _area_key(a.name_th) == key.removeprefix("เขต")]
    return found[0] if len(found) == 1 else None


_LEVELS = (
    (2, geothai.province, lambda parent: geothai.provinces()),
    (4, geothai.district, lambda parent: geothai.districts(parent) if parent else []),
    (6, geothai.subdistrict, lambda parent: geothai.subdistricts(parent) if parent else []),
)


def area_value(province, district, subdistrict) -> str:
    """The most specific DOPA code of three cells (names or codes); a ValidationError's
    `params['level']` (0, 1 or 2) says which cell is wrong."""
    raws = (province, district, subdistrict)
    if all(isinstance(raw, _PLAIN) for raw in raws):
        return _area_cached(*raws)  # a register names the same few places again and again
    return _area_read(*raws)


_PLAIN = (str, int, float, dt.date, type(None))


def _area_read(*raws) -> str:
    texts = (text_value(raw).translate(THAI_DIGITS) for raw in raws)
    return _area_code(*texts)


_area_cached = functools.lru_cache(maxsize=8192)(_area_read)


@functools.lru_cache(maxsize=8192)
def _area_code(*texts: str) -> str:
    code = ""
    for level, (text, (length, by_code, children)) in enumerate(zip(texts, _LEVELS, strict=True)):
        if not text:
            continue
        if text.isdigit():
            area = by_code(text) if len(text) == length else None
            if area is not None and code and not text.startswith(code):
                raise _area_error(level, _("This area is not in the one given before it."))
        else:
            area = _by_name(children(code), text)
        if area is None:
            message = (
                _("Unknown area “%(name)s”: write its Thai name or its DOPA code.")
                if code or level == 0 or text.isdigit()
                else _("Give the province (and district) before a district or subdistrict name.")
            )
            raise _area_error(level, message, name=text)
        code = area.code
    return code


def _area_error(level: int, message, **params) -> ValidationError:
    return ValidationError(message, code="area", params={"level": level, **params})
