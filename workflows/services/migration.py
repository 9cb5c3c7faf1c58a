"""Moving a process's open cases to a newer published version, by an explicit mapping of steps.

The administrator maps every old step that has open cases to a step of the new version; the
preview lists what will move; applying moves exactly the previewed cases (their version, current
step and open task's step and role) in one transaction, or nothing at all, and writes the move on
each case's timeline.
A case waiting for a supervisor's approval is not moved: its pending decision belongs to the old
version's graph, so the approval is finished first.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from viewflow.workflow.status import STATUS

from partners.models import Role
from workflows.models import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseTask,
    ProcessVersion,
    Step,
    TaskStage,
)
from workflows.services.events import case_event_build
from workflows.services.task_counts import task_counts_follow

OPEN_TASK = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
CLOSED_CASE = (STATUS.DONE, STATUS.CANCELED)


def cases_open_on(*, version: ProcessVersion):
    return Case.objects.filter(process_version=version).exclude(status__in=CLOSED_CASE)


def migration_steps_with_open_cases(*, source: ProcessVersion) -> list[tuple[Step, int]]:
    """The old version's steps where open cases stand, with how many."""
    counts = Counter(cases_open_on(version=source).values_list("current_step_id", flat=True))
    steps = source.steps.filter(pk__in=[pk for pk in counts if pk is not None])
    return [(step, counts[step.pk]) for step in steps]


@dataclass
class MigrationPlan:
    source: ProcessVersion
    target: ProcessVersion
    moves: list[tuple[Case, Step, Step]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def can_apply(self) -> bool:
        return not self.problems and bool(self.moves)


def _version_problems(source: ProcessVersion, target: ProcessVersion) -> list[str]:
    if target.definition_id != source.definition_id:
        return [_("Cases can only move to a version of the same process.")]
    if not target.is_published:
        return [_("Cases can only move to a published version.")]
    if target.number <= source.number:
        return [_("Cases can only move to a newer version.")]
    return []


def migration_plan(
    *, source: ProcessVersion, target: ProcessVersion, mapping: dict[int, int], cases=None
) -> MigrationPlan:
    """What would move where, and every reason it cannot (an unmapped step, a wrong target)."""
    source, target = (ProcessVersion.objects.get(pk=v.pk) for v in (source, target))
    plan = MigrationPlan(source=source, target=target)
    plan.problems = _version_problems(source, target)
    if plan.problems:
        return plan
    targets = {s.pk: s for s in target.steps.all()}
    steps = {s.pk: s for s in source.steps.all()}
    if cases is None:
        cases = cases_open_on(version=source).select_related("client").order_by("pk")
    awaiting_approval = set()
    for case in cases:
        step = steps.get(case.current_step_id)
        new = targets.get(mapping.get(case.current_step_id))
        if step is None:
            plan.problems.append(_("Case %(case)s stands on no step.") % {"case": case.reference})
        elif new is None:
            plan.problems.append(
                _("Step “%(step)s” has open cases (such as %(case)s): choose where they go.")
                % {"step": step.name, "case": case.reference}
            )
        elif new.is_end:
            plan.problems.append(
                _("Open cases cannot move to the end step “%(step)s”.") % {"step": new.name}
            )
        elif case.current_stage == TaskStage.APPROVE:
            awaiting_approval.add(case.reference)
        else:
            plan.moves.append((case, step, new))
    if awaiting_approval:
        plan.problems.append(
            _("These cases wait for a supervisor's approval; finish it first: %(cases)s")
            % {"cases": ", ".join(sorted(awaiting_approval))}
        )
    plan.problems = list(dict.fromkeys(plan.problems))
    return plan


@transaction.atomic
def cases_migrate(
    *,
    source: ProcessVersion,
    target: ProcessVersion,
    mapping: dict[int, int],
    user=None,
    expected_cases: set[int] | None = None,
) -> int:
    """Move every open case of `source` to `target`. All or nothing: ValidationError otherwise.

    The open cases are locked (select_for_update) first, so no task completes on the old graph
    while they move. `expected_cases` (the previewed ones) must be exactly the cases that would
    move now; if a case opened, closed or moved since the preview, nothing moves.
    """
    cases = list(
        cases_open_on(version=source).select_for_update().select_related("client").order_by("pk")
    )
    plan = migration_plan(source=source, target=target, mapping=mapping, cases=cases)
    if plan.problems:
        raise ValidationError(plan.problems)
    if expected_cases is not None and {case.pk for case, _old, _new in plan.moves} != set(
        expected_cases
    ):
        raise ValidationError(
            _("The open cases have changed since the preview. Check the new preview and confirm.")
        )
    by_step: dict[tuple[int, int], list[int]] = {}
    for case, old, new in plan.moves:
        by_step.setdefault((old.pk, new.pk), []).append(case.pk)
    targets = {s.pk: s for s in target.steps.all()}
    for (old_pk, new_pk), case_ids in by_step.items():
        new = targets[new_pk]
        Case.objects.filter(pk__in=case_ids).update(process_version=target, current_step=new)
        moving = CaseTask.objects.filter(
            process_id__in=case_ids, step_id=old_pk, status__in=OPEN_TASK
        )
        moved = CaseTask.objects.filter(pk__in=list(moving.values_list("pk", flat=True)))
        with task_counts_follow(moved):
            moving.update(step=new, role=new.role or Role.CASEWORKER)
    CaseEvent.objects.bulk_create(
        case_event_build(
            case=case,
            kind=CaseEventKind.MOVED,
            user=user,
            details={
                "from_version": source.number,
                "from_step": old.name,
                "to_version": target.number,
                "to_step": new.name,
            },
        )
        for case, old, new in plan.moves
    )
    return len(plan.moves)


__all__ = [
    "MigrationPlan",
    "cases_migrate",
    "cases_open_on",
    "migration_plan",
    "migration_steps_with_open_cases",
]
