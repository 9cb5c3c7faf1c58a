"""Tasks and timeline entries as the workspace shows them: titles, due badges, answers."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_builder.selectors import AnswerRow, answers_display
from thai.dates import format_thai_date
from workflows.models import Case, CaseEvent, CaseTask, TaskStage
from workflows.selectors.cases import case_events, case_timeline
from workflows.selectors.tasks import task_due_state


def task_title(task: CaseTask) -> str:
    """What and for whom: "คัดกรอง — นาย ก." (approval tasks say so)."""
    title = f"{task.step.name} — {task.process.client.display_name}"
    if task.stage == TaskStage.APPROVE:
        return _("Approve: %(title)s") % {"title": title}
    return title


@dataclass
class TaskRow:
    task: CaseTask
    title: str
    due_state: str
    due_text: str


def task_rows(tasks, now: dt.datetime | None = None) -> list[TaskRow]:
    now = now or timezone.now()
    return [
        TaskRow(
            task=task,
            title=task_title(task),
            due_state=task_due_state(task, now),
            due_text=format_thai_date(task.due_at, "short"),
        )
        for task in tasks
    ]


@dataclass
class TimelineEntry:
    """A task of the case, or something else that happened to it (an event)."""

    when: dt.datetime
    title: str
    task: CaseTask | None = None
    event: CaseEvent | None = None
    answers: list[AnswerRow] = field(default_factory=list)
    # For answers a supervisor returned: the approval task that returned them.
    returned_by: CaseTask | None = None


def case_entries(*, case: Case, can_see_sensitive: bool) -> list[TimelineEntry]:
    """Every task and event of the case, oldest first; fill tasks carry their answers (masked if
    need be)."""
    tasks = case_timeline(case=case)
    for task in tasks:
        task.process = case  # the titles read the client from the case already loaded
    prefetch_related_objects(tasks, "answer_set__form_version__fields")
    returns = {
        task.answer_set_id: task
        for task in tasks
        if task.stage == TaskStage.APPROVE and task.approved is False
    }
    entries = [
        TimelineEntry(
            when=task.created,
            task=task,
            title=task_title(task),
            answers=answers_display(answer_set=task.answer_set, can_see_sensitive=can_see_sensitive)
            if task.answer_set_id and task.stage == TaskStage.FILL
            else [],
            returned_by=returns.get(task.answer_set_id) if task.stage == TaskStage.FILL else None,
        )
        for task in tasks
    ]
    entries += [
        TimelineEntry(when=event.created_at, title=event.text, event=event)
        for event in case_events(case=case)
    ]
    return sorted(entries, key=lambda entry: entry.when)


def path_taken(entries: list[TimelineEntry]) -> list[int]:
    """The steps the case went through, in order, without repeats side by side."""
    steps: list[int] = []
    for entry in entries:
        if entry.task is not None and (not steps or steps[-1] != entry.task.step_id):
            steps.append(entry.task.step_id)
    return steps
