"""The caseworker's inbox and the partner's queue, paginated on our own indexes.

Viewflow's own queryset counts by joining the process table on flow_class (DESIGN.md); these read
only our task table plus what the page shows. The unfiltered lists are counted from the
counters (`TaskCount`, kept exact as tasks change): a sum over a few rows, however many tasks
there are. A filtered list is counted on the tasks.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from viewflow.workflow.status import STATUS

from partners.menus import scalar_sum
from partners.models import Role
from partners.selectors import user_memberships, user_partner_ids
from workflows.models import CaseTask, Step, TaskCount, TaskStage

DUE_SOON = dt.timedelta(hours=24)


@dataclass(frozen=True)
class TaskFilters:
    process: int | None = None  # ProcessDefinition pk
    step: str | None = None  # Step key
    overdue: bool = False
    client: str = ""  # name, alias or national ID, any part


def _with_page_data(tasks: QuerySet[CaseTask]) -> QuerySet[CaseTask]:
    # Joined: the case and its client. Read apart (one small query each, by primary key): what
    # a page's rows share or rarely have. Nine tables in one join cost PostgreSQL more to plan
    # (5–6 ms) than the page takes to read (0.5 ms).
    return tasks.select_related("process__client").prefetch_related(
        "step",
        "owner",
        "partner",
        "process__process_version__definition",
        "process__public_report",
    )


def _filtered(tasks: QuerySet[CaseTask], filters: TaskFilters) -> QuerySet[CaseTask]:
    # A process or a step as the task's steps (a task's step is of its case's version): no
    # join to the case and its version, and the queue's step index serves the page.
    if filters.process:
        tasks = tasks.filter(step__in=Step.objects.filter(version__definition_id=filters.process))
    if filters.step:
        tasks = tasks.filter(step__in=Step.objects.filter(key=filters.step))
    if filters.overdue:
        tasks = tasks.filter(due_at__lt=timezone.now())
    if filters.client:
        tasks = tasks.filter(process__client__search_text__contains=filters.client.strip().lower())
    return tasks


def _summed(counters: QuerySet[TaskCount]) -> int:
    return counters.aggregate(n=Sum("n"))["n"] or 0


def _inbox_counters(user) -> QuerySet[TaskCount]:
    return TaskCount.objects.filter(
        owner_pk=user.pk,
        status__in=[STATUS.ASSIGNED, STATUS.STARTED],
        partner_pk__in={m.partner_id for m in user_memberships(user)},
    )


def _queue_scope(user) -> list[tuple[int, list[str]]]:
    scope = []
    for membership in user_memberships(user):
        roles = {membership.role}
        if membership.role == Role.SUPERVISOR:
            roles.add(Role.CASEWORKER)
        if membership.role in (Role.SUPERVISOR, Role.CASEWORKER):
            scope.append((membership.partner_id, sorted(roles)))
    return scope


def _queue_counters(user) -> QuerySet[TaskCount]:
    scope = Q(pk__in=[])
    for partner_id, roles in _queue_scope(user):
        scope |= Q(partner_pk=partner_id, role__in=roles)
    return TaskCount.objects.filter(scope, status=STATUS.NEW)


def _approval_counters(user) -> QuerySet[TaskCount]:
    return TaskCount.objects.filter(
        Q(status=STATUS.NEW) | Q(status=STATUS.ASSIGNED, owner_pk=user.pk),
        partner_pk__in=user_partner_ids(user, Role.SUPERVISOR),
        role=Role.SUPERVISOR,
        stage=TaskStage.APPROVE,
    )


def inbox_count(*, user) -> int:
    """How many tasks `tasks_inbox` lists without filters, from the counters."""
    return _summed(_inbox_counters(user))


def queue_count(*, user) -> int:
    """How many tasks `tasks_queue` lists without filters, from the counters."""
    return _summed(_queue_counters(user))


def tasks_inbox(*, user, filters: TaskFilters | None = None) -> QuerySet[CaseTask]:
    """My tasks: claimed or assigned to me, at partners where I still work them."""
    partner_ids = {m.partner_id for m in user_memberships(user)}
    tasks = CaseTask.objects.filter(
        owner=user, status__in=[STATUS.ASSIGNED, STATUS.STARTED], partner_id__in=partner_ids
    )
    return _with_page_data(_filtered(tasks, filters or TaskFilters())).order_by("-created", "-pk")


def tasks_queue(*, user, filters: TaskFilters | None = None) -> QuerySet[CaseTask]:
    """My partners' unclaimed tasks for the roles I hold (supervisors see caseworkers' too)."""
    scope = Q(pk__in=[])
    for partner_id, roles in _queue_scope(user):
        scope |= Q(partner_id=partner_id, role__in=roles)
    tasks = CaseTask.objects.filter(scope, status=STATUS.NEW)
    tasks = _filtered(tasks, filters or TaskFilters())
    return _with_page_data(tasks).order_by("-urgent", "-created", "-pk")


def tasks_awaiting_approval(*, user, filters: TaskFilters | None = None) -> QuerySet[CaseTask]:
    """What waits for my approval: my partners' unclaimed approvals, and those I hold."""
    partner_ids = user_partner_ids(user, Role.SUPERVISOR)
    tasks = CaseTask.objects.filter(
        Q(status=STATUS.NEW) | Q(status=STATUS.ASSIGNED, owner=user),
        partner_id__in=partner_ids,
        role=Role.SUPERVISOR,
        stage=TaskStage.APPROVE,
    )
    tasks = _filtered(tasks, filters or TaskFilters())
    return _with_page_data(tasks).order_by("-urgent", "-created", "-pk")


def approvals_count_query(user) -> QuerySet | None:
    """The menu's number of approvals waiting, as one scalar subquery (None: not a supervisor)."""
    if not user_partner_ids(user, Role.SUPERVISOR):
        return None
    return scalar_sum(_approval_counters(user), "n")


def approvals_count(*, user) -> int:
    """How many approvals wait for me (the menu's number); 0 without a supervisor's role."""
    if not user_partner_ids(user, Role.SUPERVISOR):
        return 0
    return _summed(_approval_counters(user))


def task_due_state(task: CaseTask, now: dt.datetime | None = None) -> str:
    """'overdue', 'due_soon' or '' for the badges of the inbox and queue. "Due soon" is the last
    quarter of the task's time (at most the last day), so a task that has a day is not "due
    soon" the moment it arrives."""
    if task.due_at is None:
        return ""
    now = now or timezone.now()
    if task.due_at < now:
        return "overdue"
    window = DUE_SOON
    if task.created:
        window = min(DUE_SOON, (task.due_at - task.created) / 4)
    if task.due_at < now + window:
        return "due_soon"
    return ""
