"""Client search as the client list reads it: the page of 25 and its capped count."""

import time

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from partners.models import User
from workflows.selectors.clients import clients_found_in_order, clients_search
from workflows.views.workspace.base import page_of_capped


def search_timed(username: str, query: str, runs: int) -> tuple[float, int, int]:
    """p95 milliseconds, statements and the (capped) count of one search, a fresh user each run."""
    figures, statements, count = [], 0, 0
    for _run in range(runs):
        user = User.objects.get(username=username)
        reset_queries()  # the log keeps 9,000 statements
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            clients = clients_search(user=user, query=query)
            page = page_of_capped(clients, 1, few=clients_found_in_order)
            rows = [(c.pk, c.display_name, c.visible_here) for c in page.object_list]
            count = page.paginator.count
            figures.append((time.perf_counter() - started) * 1000)
        statements = len(captured)
        assert len(rows) == min(25, count)
    figures.sort()
    return figures[min(len(figures) - 1, round(0.95 * (len(figures) - 1)))], statements, count
