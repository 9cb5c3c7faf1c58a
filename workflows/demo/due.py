"""Demo time: at each partner one open task is made two days overdue and escalated a day later
(the demo processes, published before steps had grace periods, set none), and what has come due
acts at once through the due items' own handlers: the demo shows an escalated task and the bell
has something for every demo worker and supervisor."""

import datetime as dt

from django.utils import timezone
from viewflow.workflow.status import STATUS

from partners.models import Partner
from scheduling.services import due_item_act, due_item_cancel, due_item_schedule, due_items_lease
from workflows.models import CaseTask

OVERDUE_BY = dt.timedelta(days=2)


def _make_overdue(partner: Partner) -> None:
    if CaseTask.objects.filter(partner=partner, escalated_at__isnull=False).exists():
        return  # loaded before
    task = (
        CaseTask.objects.filter(partner=partner, status=STATUS.NEW, due_at__isnull=False)
        .order_by("pk")
        .first()
    )
    if task is None:
        return
    due_at = timezone.now() - OVERDUE_BY
    CaseTask.objects.filter(pk=task.pk).update(due_at=due_at)
    due_item_cancel(key=f"task:{task.pk}:due_soon")
    due_item_schedule(kind="task_due", key=f"task:{task.pk}:due", due_at=due_at, target=task)
    due_item_schedule(
        kind="task_escalate",
        key=f"task:{task.pk}:escalate",
        due_at=due_at + dt.timedelta(days=1),
        target=task,
    )


def load(*, partners: list[Partner]) -> None:
    for partner in partners:
        _make_overdue(partner)
    now = timezone.now()
    while leased := due_items_lease(now=now):
        for pk, seen in leased:
            due_item_act(item_id=pk, seen_due_at=seen)
