"""Task completion through the real views (claim, then submit the form), one client."""

import statistics
import time

from django.db import connection, reset_queries
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from viewflow.workflow.status import STATUS

from workflows.models import CaseTask


def queued_tasks(partner, count: int) -> list[int]:
    return list(
        CaseTask.objects.filter(partner=partner, status=STATUS.NEW)
        .order_by("-urgent", "-created", "-pk")
        .values_list("pk", flat=True)[:count]
    )


def complete_through_views(http: HttpClient, pk: int) -> tuple[int, int]:
    """Claim and submit one task as a browser would; the statements of each request."""
    reset_queries()  # the log keeps 9,000 statements: a long run would count past its end
    with CaptureQueriesContext(connection) as claim:
        response = http.post(reverse("workflows_admin:task_claim", args=[pk]))
    assert response.status_code == 302, response.status_code
    http.cookies.pop("messages", None)
    with CaptureQueriesContext(connection) as submit:
        response = http.post(reverse("workflows_admin:task", args=[pk]), {"note": "ok"})
    assert response.status_code == 302, response.status_code
    # A browser shows the messages on the page it is sent to; never read here, they would pile
    # up in the cookie until they overflow into the session, written on every request after.
    http.cookies.pop("messages", None)
    return len(claim), len(submit)


def logged_in(user) -> HttpClient:
    http = HttpClient()
    http.force_login(user)
    return http


def completions_timed(http: HttpClient, pks: list[int]) -> tuple[float, tuple[int, int]]:
    """Completions per second over the tasks, and the usual statements (claim, submit): the
    median, as once a minute a request also writes the session's last-seen time."""
    claims, submits = [], []
    started = time.perf_counter()
    for pk in pks:
        claim, submit = complete_through_views(http, pk)
        claims.append(claim)
        submits.append(submit)
    seconds = time.perf_counter() - started
    return len(pks) / seconds, (statistics.median_low(claims), statistics.median_low(submits))
