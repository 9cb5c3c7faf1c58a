"""How the admin shows a version's steps and decisions, conditions in words."""

from django.utils.translation import gettext as _

from forms_builder.conditions import OPERATORS
from forms_builder.models import FieldDefinition
from workflows.models import ProcessVersion


def _value_text(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(_value_text(item) for item in value)
    return str(value)


def condition_text(condition: dict | None, labels: dict[str, str]) -> str:
    """{"any": [{"all": [rows]}]} as “A equals x and B is empty, or C …”."""
    groups, and_word, or_word = [], _("and"), _("or")
    for group in (condition or {}).get("any") or []:
        rows = []
        for row in group.get("all") or []:
            field = row.get("field", "")
            operator = OPERATORS.get(row.get("operator"), (False, row.get("operator")))
            text = f"{labels.get(field, field)} {operator[1]}"
            if operator[0]:
                text += f" {_value_text(row.get('value'))}"
            rows.append(text)
        groups.append(f" {and_word} ".join(rows))
    return f" {or_word} ".join(groups)


def step_rows(version: ProcessVersion) -> list[tuple]:
    """(step, [decisions]) in order; each step carries `what_happens` (its kind's description),
    each decision `condition_text`."""
    steps = list(version.steps.select_related("form_version__definition"))
    transitions = list(version.transitions.select_related("source", "target"))
    form_versions = {s.form_version_id for s in steps if s.form_version_id}
    labels = {f.key: f.label for f in FieldDefinition.objects.filter(version_id__in=form_versions)}
    for step in steps:
        step.what_happens = step.kind_spec.describe(step)
    for t in transitions:
        t.condition_text = "" if t.is_default else condition_text(t.condition, labels)
    return [(s, [t for t in transitions if t.source_id == s.pk]) for s in steps]
