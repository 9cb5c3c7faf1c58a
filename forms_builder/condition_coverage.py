"""Whether a set of conditions takes every possible answer: found by trying each answer.

Decisions out of a process step are checked in order, and a case whose answers satisfy none of
them is stuck. A default decision avoids that; without one, the conditions must cover every
answer. That is provable only for fields with few possible answers — the choices of a choice
field, yes/no, and any field the conditions only test for being empty or not — so those are
tried, each also unanswered where it may be; a field tested on its value with many possible
answers (a number, a date, a text) cannot be tried, and the caller asks for a default.
"""

import itertools
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from forms_builder.conditions import condition_evaluate, condition_fields
from forms_builder.display import answer_display
from forms_builder.models import FieldDefinition, FieldType

MAX_COMBINATIONS = 4096
MAX_MULTIPLE_CHOICES = 6
ANSWERED = "answered"  # any answer, for a field the conditions only test for emptiness
EMPTINESS_OPERATORS = {"empty", "not_empty"}


@dataclass
class Coverage:
    #: Fields tested on values that cannot all be tried (a number, a date, a text).
    open_fields: list[FieldDefinition] = field(default_factory=list)
    #: Answers (key -> value, None when unanswered) that no condition takes.
    uncovered: list[dict[str, Any]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.open_fields and not self.uncovered


def _operators_on(conditions: list[dict | None], key: str) -> set[str]:
    return {
        row.get("operator")
        for condition in conditions
        for group in (condition or {}).get("any") or []
        for row in group.get("all") or []
        if isinstance(row, dict) and row.get("field") == key
    }


def _answers(definition: FieldDefinition, operators: set[str]) -> list[Any] | None:
    """Every answer the field can hold, or None when there are too many to try."""
    if operators <= EMPTINESS_OPERATORS:
        return [ANSWERED]
    values = [choice.get("value") for choice in definition.choices or []]
    if definition.field_type == FieldType.YES_NO:
        return [True, False]
    if definition.field_type == FieldType.SINGLE_CHOICE:
        return values
    if definition.field_type == FieldType.MULTIPLE_CHOICE and len(values) <= MAX_MULTIPLE_CHOICES:
        return [
            list(chosen)
            for size in range(1, len(values) + 1)
            for chosen in itertools.combinations(values, size)
        ]
    return None


def conditions_coverage(
    conditions: list[dict | None],
    fields: dict[str, FieldDefinition],
    *,
    may_be_missing: set[str],
) -> Coverage:
    """Try every combination of the answers the conditions read (each also unanswered when it
    is in `may_be_missing`); report the combinations none of the conditions takes."""
    if any(not condition for condition in conditions):
        return Coverage()  # a condition that always holds takes everything
    keys = [key for c in conditions for key in condition_fields(c)]
    keys = [key for key in dict.fromkeys(keys) if key in fields]
    coverage, domains = Coverage(), []
    for key in keys:
        answers = _answers(fields[key], _operators_on(conditions, key))
        if answers is None:
            coverage.open_fields.append(fields[key])
            continue
        domains.append([*answers, None] if key in may_be_missing else answers)
    if coverage.open_fields:
        return coverage
    total = 1
    for domain in domains:
        total *= len(domain)
    if total > MAX_COMBINATIONS:
        coverage.open_fields = [fields[key] for key in keys]
        return coverage
    for combination in itertools.product(*domains):
        answers = {k: v for k, v in zip(keys, combination, strict=True) if v is not None}
        if not any(condition_evaluate(condition, answers) for condition in conditions):
            coverage.uncovered.append(dict(zip(keys, combination, strict=True)))
    return coverage


def answers_describe(answers: dict[str, Any], fields: dict[str, FieldDefinition]) -> str:
    """'Nationality: Foreign, Is a child: not answered' for people."""
    parts = []
    for key, value in answers.items():
        definition = fields[key]
        if value is None:
            text = _("not answered")
        elif value == ANSWERED:
            text = _("answered")
        else:
            text = answer_display(definition, value)
        parts.append(f"{definition.label}: {text}")
    return ", ".join(parts)
