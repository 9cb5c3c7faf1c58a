"""A case's answers in a register: one column per form field key (the shape of a case's answers
export), each cell read by its field's type as Thai officers type it and stored as the form
would store it."""

import decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forms_builder.answers import answer_to_json
from forms_builder.models import FieldDefinition, FieldType
from workflows.imports.columns import header_key
from workflows.imports.registers import named
from workflows.imports.values import (
    date_value,
    integer_value,
    text_value,
)

_TEXT_TYPES = (FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.PHONE, FieldType.EMAIL)
_YES = {"yes", "y", "true", "1", "ใช่", "มี", "ได้", "✓"}
_NO = {"no", "n", "false", "0", "ไม่ใช่", "ไม่มี", "ไม่ได้", "ไม่"}
IMPORTABLE_TYPES = (
    *_TEXT_TYPES,
    FieldType.INTEGER,
    FieldType.DECIMAL,
    FieldType.DATE,
    FieldType.SINGLE_CHOICE,
    FieldType.MULTIPLE_CHOICE,
    FieldType.YES_NO,
)


def answer_value(field: FieldDefinition, raw):
    """The stored answer of one cell (None when empty); ValidationError in the user's language."""
    kind = field.field_type
    if kind not in IMPORTABLE_TYPES:
        if text_value(raw):
            raise ValidationError(_("This kind of answer cannot be imported from a file."))
        return None
    if kind in _TEXT_TYPES:
        value = text_value(raw)
    elif kind == FieldType.INTEGER:
        rules = field.validation or {}
        value = integer_value(
            raw, minimum=rules.get("min_value", -(10**9)), maximum=rules.get("max_value", 10**9)
        )
    elif kind == FieldType.DECIMAL:
        value = _decimal(raw)
    elif kind == FieldType.DATE:
        value = date_value(raw)
    elif kind == FieldType.YES_NO:
        value = _yes_no(raw)
    else:
        value = _choices(field, raw)
    return answer_to_json(kind, value)


def _decimal(raw):
    text = text_value(raw).replace(",", "")
    if not text:
        return None
    try:
        return decimal.Decimal(text)
    except decimal.InvalidOperation:
        raise ValidationError(_("Enter a number."), code="invalid") from None


def _yes_no(raw):
    text = text_value(raw).lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(_("Write ใช่ or ไม่ใช่ (yes or no)."), code="invalid")


def _choices(field: FieldDefinition, raw):
    text = text_value(raw)
    if not text:
        return None
    choices = field.choices or []
    lookup = named(
        choices,
        lambda c: c.get("value"),
        lambda c: c.get("label_th"),
        lambda c: c.get("label_en"),
    )
    parts = [text] if field.field_type == FieldType.SINGLE_CHOICE else text.split(",")
    values = []
    for part in (p.strip() for p in parts):
        choice = lookup.get(header_key(part))
        if choice is None:
            raise ValidationError(
                _("“%(value)s” is not one of: %(choices)s."),
                code="choice",
                params={
                    "value": part,
                    "choices": ", ".join(c.get("label_th") or c["value"] for c in choices),
                },
            )
        values.append(choice["value"])
    return values[0] if field.field_type == FieldType.SINGLE_CHOICE else values
