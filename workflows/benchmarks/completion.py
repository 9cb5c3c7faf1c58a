"""Task completion through the real views (claim, then submit the form), one client; the same
through the services alone (no HTTP); and what each statement of a completion is for."""

import statistics
import time
from collections import Counter

from django.db import connection, reset_queries
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from viewflow.workflow.status import STATUS

from workflows.models import CaseTask
from workflows.selectors.access import tasks_visible_to
from workflows.services.cases import task_claim, task_complete


def queued_tasks(partner, count: int) -> list[int]:
    return list(
        CaseTask.objects.filter(partner=partner, status=STATUS.NEW)
        .order_by("-urgent", "-created", "-pk")
        .values_list("pk", flat=True)[:count]
    )


def complete_through_views(http: HttpClient, pk: int) -> tuple[list[dict], list[dict]]:
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
    return claim.captured_queries, submit.captured_queries


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
        claims.append(len(claim))
        submits.append(len(submit))
    seconds = time.perf_counter() - started
    return len(pks) / seconds, (statistics.median_low(claims), statistics.median_low(submits))


def completions_by_services(user, pks: list[int]) -> float:
    """Completions per second of the same claim and completion through the services: the task
    read as the views read it, then claimed and completed (no HTTP, session or access record)."""
    started = time.perf_counter()
    for pk in pks:
        task = tasks_visible_to(user).select_related("process__client").get(pk=pk)
        task_claim(task=task, user=user)
        task_complete(task=task, user=user, data={"note": "ok"})
    return len(pks) / (time.perf_counter() - started)


#: What a statement is for, by the first table it names that is not the engine's own.
PURPOSES = (
    ("thiphueng_cache", "session and user"),
    ("django_session", "session and user"),
    ("workflows_accessrecord", "access record"),
    ("workflows_taskcount", "task counters"),
    ("forms_builder_answerset", "answers"),
    ("scheduling_dueitem", "due items"),
    ("workflows_outcome", "retention"),
)


def statements_by_purpose(statements: list[dict]) -> Counter:
    """The statements of a claim and a completion by what they are for: the engine's own (the
    lock, task rows, the case, the transaction) or what this system adds around it."""
    purposes = Counter()
    for statement in statements:
        sql = statement["sql"]
        purpose = next((label for table, label in PURPOSES if table in sql), "engine")
        if purpose == "engine" and sql.startswith("SELECT") and "INNER JOIN" in sql:
            purpose = "visibility"  # the request's read of the task, before the flow lock
        purposes[purpose] += 1
    return purposes


def statements_of_one(http: HttpClient, pk: int) -> Counter:
    claim, submit = complete_through_views(http, pk)
    return statements_by_purpose(claim + submit)
