"""Stored answers as text for people: one `display_<type>` per field type, the version's labels."""

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from forms_builder.models import FieldDefinition
from forms_builder.runtime.validators import phone_format
from forms_builder.runtime.widgets import NATIONAL_ID_STATUSES
from forms_builder.texts import localized_text
from partners.areas import area_name
from thai.dates import format_thai_date


def _text(field, value) -> str:
    return str(value)


display_short_text = display_long_text = display_email = display_integer = _text


def display_decimal(field, value) -> str:
    return str(value)


def display_date(field, value) -> str:
    return format_thai_date(dt.date.fromisoformat(value))


def display_datetime(field, value) -> str:
    return format_thai_date(dt.datetime.fromisoformat(value))


def _choice_label(field, value) -> str:
    for choice in field.choices or []:
        if choice.get("value") == value:
            return localized_text(choice, "label") or str(value)
    return str(value)


def display_single_choice(field, value) -> str:
    return _choice_label(field, value)


def display_multiple_choice(field, value) -> str:
    return ", ".join(_choice_label(field, item) for item in value)


def display_yes_no(field, value) -> str:
    return _("Yes") if value else _("No")


def display_national_id(field, value) -> str:
    if value.get("status") == "id":
        n = value.get("number", "")
        return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12:]}" if len(n) == 13 else n
    label = str(dict(NATIONAL_ID_STATUSES).get(value.get("status"), value.get("status")))
    return f"{label}: {value['document']}" if value.get("document") else label


def display_phone(field, value) -> str:
    return phone_format(value)


def display_thai_address(field, value) -> str:
    parts = [value.get(p) for p in ("house", "road") if value.get(p)]
    if value.get("subdistrict"):
        parts.append(area_name(value["subdistrict"]))
    if value.get("landmark"):
        parts.append(_("landmark: %(landmark)s") % {"landmark": value["landmark"]})
    return ", ".join(parts)


def display_location(field, value) -> str:
    return f"{value.get('lat')}, {value.get('lng')}"


def display_file(field, value) -> str:
    size_kb = max(1, round((value.get("size") or 0) / 1024))
    return f"{value.get('name', '')} ({size_kb:,} KB)"


def display_heading(field, value) -> str:
    return ""


def answer_display(field: FieldDefinition, value: Any) -> str:
    """One stored answer as text in the active language ('' when there is none)."""
    if value is None or value == "" or value == []:
        return ""
    display = globals().get(f"display_{field.field_type}", _text)
    try:
        return display(field, value)
    except (TypeError, ValueError, KeyError, AttributeError):  # a damaged answer still shows
        return str(value)


def _condition_value_text(field, value) -> str:
    if isinstance(value, list):
        return ", ".join(_condition_value_text(field, item) for item in value)
    if field.field_type in ("date", "datetime") and isinstance(value, str):
        return answer_display(field, value) if value else ""
    return answer_display(field, value) if value is not None else ""


def condition_text(condition: dict | None, fields: dict) -> str:
    """'Age is less than 18 and Nationality equals Foreign, or …' with labels, never codes
    (plain text, escaped on output). `fields`: key -> FieldDefinition."""
    from forms_builder.conditions import OPERATORS

    groups = []
    for group in (condition or {}).get("any") or []:
        rows = []
        for row in group.get("all") or []:
            field = fields.get(row.get("field"))
            label = field.label if field else row.get("field")
            operator = OPERATORS.get(row.get("operator"), (False, row.get("operator")))[1]
            value = _condition_value_text(field, row.get("value")) if field else ""
            rows.append(" ".join(str(part) for part in (label, operator, value) if part != ""))
        groups.append(_(" and ").join(rows))
    return _(" or ").join(groups)


def condition_describe(condition: dict | None, fields: dict) -> str:
    """'Answer only when: Age is less than 18 or …' for people (plain text, escaped on output)."""
    text = condition_text(condition, fields)
    return _("Answer only when: %(condition)s") % {"condition": text} if text else ""
