"""What publishing (and importing) checks in a version's fields: every problem at once."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

from forms_builder.answers import CHOICE_TYPES, answer_value_check
from forms_builder.be_dates import date_bound
from forms_builder.conditions import condition_validate, is_empty
from forms_builder.models import FIELD_KEY_PATTERN, FieldType
from forms_builder.runtime.uploads import MAX_SIZE_MB_LIMIT, accept_problems
from forms_builder.runtime.validators import pattern_problem

CHOICE_VALUE_PATTERN = r"^[a-z0-9][a-z0-9_]{0,62}$"
VALIDATION_KEYS = {
    FieldType.SHORT_TEXT: {
        "min_length",
        "max_length",
        "pattern",
        "pattern_message_th",
        "pattern_message_en",
    },
    FieldType.LONG_TEXT: {
        "min_length",
        "max_length",
        "pattern",
        "pattern_message_th",
        "pattern_message_en",
    },
    FieldType.INTEGER: {"min_value", "max_value"},
    FieldType.DECIMAL: {"min_value", "max_value", "decimal_places"},
    FieldType.DATE: {"min_value", "max_value", "not_in_future"},
    FieldType.DATETIME: {"not_in_future"},
    FieldType.FILE: {"accept", "max_size_mb"},
}


def _number(value, whole: bool):
    if isinstance(value, bool):
        return None
    if whole:
        return value if isinstance(value, int) else None
    try:
        return Decimal(str(value)) if isinstance(value, int | float | str) else None
    except InvalidOperation:
        return None


def _bounds_problems(field, low_name: str, high_name: str, parse) -> list[str]:
    validation, problems, parsed = field.validation or {}, [], {}
    for name in (low_name, high_name):
        if validation.get(name) is None:
            continue
        parsed[name] = parse(validation[name])
        if parsed[name] is None:
            problems.append(gettext("“%(name)s” has a value of the wrong kind.") % {"name": name})
    low, high = parsed.get(low_name), parsed.get(high_name)
    if low is not None and high is not None and low > high:
        problems.append(
            gettext("“%(low)s” is greater than “%(high)s”.") % {"low": low_name, "high": high_name}
        )
    return problems


def validation_problems(field) -> list[str]:
    validation = field.validation or {}
    if not isinstance(validation, dict):
        return [gettext("Validation must be an object.")]
    kind = field.field_type
    unknown = set(validation) - VALIDATION_KEYS.get(kind, set())
    problems = [
        gettext("“%(name)s” does not apply to this type of field.") % {"name": name}
        for name in sorted(unknown)
    ]
    if kind in (FieldType.SHORT_TEXT, FieldType.LONG_TEXT):
        problems += _bounds_problems(
            field, "min_length", "max_length", lambda v: v if _number(v, True) is not None else None
        )
        if validation.get("pattern"):
            problem = pattern_problem(str(validation["pattern"]))
            problems += [problem] if problem else []
    elif kind in (FieldType.INTEGER, FieldType.DECIMAL):
        whole = kind == FieldType.INTEGER
        problems += _bounds_problems(field, "min_value", "max_value", lambda v: _number(v, whole))
    if "not_in_future" in validation and not isinstance(validation["not_in_future"], bool):
        problems.append(gettext("“not_in_future” must be true or false."))
    if kind == FieldType.DATE:
        problems += _bounds_problems(field, "min_value", "max_value", date_bound)
    elif kind == FieldType.FILE:
        if "accept" in validation:
            problems += accept_problems(validation["accept"])
        size = _number(validation.get("max_size_mb", 1), False)
        if size is None or not 0 < size <= MAX_SIZE_MB_LIMIT:
            problems.append(gettext("The size limit must be between 0 and 50 MB."))
    return problems


def choices_problems(field) -> list[str]:
    if field.field_type not in CHOICE_TYPES:
        return []
    choices = field.choices if isinstance(field.choices, list) else []
    if not choices:
        return [gettext("A choice field needs at least one choice.")]
    problems, seen = [], set()
    for choice in choices:
        value = choice.get("value") if isinstance(choice, dict) else None
        if not isinstance(value, str) or not re.match(CHOICE_VALUE_PATTERN, value):
            problems.append(
                gettext(
                    "The choice value “%(value)s” must be lower-case English letters, digits "
                    "and underscores."
                )
                % {"value": value}
            )
        elif value in seen:
            problems.append(gettext("The choice value “%(value)s” is repeated.") % {"value": value})
        seen.add(value)
        if not isinstance(choice, dict) or not str(choice.get("label_th") or "").strip():
            problems.append(
                gettext("The choice “%(value)s” needs a Thai label.") % {"value": value}
            )
    return problems


def field_problems(field, fields_before: dict) -> list[str]:
    """Problems of one field, given the fields before it (key -> FieldDefinition)."""
    problems = []
    if not re.match(FIELD_KEY_PATTERN, field.key or ""):
        problems.append(
            gettext(
                "The key must be lower-case English letters, digits and underscores, "
                "starting with a letter."
            )
        )
    if field.key in fields_before:
        problems.append(gettext("The key is used by another field of this form."))
    if field.field_type not in FieldType.values:
        return [*problems, gettext("Unknown field type “%(type)s”.") % {"type": field.field_type}]
    if not (field.label_th or "").strip():
        problems.append(gettext("The field needs a Thai label."))
    problems += choices_problems(field)
    problems += validation_problems(field)
    widget = (field.options or {}).get("widget")
    if field.field_type == FieldType.SINGLE_CHOICE and widget not in (None, "radio", "dropdown"):
        problems.append(gettext("The widget of a single choice is “radio” or “dropdown”."))
    if not is_empty(field.default) and field.field_type in _DEFAULT_CHECKED:
        problem = answer_value_check(field, field.default)
        problems += [gettext("Default: %(problem)s") % {"problem": problem}] if problem else []
    problems += condition_validate(field.condition, fields_before)
    return problems


_DEFAULT_CHECKED = (
    FieldType.SHORT_TEXT,
    FieldType.LONG_TEXT,
    FieldType.INTEGER,
    FieldType.DECIMAL,
    FieldType.DATE,
    FieldType.SINGLE_CHOICE,
    FieldType.MULTIPLE_CHOICE,
    FieldType.YES_NO,
)


def fields_problems(fields: list) -> list[str]:
    """Every problem of a version's fields (in order), each prefixed with the field's key."""
    if not any(f.field_type != FieldType.HEADING for f in fields):
        return [gettext("The form has no question yet.")]
    problems, before = [], {}
    for field in fields:
        problems += [f"{field.key}: {p}" for p in field_problems(field, before)]
        before.setdefault(field.key, field)
    return problems
