"""Due dates that act, and what the workspace tells people.

When a person's task is created it gets its due items: "due soon" a day before (for tasks due in
two days or more), "due" at its due time (the holder is told, or the role's queue when nobody holds
it) and, when the step sets a grace period, "escalate" that long after (the partner's supervisors
are told and the task is marked escalated). Finishing the task cancels what has not acted yet.
"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from viewflow.workflow.status import STATUS

from notifications.kinds import in_each_language, notification_kind
from notifications.services import notification_send
from partners.models import Membership, Role
from scheduling.calendar import working_days_add
from scheduling.registry import due_kind
from scheduling.services import due_item_cancel, due_item_schedule
from thai.dates import format_thai_date
from workflows.models import Breach, Case, CaseTask
from workflows.services.breaches import BREACH_KIND
from workflows.services.import_files import (
    IMPORT_FILES_KIND,
    UPLOAD_FILE_KIND,
    import_files_remove,
    upload_file_remove,
)
from workflows.services.retention import RETENTION_KIND, client_retention_check

OPEN = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
DUE_SOON_BEFORE = dt.timedelta(days=1)

QUEUE_ARRIVED = notification_kind(
    "queue_arrived",
    label=gettext_lazy("A task arrived in my queue"),
    text=gettext_lazy("A new task is waiting in the queue: %(task)s."),
    text_many=gettext_lazy("%(count)s new tasks are waiting in the queue; the newest: %(task)s."),
)
TASK_ASSIGNED = notification_kind(
    "task_assigned",
    label=gettext_lazy("A task assigned to me"),
    text=gettext_lazy("%(task)s was assigned to you."),
)
TASK_DUE_SOON = notification_kind(
    "task_due_soon",
    label=gettext_lazy("A task is due soon"),
    text=gettext_lazy("%(task)s is due %(due)s."),
)
TASK_OVERDUE = notification_kind(
    "task_overdue",
    label=gettext_lazy("A task is overdue"),
    text=gettext_lazy("%(task)s was due %(due)s and is not done."),
)
TASK_ESCALATED = notification_kind(
    "task_escalated",
    label=gettext_lazy("A task escalated to me"),
    text=gettext_lazy("Escalated to supervisors: %(task)s was due %(due)s and is still not done."),
)


def task_due_at(step, start: dt.datetime) -> dt.datetime | None:
    """When a task of `step` created at `start` is due (working days when the step says so)."""
    if not step.due_hours:
        return None
    if step.due_working_days and step.due_hours % 24 == 0:
        return working_days_add(start, step.due_hours // 24)
    return start + dt.timedelta(hours=step.due_hours)


def _task_params(task: CaseTask) -> dict:
    from thai.dates import format_thai_date
    from workflows.views.workspace.rows import task_title

    params = {"task": in_each_language(lambda: task_title(task))}
    if task.due_at:
        params["due"] = in_each_language(lambda: format_thai_date(task.due_at, "short"))
    return params


def _task_link(task: CaseTask) -> str:
    return reverse("workflows_admin:task", args=[task.pk])


def partner_member_ids(partner_id: int, roles) -> list[int]:
    return list(
        Membership.objects.filter(partner_id=partner_id, role__in=list(roles))
        .values_list("user_id", flat=True)
        .distinct()
    )


def task_holders(task: CaseTask) -> list[int]:
    """The task's holder, or everyone who may take it from the queue."""
    if task.owner_id:
        return [task.owner_id]
    roles = {task.role, Role.SUPERVISOR} if task.role == Role.CASEWORKER else {task.role}
    return partner_member_ids(task.partner_id, roles)


def _notify(task: CaseTask, kind, recipients, **extra) -> None:
    notification_send(
        recipients=recipients,
        kind=kind.name,
        partner=task.partner,
        params=_task_params(task),
        link=_task_link(task),
        **extra,
    )


def task_arrived(task: CaseTask, *, now: dt.datetime) -> None:
    """A new task: plan its due items and tell its queue (grouped per queue)."""
    if task.due_at:
        if task.due_at - now >= 2 * DUE_SOON_BEFORE:
            due_item_schedule(
                kind="task_due_soon",
                key=f"task:{task.pk}:due_soon",
                due_at=task.due_at - DUE_SOON_BEFORE,
                target=task,
            )
        due_item_schedule(
            kind="task_due", key=f"task:{task.pk}:due", due_at=task.due_at, target=task
        )
    _notify(
        task,
        QUEUE_ARRIVED,
        task_holders(task),
        group_key=f"queue:{task.partner_id}:{task.role}",
    )


def task_assigned(task: CaseTask, *, by) -> None:
    if task.owner_id and task.owner_id != getattr(by, "pk", None):
        _notify(task, TASK_ASSIGNED, [task.owner_id])


def task_due_cancel(task: CaseTask) -> None:
    """The task is finished or cancelled: nothing more acts about it."""
    due_item_cancel(target=task)


def _open_task(item) -> CaseTask | None:
    task = (
        CaseTask.objects.select_for_update(of=("self",))
        .select_related("partner", "step", "process__client")
        .filter(pk=item.object_id, status__in=OPEN)
        .first()
    )
    return task


@due_kind("task_due_soon")
def task_due_soon(item) -> None:
    task = _open_task(item)
    if task is not None:
        _notify(task, TASK_DUE_SOON, task_holders(task))


@due_kind("task_due")
def task_due(item) -> None:
    task = _open_task(item)
    if task is None:
        return
    _notify(task, TASK_OVERDUE, task_holders(task))
    if task.step.grace_hours is not None:
        due_item_schedule(
            kind="task_escalate",
            key=f"task:{task.pk}:escalate",
            due_at=item.due_at + dt.timedelta(hours=task.step.grace_hours),
            target=task,
        )


@due_kind("task_escalate")
def task_escalate(item) -> None:
    task = _open_task(item)
    if task is None or task.escalated_at is not None:
        return
    task.escalated_at = timezone.now()
    task.save(update_fields=["escalated_at"])
    _notify(task, TASK_ESCALATED, partner_member_ids(task.partner_id, [Role.SUPERVISOR]))


CLIENT_CAME_BACK = notification_kind(
    "client_came_back",
    label=gettext_lazy("A person whose case we closed came back"),
    text=gettext_lazy(
        "%(client)s, whose case %(case)s you closed, is back: a new case was opened at %(partner)s."
    ),
)


def client_came_back(case) -> None:
    """A new case for a client: each partner that closed an earlier case of theirs is told about
    its own latest one (which its supervisors may open)."""
    latest = {}
    closed_cases = (
        Case.objects.filter(client_id=case.client_id, status=STATUS.DONE)
        .exclude(pk=case.pk)
        .select_related("partner", "client")
        .order_by("-finished", "-pk")
    )
    for closed in closed_cases:
        latest.setdefault(closed.partner_id, closed)
    for closed in latest.values():
        notification_send(
            recipients=partner_member_ids(closed.partner_id, [Role.SUPERVISOR]),
            kind=CLIENT_CAME_BACK.name,
            partner=closed.partner,
            params={
                "client": closed.client.display_name,
                "case": closed.reference,
                "partner": in_each_language(lambda: case.partner.name),
            },
            link=reverse("workflows_admin:case", args=[closed.pk]),
        )


@due_kind(RETENTION_KIND)
def client_retention(item) -> None:
    """Remove a person's identifying details when every reason to keep them has run out."""
    # As of the item's due time: it has come (the worker may run it a little later).
    client_retention_check(client_id=item.object_id, now=max(timezone.now(), item.due_at))


BREACH_DEADLINE = notification_kind(
    "breach_regulator",
    label=gettext_lazy("A data breach must be reported to the office"),
    text=gettext_lazy(
        "Data breach %(breach)s: the office (PDPC) must be told by %(due)s, and has not been."
    ),
)


@due_kind(BREACH_KIND)
def breach_regulator(item) -> None:
    """Remind the partners' data protection officers and administrators of the 72 hours."""
    breach = Breach.objects.select_for_update().filter(pk=item.object_id).first()
    if breach is None or breach.regulator_settled or breach.closed:
        return
    link = reverse("workflows_admin:breach", args=[breach.pk])
    roles = (Role.DATA_PROTECTION, Role.ADMINISTRATOR)
    for partner in breach.partners.all():
        notification_send(
            recipients=partner_member_ids(partner.pk, roles),
            kind=BREACH_DEADLINE.name,
            partner=partner,
            params={
                "breach": breach.reference,
                "due": in_each_language(lambda: format_thai_date(breach.regulator_deadline)),
            },
            link=link,
        )


@due_kind(IMPORT_FILES_KIND)
def client_import_files(item) -> None:
    """An import's kept file and error report, once their time is up."""
    import_files_remove(import_id=item.object_id, now=max(timezone.now(), item.due_at))


@due_kind(UPLOAD_FILE_KIND)
def client_import_upload(item) -> None:
    """A file uploaded for a preview nobody confirmed."""
    upload_file_remove(item.params["path"])
