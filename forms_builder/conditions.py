"""Visibility conditions (and, later, transition guards): data, never code.

A condition is None ("always") or an OR of AND groups of rows:
    {"any": [{"all": [{"field": "age", "operator": "lt", "value": 18}, ...]}, ...]}
Answers are the stored JSON values (see forms_builder.answers): dates as ISO strings, yes/no as
booleans, multiple choice as lists, decimals as strings.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forms_builder.models import FieldType

# operator -> (needs a value, label)
OPERATORS: dict[str, tuple[bool, Any]] = {
    "equals": (True, _("equals")),
    "not_equals": (True, _("differs from")),
    "in": (True, _("is one of")),
    "not_in": (True, _("is none of")),
    "empty": (False, _("is empty")),
    "not_empty": (False, _("is not empty")),
    "gt": (True, _("is greater than")),
    "gte": (True, _("is at least")),
    "lt": (True, _("is less than")),
    "lte": (True, _("is at most")),
    "contains": (True, _("includes")),
}
ORDERING_OPERATORS = ("gt", "gte", "lt", "lte")
LIST_OPERATORS = ("in", "not_in")

# Which operators make sense for which field types (beyond empty / not_empty, valid for all).
_ALL = ("equals", "not_equals", "in", "not_in")
OPERATORS_BY_TYPE: dict[str, tuple[str, ...]] = {
    FieldType.SHORT_TEXT: _ALL,
    FieldType.LONG_TEXT: (),
    FieldType.INTEGER: (*_ALL, *ORDERING_OPERATORS),
    FieldType.DECIMAL: (*_ALL, *ORDERING_OPERATORS),
    FieldType.DATE: ("equals", "not_equals", *ORDERING_OPERATORS),
    FieldType.DATETIME: ORDERING_OPERATORS,
    FieldType.SINGLE_CHOICE: _ALL,
    FieldType.MULTIPLE_CHOICE: ("contains",),
    FieldType.YES_NO: ("equals", "not_equals"),
    FieldType.NATIONAL_ID: (),
    FieldType.PHONE: (),
    FieldType.EMAIL: (),
    FieldType.THAI_ADDRESS: (),
    FieldType.LOCATION: (),
    FieldType.FILE: (),
    FieldType.HEADING: (),
}


def operators_for(field_type: str) -> list[tuple[str, Any]]:
    """(operator, label) pairs an administrator may use on a field of this type."""
    names = (*OPERATORS_BY_TYPE.get(field_type, ()), "empty", "not_empty")
    if field_type == FieldType.HEADING:
        return []
    return [(name, OPERATORS[name][1]) for name in names]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _comparable(value: Any) -> Any:
    """Numbers as Decimal, ISO dates/datetimes as such, anything else unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
            try:
                parsed = parse(value)
            except ValueError:
                continue
            return parsed
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    return value


def _same(answer: Any, value: Any) -> bool:
    if isinstance(answer, bool) or isinstance(value, bool):
        return type(answer) is type(value) and answer == value
    return _comparable(answer) == _comparable(value)


def _order(operator: str, answer: Any, value: Any) -> bool:
    if isinstance(answer, bool) or isinstance(value, bool):
        return False  # yes/no answers have no order
    left, right = _comparable(answer), _comparable(value)
    if isinstance(left, dt.datetime) and isinstance(right, dt.date):
        left = left.date() if not isinstance(right, dt.datetime) else left
    try:
        if operator == "gt":
            return left > right
        if operator == "gte":
            return left >= right
        if operator == "lt":
            return left < right
        return left <= right
    except (TypeError, InvalidOperation):  # another kind of answer (text, NaN) never matches
        return False


def row_evaluate(row: dict, answers: dict) -> bool:
    """One (field, operator, value) row. A missing answer only satisfies `empty` / `not_*`."""
    operator = row.get("operator")
    answer = answers.get(row.get("field"))
    value = row.get("value")
    if operator == "empty":
        return is_empty(answer)
    if operator == "not_empty":
        return not is_empty(answer)
    if operator == "not_equals":
        return not row_evaluate({**row, "operator": "equals"}, answers)
    if operator == "not_in":
        return not row_evaluate({**row, "operator": "in"}, answers)
    if is_empty(answer):
        return False
    if operator == "equals":
        return _same(answer, value)
    if operator == "in":
        return any(_same(answer, item) for item in (value or []))
    if operator == "contains":
        items = answer if isinstance(answer, list) else [answer]
        return any(_same(item, value) for item in items)
    if operator in ORDERING_OPERATORS:
        return _order(operator, answer, value)
    return False


def condition_evaluate(condition: dict | None, answers: dict) -> bool:
    """Whether the condition holds for these answers. None (or no groups) means always."""
    if not condition:
        return True
    groups = condition.get("any") or []
    if not groups:
        return True
    return any(
        all(row_evaluate(row, answers) for row in group.get("all") or []) for group in groups
    )


def condition_fields(condition: dict | None) -> list[str]:
    """Keys of the fields a condition reads, in order, without repeats."""
    keys: list[str] = []
    for group in (condition or {}).get("any") or []:
        for row in group.get("all") or []:
            key = row.get("field") if isinstance(row, dict) else None
            if key and key not in keys:
                keys.append(key)
    return keys


def _value_problem(field, operator: str, value: Any) -> str | None:
    """A message when the value does not fit the field's type, else None."""
    from forms_builder.answers import answer_value_check

    values = value if operator in LIST_OPERATORS else [value]
    if operator in LIST_OPERATORS and (not isinstance(value, list) or not value):
        return gettext("“%(operator)s” needs a list of values.") % {"operator": operator}
    for item in values:
        problem = answer_value_check(field, item, for_condition=True)
        if problem:
            return problem
    return None


def condition_validate(condition: dict | None, fields_before: dict) -> list[str]:
    """Messages for every problem. `fields_before`: key -> FieldDefinition of earlier fields."""
    if condition is None:
        return []
    if not isinstance(condition, dict) or not isinstance(condition.get("any"), list):
        return [gettext("A condition must be {“any”: [{“all”: [rows]}]}.")]
    problems = []
    for group in condition["any"]:
        rows = group.get("all") if isinstance(group, dict) else None
        if not isinstance(rows, list) or not rows:
            problems.append(gettext("Each group of a condition needs at least one row."))
            continue
        for row in rows:
            problems += _row_problems(row, fields_before)
    return problems


def _row_problems(row: Any, fields_before: dict) -> list[str]:
    if not isinstance(row, dict):
        return [gettext("A condition row must have a field, an operator and a value.")]
    key, operator = row.get("field"), row.get("operator")
    field = fields_before.get(key)
    if field is None:
        return [
            gettext("The condition refers to “%(key)s”, which is not an earlier field.")
            % {"key": key}
        ]
    if operator not in OPERATORS:
        return [gettext("Unknown operator “%(operator)s”.") % {"operator": operator}]
    if operator not in dict(operators_for(field.field_type)):
        return [
            gettext("“%(operator)s” cannot be used on “%(key)s” (%(type)s).")
            % {"operator": operator, "key": key, "type": field.get_field_type_display()}
        ]
    needs_value = OPERATORS[operator][0]
    if not needs_value:
        return (
            []
            if row.get("value") in (None, "")
            else [gettext("“%(operator)s” takes no value.") % {"operator": operator}]
        )
    if "value" not in row or row["value"] in (None, ""):
        return [gettext("The row on “%(key)s” needs a value.") % {"key": key}]
    problem = _value_problem(field, operator, row["value"])
    return [f"{key}: {problem}"] if problem else []
