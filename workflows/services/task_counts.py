"""Keeping `TaskCount` exact: one upsert per counter a task leaves or enters.

`CaseTask.save` and `CaseTask.delete` call `task_count_move`. Inside `task_counts_batch()` (every
task action and case close uses one) the moves are summed and written when the block ends, in
one order (the counters' keys sorted), so two transactions never wait on each other's counters
in opposite orders; outside a batch they are written at once. Either way they are written in the
transaction that changes the task, under the case's lock.
"""

import threading
from collections import Counter
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Count

from workflows.models.task_counts import COUNTED_STATUSES, CountKey, TaskCount

_local = threading.local()

_UPSERT = (
    "INSERT INTO workflows_taskcount (partner_pk, role, stage, status, owner_pk, n) VALUES {} "
    "ON CONFLICT (partner_pk, role, stage, status, owner_pk) "
    "DO UPDATE SET n = workflows_taskcount.n + excluded.n"
)


def _write(deltas: dict[CountKey, int]) -> None:
    """One statement for all the moves, the counters in key order."""
    changes = [(*key, n) for key, n in sorted(deltas.items()) if n]
    if not changes:
        return
    rows = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(changes))
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT.format(rows), [value for change in changes for value in change])


def task_count_move(old: CountKey | None, new: CountKey | None) -> None:
    """A task left the counter `old` and entered `new` (either may be None)."""
    if old == new:
        return
    deltas: Counter = Counter()
    if old is not None:
        deltas[old] -= 1
    if new is not None:
        deltas[new] += 1
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending.update(deltas)
    else:
        _write(deltas)


@contextmanager
def task_counts_batch():
    """Sum the counter moves of the block and write them, sorted, when it ends without error."""
    if getattr(_local, "pending", None) is not None:
        yield  # Nested: the outermost block writes.
        return
    _local.pending = Counter()
    try:
        yield
        pending = _local.pending
    finally:
        _local.pending = None
    _write(pending)


@transaction.atomic
def task_counts_rebuild(*, partner_pk: int | None = None) -> None:
    """Recount from the tasks (after bulk loads or a bulk update), all partners or one."""
    from workflows.models import CaseTask

    tasks = CaseTask.objects.filter(status__in=COUNTED_STATUSES, partner__isnull=False).exclude(
        role=""
    )
    counters = TaskCount.objects.all()
    if partner_pk is not None:
        tasks = tasks.filter(partner_id=partner_pk)
        counters = counters.filter(partner_pk=partner_pk)
    counters.select_for_update().delete()
    rows = tasks.values("partner_id", "role", "stage", "status", "owner_id").annotate(n=Count("pk"))
    TaskCount.objects.bulk_create(
        [
            TaskCount(
                partner_pk=row["partner_id"],
                role=row["role"],
                stage=row["stage"],
                status=row["status"],
                owner_pk=row["owner_id"] or 0,
                n=row["n"],
            )
            for row in rows.order_by()
        ],
        batch_size=1000,
    )


def _counted(tasks) -> Counter:
    rows = (
        tasks.filter(status__in=COUNTED_STATUSES, partner__isnull=False)
        .exclude(role="")
        .values_list("partner_id", "role", "stage", "status", "owner_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter({(p, r, s, st, o or 0): n for p, r, s, st, o, n in rows})


@contextmanager
def task_counts_follow(tasks):
    """Around a bulk `update()` of the tasks (a queryset whose rows the update keeps): the
    counters move by what the update changed, in the same transaction."""
    before = _counted(tasks)
    yield
    deltas = _counted(tasks)
    deltas.subtract(before)
    _write(dict(deltas))
