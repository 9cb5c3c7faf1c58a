"""Wait steps: when the wait is over the scheduler routes the case on by the step's decisions."""

import datetime as dt

from django.utils import timezone
from viewflow.workflow.status import STATUS

from scheduling.registry import due_kind
from scheduling.services import due_item_schedule
from workflows.models import CaseTask
from workflows.routing import transition_select
from workflows.selectors.cases import case_answers

#: The local hour a wait until a date ends on that date.
WAIT_UNTIL_HOUR = 8


def _answered_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def wait_over_at(*, task: CaseTask, now: dt.datetime) -> dt.datetime:
    """The answered date (at 08:00) when the step waits for one and it was answered, else the
    step's days from now; with neither, now."""
    settings = task.step.settings or {}
    field = settings.get("until_field")
    if field:
        day = _answered_date(case_answers(case=task.process).get(field))
        if day is not None:
            return timezone.make_aware(dt.datetime.combine(day, dt.time(WAIT_UNTIL_HOUR)))
    return now + dt.timedelta(days=settings.get("days") or 0)


def wait_plan(*, task: CaseTask, now: dt.datetime) -> None:
    due_item_schedule(
        kind="wait_over",
        key=f"task:{task.pk}:wait",
        due_at=wait_over_at(task=task, now=now),
        target=task,
    )


@due_kind("wait_over")
def wait_over(item) -> None:
    """Route the case on from its wait, under the flow lock, like a completed task."""
    from workflows.services.cases import _TaskAction

    task = CaseTask.objects.filter(pk=item.object_id, status=STATUS.NEW).first()
    if task is None:
        return
    with _TaskAction(task) as activation:
        task = activation.task
        if task.status != STATUS.NEW:
            return
        answers = case_answers(case=task.process)
        task.decision = transition_select(step=task.step, answers=answers)
        activation.assign(None)
        activation.start(None)
        task.save(update_fields=["decision", "started"])
        activation.execute()
