"""The inbox's and queue's first page with its count: ours, and Viewflow's own beside it."""

import statistics
import time

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from viewflow.workflow.status import STATUS

from partners.models import User
from workflows.flows import CaseFlow
from workflows.models import CaseTask
from workflows.selectors.tasks import inbox_count, queue_count, tasks_inbox, tasks_queue
from workflows.views.workspace.base import page_of

PAGE = 25


def ours_inbox(user):
    return page_of(tasks_inbox(user=user), 1, PAGE, count=inbox_count(user=user))


def ours_queue(user):
    return page_of(tasks_queue(user=user), 1, PAGE, count=queue_count(user=user))


def bare_inbox_queryset(user):
    """Viewflow's inbox: `TaskQuerySet.inbox` without its per-flow permission check."""
    tasks = CaseTask.objects.coerce_for([CaseFlow])
    return tasks.filter(owner=user, status=STATUS.ASSIGNED).order_by("-created")


def bare_queue_queryset(user):
    """Viewflow's queue: `TaskQuerySet.queue` without its per-flow permission check."""
    tasks = CaseTask.objects.coerce_for([CaseFlow]).user_queue(user)
    return tasks.filter(status=STATUS.NEW).order_by("-created")


def bare_inbox(user):
    return page_of(bare_inbox_queryset(user), 1, PAGE)


def bare_queue(user):
    return page_of(bare_queue_queryset(user), 1, PAGE)


def timed(read, username: str, runs: int) -> tuple[float, int, int]:
    """Median milliseconds for the first page's rows and its count, statements, the count.
    A fresh user object each run, as in a request (memberships read again)."""
    figures, statements, count = [], 0, 0
    for _run in range(runs):
        user = User.objects.get(username=username)
        reset_queries()  # the log keeps 9,000 statements
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            page = read(user)
            rows = [(t.pk, t.process_id, t.due_at) for t in page.object_list]
            count = page.paginator.count
            figures.append((time.perf_counter() - started) * 1000)
        statements = len(captured)
        assert len(rows) == min(PAGE, count)
    return statistics.median(figures), statements, count
