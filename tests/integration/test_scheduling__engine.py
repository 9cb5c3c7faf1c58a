"""Due items: scheduling is idempotent, an item acts once, a crashed worker's item is picked again,
cancelled and moved items do not act. Time is moved by passing `now`, never by sleeping."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from scheduling.models import DueItem, DueState
from scheduling.registry import DUE_KINDS, due_kind, due_kind_handler
from scheduling.services import (
    LEASE,
    MAX_ATTEMPTS,
    due_item_act,
    due_item_cancel,
    due_item_schedule,
    due_items_lease,
    run_scheduler,
)

NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)


@due_kind("test_count")
def count_an_act(item):
    """Each act leaves a row of its own (a random key), so acting twice would show."""
    DueItem.objects.create(
        kind="test_mark",
        key=f"acted:{item.pk}:{uuid.uuid4()}",
        due_at=NOW + dt.timedelta(days=3650),
        state=DueState.DONE,
        params={"item": item.pk},
    )


@due_kind("test_fail")
def fail(item):
    DueItem.objects.create(kind="test_mark", key=f"half:{item.pk}", due_at=NOW)
    raise RuntimeError("the handler broke")


@due_kind("test_mark")
def never_called(item):
    raise AssertionError("marks are never due")


def acts(item) -> int:
    return DueItem.objects.filter(kind="test_mark", params__item=item.pk).count()


def plan(key="k1", minutes=0, kind="test_count") -> DueItem:
    return due_item_schedule(kind=kind, key=key, due_at=NOW + dt.timedelta(minutes=minutes))


def test_a_kind_is_declared_once_and_an_undeclared_kind_is_refused(db):
    assert due_kind_handler("test_count") is count_an_act
    with pytest.raises(ValueError):
        due_kind("test_count")(lambda item: None)
    with pytest.raises(LookupError):
        due_item_schedule(kind="no_such_kind", key="x", due_at=NOW)
    assert "test_count" in DUE_KINDS and not DueItem.objects.exists()


def test_scheduling_the_same_key_twice_keeps_one_item_at_the_new_time(db):
    plan(minutes=10)
    item = plan(minutes=20)
    assert DueItem.objects.filter(key="k1").count() == 1
    assert item.due_at == NOW + dt.timedelta(minutes=20)


def test_nothing_acts_before_its_time_and_everything_acts_once_after(db):
    items = [plan(key=f"k{i}", minutes=i) for i in range(3)]
    assert run_scheduler(now=NOW - dt.timedelta(minutes=1)) == 0
    assert run_scheduler(now=NOW + dt.timedelta(minutes=1)) == 2
    assert run_scheduler(now=NOW + dt.timedelta(minutes=5)) == 1
    assert run_scheduler(now=NOW + dt.timedelta(minutes=10)) == 0
    assert [acts(item) for item in items] == [1, 1, 1]
    assert set(DueItem.objects.filter(key__startswith="k").values_list("state", flat=True)) == {
        DueState.DONE
    }


def test_acting_twice_on_the_same_item_acts_once(db):
    item = plan()
    assert due_item_act(item_id=item.pk) is True
    assert due_item_act(item_id=item.pk) is False
    assert acts(item) == 1


def test_a_done_item_is_not_planned_again(db):
    item = plan()
    due_item_act(item_id=item.pk)
    plan(minutes=60)
    item.refresh_from_db()
    assert item.state == DueState.DONE and item.due_at == NOW


def test_a_crashed_workers_item_is_picked_again_after_its_lease(db):
    item = plan()
    assert [pk for pk, _ in due_items_lease(now=NOW)] == [item.pk]  # the worker then dies
    assert run_scheduler(now=NOW + LEASE - dt.timedelta(seconds=1)) == 0  # still leased
    assert acts(item) == 0
    assert run_scheduler(now=NOW + LEASE + dt.timedelta(seconds=1)) == 1
    item.refresh_from_db()
    assert acts(item) == 1 and item.state == DueState.DONE and item.attempts == 2


def test_a_cancelled_item_does_not_act(db):
    item = plan()
    assert due_item_cancel(key="k1") == 1
    assert run_scheduler(now=NOW + dt.timedelta(hours=1)) == 0
    leased_earlier = plan(key="k2")
    due_items_lease(now=NOW)
    due_item_cancel(key="k2")
    assert due_item_act(item_id=leased_earlier.pk) is False
    assert acts(item) == 0 and acts(leased_earlier) == 0


def test_an_item_moved_after_it_was_leased_waits_for_its_new_time(db):
    item = plan()
    [(pk, seen)] = due_items_lease(now=NOW)
    plan(minutes=30)  # moved by a caseworker meanwhile
    assert due_item_act(item_id=pk, seen_due_at=seen) is False
    assert run_scheduler(now=NOW + dt.timedelta(minutes=10)) == 0
    assert run_scheduler(now=NOW + dt.timedelta(minutes=30)) == 1
    assert acts(item) == 1


def test_a_failing_handler_keeps_nothing_and_gives_up_after_the_last_attempt(db):
    item = plan(kind="test_fail")
    for attempt in range(1, MAX_ATTEMPTS + 1):
        moment = NOW + attempt * (LEASE + dt.timedelta(seconds=1))
        assert run_scheduler(now=moment) == 1
        item.refresh_from_db()
        assert item.attempts == attempt
    assert item.state == DueState.FAILED
    assert "the handler broke" in item.last_error
    assert not DueItem.objects.filter(key=f"half:{item.pk}").exists()
    assert run_scheduler(now=NOW + dt.timedelta(days=1)) == 0


def test_the_scheduler_commands_turn_hands_due_items_on(db, monkeypatch):
    from django.core.management import call_command

    item = due_item_schedule(
        kind="test_count", key="cmd", due_at=timezone.now() - dt.timedelta(minutes=1)
    )
    call_command("run_scheduler", "--once")
    assert acts(item) == 1


def test_the_scheduler_bench_acts_on_what_came_due_and_reports_the_rate(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("bench_scheduler", planned=30, due=20, batch=7, stdout=out)
    assert "20 due items acted" in out.getvalue() and "SQL statements per item" in out.getvalue()
    assert DueItem.objects.filter(kind="bench", state=DueState.PENDING).count() == 30
