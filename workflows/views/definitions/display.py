"""How the admin shows a version's steps and decisions, conditions in words."""

from forms_builder.display import condition_text
from forms_builder.models import FieldDefinition
from workflows.models import ProcessVersion


def step_rows(version: ProcessVersion) -> list[tuple]:
    """(step, [decisions]) in order; each step carries `what_happens` (its kind's description),
    each decision `condition_text`."""
    steps = list(version.steps.select_related("form_version__definition"))
    transitions = list(version.transitions.select_related("source", "target"))
    form_versions = {s.form_version_id for s in steps if s.form_version_id}
    fields = {f.key: f for f in FieldDefinition.objects.filter(version_id__in=form_versions)}
    for step in steps:
        step.what_happens = step.kind_spec.describe(step)
    for t in transitions:
        t.condition_text = "" if t.is_default else condition_text(t.condition, fields)
    return [(s, [t for t in transitions if t.source_id == s.pk]) for s in steps]
