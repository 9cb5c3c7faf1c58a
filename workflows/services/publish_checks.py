"""What publishing a process version checks: the graph (one start, every step reachable, every
path ends, a way out of every task), each step's kind, the conditions of the decisions (fields of
forms filled in on a way to the step, values of the right type), and that the decisions out of a
step take every answer (forms_builder.condition_coverage) unless a default decision does.
Every problem is listed at once, each naming the step and what to fix."""

from collections import defaultdict, deque

from django.utils.translation import gettext as _

from forms_builder.condition_coverage import answers_describe, conditions_coverage
from forms_builder.conditions import condition_validate
from forms_builder.models import FieldDefinition, FieldType
from workflows.models import ProcessVersion, Step

MAX_UNCOVERED_SHOWN = 3


def _reachable(start: Step, edges: dict[int, list[int]]) -> set[int]:
    seen, todo = {start.pk}, deque([start.pk])
    while todo:
        for nxt in edges[todo.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def process_version_problems(*, version: ProcessVersion) -> list[str]:
    """Every reason the version cannot be published, each naming the step and what to fix."""
    steps = {s.pk: s for s in version.steps.select_related("form_version__definition")}
    transitions = list(version.transitions.all())
    problems: list[str] = []
    starts = [s for s in steps.values() if s.is_start]
    if len(starts) != 1:
        problems.append(
            _("A process needs exactly one start step (it has %(n)d).") % {"n": len(starts)}
        )
    forward: dict[int, list[int]] = defaultdict(list)
    backward: dict[int, list[int]] = defaultdict(list)
    for t in transitions:
        forward[t.source_id].append(t.target_id)
        backward[t.target_id].append(t.source_id)
    for step in steps.values():
        problems += _step_problems(step, forward[step.pk], version.definition.partner_id)
    if len(starts) == 1:
        reachable = _reachable(starts[0], forward)
        for step in steps.values():
            if step.pk not in reachable:
                problems.append(
                    _("Step “%(step)s” cannot be reached from the start.") % {"step": step.name}
                )
        ends = [s for s in steps.values() if s.is_end]
        leads_to_end = set().union(*(_reachable(e, backward) for e in ends)) if ends else set()
        for pk in reachable:
            if pk not in leads_to_end and not steps[pk].is_end:
                problems.append(
                    _("From step “%(step)s” no path reaches an end.") % {"step": steps[pk].name}
                )
        problems += _condition_problems(steps, transitions, backward)
        problems += _coverage_problems(steps, transitions, forward, backward, starts[0])
    return problems


def _step_problems(step: Step, targets: list[int], partner_id: int | None) -> list[str]:
    return step.kind_spec.problems(step, targets=targets, partner_id=partner_id)


def _condition_problems(steps, transitions, backward) -> list[str]:
    """A condition may use only fields of forms filled in on a path to its step (the step too)."""
    problems = []
    for t in transitions:
        if t.condition is None:
            continue
        fields = _fields_of(steps[pk] for pk in _reachable(steps[t.source_id], backward))
        for problem in condition_validate(t.condition, fields):
            problems.append(
                _("Decision “%(label)s” of step “%(step)s”: %(problem)s")
                % {"label": t.label, "step": steps[t.source_id].name, "problem": problem}
            )
    return problems


def _dominators(step_pk: int, start: Step, forward, steps) -> set[int]:
    """The steps every way from the start to this step passes through (the step included)."""
    dominating = {step_pk, start.pk}
    for pk in steps:
        if pk in dominating:
            continue
        without = {k: [t for t in v if t != pk] for k, v in forward.items() if k != pk}
        if step_pk not in _reachable(start, defaultdict(list, without)):
            dominating.add(pk)
    return dominating


def _coverage_problems(steps, transitions, forward, backward, start: Step) -> list[str]:
    """Without a default, the decisions out of a step must take every answer a case can have
    there: a field may be unanswered unless it is required, always shown, and on a form of a
    step every way to this one passes through."""
    problems = []
    by_source: dict[int, list] = defaultdict(list)
    for t in transitions:
        by_source[t.source_id].append(t)
    for source_pk, decisions in by_source.items():
        if any(t.is_default for t in decisions):
            continue
        step = steps[source_pk]
        before = _reachable(step, backward)
        fields = _fields_of(steps[pk] for pk in before)
        always = _fields_of(steps[pk] for pk in _dominators(source_pk, start, forward, steps))
        may_be_missing = {
            key
            for key, field in fields.items()
            if not (key in always and always[key].required and not always[key].condition)
        }
        coverage = conditions_coverage(
            [t.condition for t in decisions], fields, may_be_missing=may_be_missing
        )
        name = {"step": step.name}
        if coverage.open_fields:
            problems.append(
                _(
                    "Step “%(step)s”: its decisions test %(fields)s, whose answers cannot all "
                    "be foreseen: add a default decision, taken when no other holds."
                )
                % {**name, "fields": ", ".join(f.label for f in coverage.open_fields)}
            )
        elif coverage.uncovered:
            shown = coverage.uncovered[:MAX_UNCOVERED_SHOWN]
            more = len(coverage.uncovered) - len(shown)
            answers = "; ".join(answers_describe(a, fields) for a in shown)
            if more:
                answers += " " + _("(and %(n)s more)") % {"n": more}
            problems.append(
                _(
                    "Step “%(step)s”: no decision is taken when %(answers)s. Add a default "
                    "decision or a decision for these answers."
                )
                % {**name, "answers": answers}
            )
    return problems


def _fields_of(steps) -> dict[str, FieldDefinition]:
    """The fields of these steps' forms a decision can test, by key, in the steps' order."""
    form_version_ids = [
        s.form_version_id for s in sorted(steps, key=lambda s: (s.sort_order, s.pk))
    ]
    fields: dict[str, FieldDefinition] = {}
    rows = FieldDefinition.objects.filter(version_id__in=[i for i in form_version_ids if i])
    by_version: dict[int, list[FieldDefinition]] = defaultdict(list)
    for f in rows.order_by("sort_order", "pk"):
        by_version[f.version_id].append(f)
    for version_id in form_version_ids:
        for f in by_version.get(version_id, []):
            if f.field_type != FieldType.HEADING:
                fields[f.key] = f
    return fields


def step_fields_before(*, step: Step) -> dict[str, FieldDefinition]:
    """Fields a decision out of `step` may test: those of the forms filled in on a way to it."""
    steps = {s.pk: s for s in step.version.steps.all()}
    backward: dict[int, list[int]] = defaultdict(list)
    for source_id, target_id in step.version.transitions.values_list("source_id", "target_id"):
        backward[target_id].append(source_id)
    return _fields_of(steps[pk] for pk in _reachable(steps[step.pk], backward))
