"""Due items: schedule and cancel them, lease what has come due, and act on one exactly once."""

import datetime as dt
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from scheduling.models import DueItem, DueState
from scheduling.registry import due_kind_handler

logger = logging.getLogger(__name__)

#: How long a worker may hold a due item before the scheduler hands it to another.
LEASE = dt.timedelta(minutes=5)
#: After this many failed tries an item is marked failed and left for a person to look at.
MAX_ATTEMPTS = 5


def _target_filter(target) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(target, for_concrete_model=False),
        "object_id": target.pk,
    }


def due_item_schedule(
    *, kind: str, key: str, due_at: dt.datetime, target=None, params: dict | None = None
) -> DueItem:
    """Plan `kind` at `due_at` (idempotent by `key`): a planned item moves to the new time, one
    that has acted stays as it was."""
    due_kind_handler(kind)  # an undeclared kind is a programming error, refused here
    fields = {
        "kind": kind,
        "due_at": due_at,
        "params": params or {},
        **(_target_filter(target) if target is not None else {}),
    }
    with transaction.atomic():
        item, created = DueItem.objects.select_for_update().get_or_create(key=key, defaults=fields)
        if not created and item.state != DueState.DONE:
            for name, value in fields.items():
                setattr(item, name, value)
            item.state = DueState.PENDING
            item.leased_until = None
            item.attempts = 0
            item.last_error = ""
            item.save()
    return item


def due_item_add(*, kind: str, key: str, due_at: dt.datetime, params: dict | None = None) -> None:
    """Plan `kind` at `due_at` unless an item with `key` exists: one INSERT, no lock (for a key
    made new, e.g. from a fresh file name, on a page that counts its queries)."""
    due_kind_handler(kind)
    DueItem.objects.bulk_create(
        [DueItem(kind=kind, key=key, due_at=due_at, params=params or {})], ignore_conflicts=True
    )


def due_item_cancel(*, key: str | None = None, target=None, kinds=None) -> int:
    """Cancel planned items by key, or those about `target` (of `kinds`, or all); returns how
    many were cancelled. Items that have acted are kept as they are."""
    items = DueItem.objects.filter(state=DueState.PENDING)
    if key is not None:
        items = items.filter(key=key)
    if target is not None:
        items = items.filter(**_target_filter(target))
    if kinds is not None:
        items = items.filter(kind__in=list(kinds))
    return items.update(state=DueState.CANCELLED, leased_until=None)


def due_items_lease(
    *, now: dt.datetime | None = None, batch: int = 200, lease: dt.timedelta = LEASE
) -> list[tuple[int, str]]:
    """Lease up to `batch` due items no one holds (SKIP LOCKED: schedulers running at once take
    different rows); returns (id, due time as seen) for each."""
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(
            DueItem.objects.filter(state=DueState.PENDING, due_at__lte=now)
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
            .order_by("due_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", "due_at")[:batch]
        )
        DueItem.objects.filter(pk__in=[pk for pk, _ in rows]).update(
            leased_until=now + lease, attempts=F("attempts") + 1
        )
    return [(pk, due_at.isoformat()) for pk, due_at in rows]


def run_scheduler(*, now: dt.datetime | None = None, batch: int = 200) -> int:
    """One turn of the scheduler: lease what has come due and hand each item to the task
    workers (Django Tasks). Returns how many items were handed on."""
    from scheduling.tasks import due_item_run  # the task module imports this one

    leased = due_items_lease(now=now, batch=batch)
    for pk, due_at in leased:
        due_item_run.enqueue(pk, due_at)
    return len(leased)


def due_item_act(*, item_id: int, seen_due_at: str | None = None) -> bool:
    """Act on one due item exactly once: lock it, run its kind's handler and mark it done in the
    same transaction. Returns whether it acted now. An item done or cancelled meanwhile, or moved
    to another time since it was leased, is left alone."""
    try:
        with transaction.atomic():
            item = DueItem.objects.select_for_update().filter(pk=item_id).first()
            if item is None or item.state != DueState.PENDING:
                return False
            if seen_due_at is not None and item.due_at.isoformat() != seen_due_at:
                return False  # moved since it was leased: the scheduler picks it at its new time
            due_kind_handler(item.kind)(item)
            item.state = DueState.DONE
            item.done_at = timezone.now()
            item.leased_until = None
            item.save(update_fields=["state", "done_at", "leased_until"])
            return True
    except Exception as error:
        logger.exception("Due item %s failed", item_id)
        _due_item_failed(item_id, error)
        return False


def _due_item_failed(item_id: int, error: Exception) -> None:
    with transaction.atomic():
        item = DueItem.objects.select_for_update().filter(pk=item_id).first()
        if item is None or item.state != DueState.PENDING:
            return
        item.last_error = f"{type(error).__name__}: {error}"[:2000]
        if item.attempts >= MAX_ATTEMPTS:
            item.state = DueState.FAILED
        item.save(update_fields=["last_error", "state"])
