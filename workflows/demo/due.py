"""Demo time: at each partner one open task is made two days overdue and escalated a day later
(the demo processes, published before steps had grace periods, set none), closed cases get
follow-up visits (one this week, one in three months), and what has come due acts at once through
the due items' own handlers: the demo shows an escalated task, follow-up tasks in the queue, and
the bell has something for every demo worker and supervisor."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import gettext as _
from viewflow.workflow.status import STATUS

from partners.demo import demo_username
from partners.models import Partner, Role, User
from scheduling.services import due_item_act, due_item_cancel, due_item_schedule, due_items_lease
from workflows.models import Case, CaseSource, CaseTask
from workflows.services.followups import follow_up_add
from workflows.step_kinds.follow_ups import follow_up_processes

FOLLOW_UP_PROCESS = "follow_up_visit"

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


def _plan_follow_ups(partner: Partner) -> None:
    """Each closed demo case gets a visit this week (its task is in the queue at once) and one
    in three months (on the case page)."""
    process = follow_up_processes(partner.pk).filter(key=FOLLOW_UP_PROCESS).first()
    worker = User.objects.filter(username=demo_username(partner.code, Role.CASEWORKER)).first()
    if process is None or worker is None:
        return
    today = timezone.localdate()
    closed = Case.objects.filter(partner=partner, status=STATUS.DONE, follow_ups__isnull=True)
    for case in closed.exclude(source=CaseSource.FOLLOW_UP).order_by("pk"):
        for due_on in (today + dt.timedelta(days=3), today + relativedelta(months=3)):
            follow_up_add(
                case=case,
                user=worker,
                due_on=due_on,
                reason=_("Planned at the end of the case"),
                process_definition=process,
            )


def load(*, partners: list[Partner]) -> None:
    for partner in partners:
        _make_overdue(partner)
        _plan_follow_ups(partner)
    now = timezone.now()
    while leased := due_items_lease(now=now):
        for pk, seen in leased:
            due_item_act(item_id=pk, seen_due_at=seen)
