"""How answers are stored: one JSON value per field key, by type.

short_text, long_text, email, phone -> "text" (phone as 0812345678) · integer -> 12 ·
decimal -> "12.50" (a string: exact) · date -> "2020-08-06" ·
datetime -> "2020-08-06T14:30:00+07:00" ·
single_choice -> "value" · multiple_choice -> ["a", "b"] · yes_no -> true/false ·
national_id -> {"status": "id", "number": "…"} or {"status": "no_id"|"foreign"|"stateless",
"document": "…"} · thai_address -> {"province", "district", "subdistrict", "house", "road",
"landmark"} · location -> {"lat": 13.75, "lng": 100.5} ·
file -> {"file": uuid, "name", "content_type", "size"} · heading -> never stored.
Empty answers are not stored.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from forms_builder.be_dates import date_bound
from forms_builder.conditions import is_empty
from forms_builder.models import FieldType

CHOICE_TYPES = (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE)
NON_ANSWER_TYPES = (FieldType.HEADING,)


def answer_to_json(field_type: str, value: Any) -> Any:
    """The JSON value stored for a cleaned form value (None when empty)."""
    if is_empty(value) or field_type in NON_ANSWER_TYPES:
        return None
    if field_type == FieldType.DECIMAL:
        return str(value)
    if field_type == FieldType.DATETIME:
        return timezone.localtime(value).isoformat()
    if field_type == FieldType.DATE:
        return value.isoformat()
    if field_type == FieldType.MULTIPLE_CHOICE:
        return list(value)
    return value


def answer_initial(field) -> Any:
    """The form's initial value from the field's default ("today" for dates)."""
    default = field.default
    if is_empty(default):
        return None
    if field.field_type in (FieldType.DATE, FieldType.DATETIME) and default == "today":
        return timezone.localdate() if field.field_type == FieldType.DATE else timezone.now()
    if field.field_type == FieldType.DATE:
        return date_bound(default)
    if field.field_type == FieldType.YES_NO:
        return "yes" if default is True else "no" if default is False else None
    return default


def answer_as_initial(field_type: str, stored: Any) -> Any:
    """A stored answer as a form's initial value, so an earlier answer pre-fills a field of the
    same key (None for what cannot be pre-filled: files, headings, a value of another shape)."""
    if stored is None or field_type in (FieldType.FILE, *NON_ANSWER_TYPES):
        return None
    try:
        if field_type == FieldType.DATE:
            return dt.date.fromisoformat(stored)
        if field_type == FieldType.DATETIME:
            return dt.datetime.fromisoformat(stored)
        if field_type == FieldType.DECIMAL:
            return Decimal(str(stored))
    except (TypeError, ValueError, InvalidOperation):
        return None
    if field_type == FieldType.YES_NO:
        return "yes" if stored is True else "no" if stored is False else None
    if field_type in (FieldType.NATIONAL_ID, FieldType.THAI_ADDRESS, FieldType.LOCATION):
        return stored if isinstance(stored, dict) else None
    if field_type == FieldType.MULTIPLE_CHOICE:
        return stored if isinstance(stored, list) else None
    if field_type == FieldType.INTEGER:
        return stored if isinstance(stored, int) and not isinstance(stored, bool) else None
    return stored if isinstance(stored, str) else None


def _choice_values(field) -> list[str]:
    return [c.get("value") for c in field.choices or [] if isinstance(c, dict)]


def answer_value_check(field, value: Any, *, for_condition: bool = False) -> str | None:
    """Why a value (a condition's value or a default) does not fit the field, or None."""
    kind = field.field_type
    if kind == FieldType.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        return gettext("a whole number is expected.")
    if kind == FieldType.DECIMAL:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return gettext("a number is expected.")
        try:
            Decimal(str(value))
        except InvalidOperation:
            return gettext("a number is expected.")
    if kind in (FieldType.DATE, FieldType.DATETIME):
        parse = dt.date.fromisoformat if kind == FieldType.DATE else dt.datetime.fromisoformat
        if value == "today" and not for_condition:
            return None
        try:
            parse(value)
        except (TypeError, ValueError):
            return gettext("a date written as YYYY-MM-DD (Christian era) is expected.")
    if kind in CHOICE_TYPES:
        values = value if kind == FieldType.MULTIPLE_CHOICE and not for_condition else [value]
        if not isinstance(values, list) or any(v not in _choice_values(field) for v in values):
            return gettext("the value must be one of the field's choices.")
    if kind == FieldType.YES_NO and not isinstance(value, bool):
        return gettext("true or false is expected.")
    if kind in (FieldType.SHORT_TEXT, FieldType.LONG_TEXT) and not isinstance(value, str):
        return gettext("text is expected.")
    return None
