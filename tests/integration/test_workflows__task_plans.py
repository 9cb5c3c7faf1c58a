"""At a realistic size the inbox's and queue's pages read their own partial indexes (PostgreSQL)."""

import pytest

from partners.models import Role
from tests.factories import member
from workflows.benchmarks.data import bench_setup, cases_create
from workflows.benchmarks.plans import indexes_used
from workflows.models import CaseTask
from workflows.selectors.tasks import (
    inbox_count,
    queue_count,
    tasks_inbox,
    tasks_queue,
)

pytestmark = pytest.mark.postgres

CASES = 20_000


@pytest.fixture
def loaded(on_postgres):
    partner, worker, version = bench_setup()
    cases_create(partner=partner, worker=worker, version=version, count=CASES, claimed=0.1)
    return partner, worker


def test_the_inbox_and_queue_pages_use_their_partial_indexes(loaded):
    partner, worker = loaded
    assert CaseTask.objects.count() == 4 * CASES
    assert indexes_used(tasks_inbox(user=worker)[:25])[0] == "task_inbox_partner_idx"
    assert indexes_used(tasks_queue(user=worker)[:25])[0] == "task_queue_new_idx"
    supervisor = member(Role.SUPERVISOR, partner=partner)  # two roles: still the queue's index
    assert indexes_used(tasks_queue(user=supervisor)[:25])[0] == "task_queue_new_idx"
    assert inbox_count(user=worker) == CASES // 10
    assert queue_count(user=worker) == CASES - CASES // 10


def test_a_queue_filtered_by_a_rare_process_or_overdue_reads_the_filter_indexes(loaded):
    """20,000 bench tasks of one process in the queue, three of another (one overdue): the filter
    reads its own index instead of walking the queue's through every other task."""
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from tests.factories_workspace import case_at, open_task
    from workflows.selectors.tasks import TaskFilters

    partner, worker = loaded
    cases = [case_at(partner, first_name=f"ก{number}") for number in range(3)]
    late = open_task(cases[0])
    CaseTask.objects.filter(status="NEW").update(due_at=timezone.now() + dt.timedelta(days=3))
    CaseTask.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(days=1))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE workflows_casetask")
    definition = cases[0].process_version.definition_id
    by_process = tasks_queue(user=worker, filters=TaskFilters(process=definition))
    assert "task_queue_step_idx" in indexes_used(by_process[:25])
    assert by_process.count() == 3
    step = late.step.key
    assert "task_queue_step_idx" in indexes_used(
        tasks_queue(user=worker, filters=TaskFilters(step=step))[:25]
    )
    overdue = tasks_queue(user=worker, filters=TaskFilters(overdue=True))
    assert "task_open_due_idx" in indexes_used(overdue[:25])
    assert [task.pk for task in overdue] == [late.pk]
