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
