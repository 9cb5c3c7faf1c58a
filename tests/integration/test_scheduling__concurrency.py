"""Two schedulers and two workers on one PostgreSQL database: 500 due items, each acts once."""

import datetime as dt
import threading

import pytest
from django.db import connection

from scheduling.models import DueItem, DueState
from scheduling.services import due_item_act, due_items_lease, run_scheduler
from tests.integration.test_scheduling__engine import NOW

pytestmark = pytest.mark.postgres


def _in_threads(*targets):
    barrier = threading.Barrier(len(targets))
    errors = []

    def run(target):
        try:
            barrier.wait()
            target()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []


def _plan(count: int) -> list[int]:
    DueItem.objects.bulk_create(
        DueItem(kind="test_count", key=f"c{i}", due_at=NOW + dt.timedelta(seconds=i))
        for i in range(count)
    )
    return list(DueItem.objects.filter(kind="test_count").values_list("pk", flat=True))


def _acts_per_item() -> dict[int, int]:
    counts: dict[int, int] = {}
    for item in DueItem.objects.filter(kind="test_mark").values_list("params__item", flat=True):
        counts[item] = counts.get(item, 0) + 1
    return counts


def test_two_schedulers_over_500_due_items_act_on_each_exactly_once(transactional_db, on_postgres):
    pks = _plan(500)
    later = NOW + dt.timedelta(hours=1)

    def scheduler():
        while run_scheduler(now=later, batch=20):
            pass

    _in_threads(scheduler, scheduler)
    assert _acts_per_item() == dict.fromkeys(pks, 1)
    assert set(DueItem.objects.filter(pk__in=pks).values_list("state", flat=True)) == {
        DueState.DONE
    }


def test_two_workers_given_the_same_500_items_act_on_each_exactly_once(
    transactional_db, on_postgres
):
    """Every item handed to both workers (a re-enqueued job, an expired lease): still once."""
    pks = _plan(500)
    leased = due_items_lease(now=NOW + dt.timedelta(hours=1), batch=500)
    assert len(leased) == 500

    def worker(order):
        for pk, seen in order:
            due_item_act(item_id=pk, seen_due_at=seen)

    _in_threads(lambda: worker(leased), lambda: worker(list(reversed(leased))))
    assert _acts_per_item() == dict.fromkeys(pks, 1)


def test_a_scheduler_skips_rows_another_holds(transactional_db, on_postgres):
    from django.db import transaction

    _plan(3)
    with transaction.atomic():
        held = list(DueItem.objects.select_for_update().filter(key="c0"))
        picked = []
        _in_threads(lambda: picked.extend(due_items_lease(now=NOW + dt.timedelta(hours=1))))
    assert held and len(picked) == 2
    assert held[0].pk not in {pk for pk, _ in picked}
