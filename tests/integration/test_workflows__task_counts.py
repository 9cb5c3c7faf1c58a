"""The inbox's, queue's and approvals' numbers come from counters kept exact as tasks change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from viewflow.workflow.status import STATUS

from notifications.models import Notification
from partners.menus import menu_counts
from partners.models import Role
from tests.concurrency import run_together
from tests.factories import member
from tests.factories_referrals import case_with_answers, send
from tests.factories_workflows import client_at, screening_process
from tests.factories_workspace import open_task
from tests.integration.test_notifications__centre import sidebar_text
from workflows.models import CaseTask, TaskCount
from workflows.selectors.tasks import (
    approvals_count,
    inbox_count,
    queue_count,
    tasks_awaiting_approval,
    tasks_inbox,
    tasks_queue,
)
from workflows.services.cases import (
    case_close,
    case_start,
    task_approve,
    task_assign,
    task_claim,
    task_complete,
    task_release,
)
from workflows.services.task_counts import _counted, task_counts_rebuild

THAI_ADULT = {"nationality": "thai", "age": "40"}


def counters() -> dict:
    return {
        (c.partner_pk, c.role, c.stage, c.status, c.owner_pk): c.n
        for c in TaskCount.objects.exclude(n=0)
    }


def assert_exact(*users) -> None:
    """The counters equal a count of the tasks, and each list's number its rows."""
    assert counters() == dict(_counted(CaseTask.objects.all()))
    for user in users:
        assert inbox_count(user=user) == tasks_inbox(user=user).count()
        assert queue_count(user=user) == tasks_queue(user=user).count()
        assert approvals_count(user=user) == tasks_awaiting_approval(user=user).count()


@pytest.fixture
def people(partner):
    return (
        member(Role.CASEWORKER, partner=partner),
        member(Role.CASEWORKER, partner=partner),
        member(Role.SUPERVISOR, partner=partner),
    )


def test_counts_stay_exact_through_claim_release_reassign_complete_and_close(
    db, partner, other_partner, people
):
    first, second, supervisor = people
    definition = screening_process(partner, approval=True)
    cases = [
        case_start(partner=partner, client=client_at(partner), definition=definition)
        for _ in range(4)
    ]
    elsewhere = member(Role.CASEWORKER, partner=other_partner)
    case_start(
        partner=other_partner,
        client=client_at(other_partner),
        definition=screening_process(other_partner),
    )
    assert queue_count(user=first) == 4 and queue_count(user=supervisor) == 4
    assert queue_count(user=elsewhere) == 1
    assert_exact(first, second, supervisor, elsewhere)

    task_claim(task=open_task(cases[0]), user=first)
    task_claim(task=open_task(cases[1]), user=first)
    assert inbox_count(user=first) == 2 and queue_count(user=first) == 2
    assert_exact(first, second, supervisor)

    task_release(task=open_task(cases[1]), user=first)
    task_assign(task=open_task(cases[0]), user=supervisor, assignee=second)  # reassigned
    task_assign(task=open_task(cases[2]), user=supervisor, assignee=first)  # from the queue
    assert inbox_count(user=first) == 1 and inbox_count(user=second) == 1
    assert_exact(first, second, supervisor)

    task_complete(task=open_task(cases[0]), user=second, data=THAI_ADULT)  # → approval
    assert inbox_count(user=second) == 0 and approvals_count(user=supervisor) == 1
    assert_exact(first, second, supervisor)
    task_claim(task=open_task(cases[0]), user=supervisor)
    assert approvals_count(user=supervisor) == 1
    task_approve(task=open_task(cases[0]), user=supervisor, approved=True)  # → assess, queued
    assert approvals_count(user=supervisor) == 0
    assert_exact(first, second, supervisor)

    task_claim(task=open_task(cases[1]), user=first)
    task_complete(task=open_task(cases[1]), user=first, data=THAI_ADULT)
    task_claim(task=open_task(cases[1]), user=supervisor)
    task_approve(task=open_task(cases[1]), user=supervisor, approved=False)  # back to first
    assert open_task(cases[1]).owner == first
    assert_exact(first, second, supervisor)

    case_close(case=cases[2], user=supervisor, outcome="duplicate")  # first's task cancelled
    case_close(case=cases[3], user=supervisor, outcome="duplicate")  # a queued one
    assert inbox_count(user=first) == 1  # the returned step
    assert_exact(first, second, supervisor, elsewhere)


def test_a_rebuild_gives_the_same_counters(db, partner, people):
    first, _second, _supervisor = people
    definition = screening_process(partner)
    for _ in range(3):
        case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task_claim(task=open_task(case), user=first)
    kept = counters()
    TaskCount.objects.all().delete()
    task_counts_rebuild()
    assert counters() == kept
    task_counts_rebuild(partner_pk=partner.pk)
    assert counters() == kept


def test_the_pages_take_their_numbers_from_the_counters(client, partner, people):
    first, _second, _supervisor = people
    definition = screening_process(partner)
    for _ in range(3):
        case_start(partner=partner, client=client_at(partner), definition=definition)
    # A counter that disagrees with the tasks shows that the page reads it (never done for real).
    TaskCount.objects.filter(status=STATUS.NEW).update(n=7)
    client.force_login(first)
    response = client.get(reverse("workflows_admin:queue"))
    assert response.context["page"].paginator.count == 7
    filtered = client.get(reverse("workflows_admin:queue"), {"step": "screen"})
    assert filtered.context["page"].paginator.count == 3


@pytest.mark.postgres
def test_claims_and_completions_at_once_keep_the_counts_exact(
    transactional_db, on_postgres, partner
):
    workers = [member(Role.CASEWORKER, partner=partner) for _ in range(3)]
    definition = screening_process(partner)
    cases = [
        case_start(partner=partner, client=client_at(partner), definition=definition)
        for _ in range(6)
    ]
    for case, worker in zip(cases[:3], workers, strict=True):
        task_claim(task=open_task(case), user=worker)
    pending = [open_task(case).pk for case in cases[3:]]

    def claim(pk, worker):
        return lambda: task_claim(task=CaseTask.objects.get(pk=pk), user=worker)

    def complete(case, worker):
        return lambda: task_complete(task=open_task(case), user=worker, data=THAI_ADULT)

    results = run_together(
        *(complete(case, worker) for case, worker in zip(cases[:3], workers, strict=True)),
        # Two people claim each queued task: one of them gets it.
        *(claim(pk, worker) for pk in pending for worker in workers[:2]),
    )
    assert sum(isinstance(r, CaseTask) for r in results) == 3 + len(pending), results
    connection.close()
    assert_exact(*workers)
    assert sum(inbox_count(user=w) for w in workers) == len(pending)
    assert queue_count(user=workers[0]) == 3  # the three "assess" tasks


def test_the_menus_numbers_cost_one_query_together(client, partner, other_partner):
    supervisor = member(Role.SUPERVISOR, partner=other_partner)
    definition = screening_process(other_partner, approval=True)
    case = case_start(partner=other_partner, client=client_at(other_partner), definition=definition)
    task_claim(task=open_task(case), user=supervisor)
    task_complete(task=open_task(case), user=supervisor, data=THAI_ADULT)  # → waits for approval
    send(case_with_answers(partner), member(Role.CASEWORKER, partner=partner), other_partner)
    Notification.objects.filter(recipient=supervisor).delete()
    Notification.objects.create(recipient=supervisor, partner=other_partner, kind="task_due")
    with CaptureQueriesContext(connection) as queries:
        counts = menu_counts(supervisor)
        assert menu_counts(supervisor) is counts  # kept for the request
    assert len(queries) == 1
    assert counts == {"approvals": 1, "referrals_pending": 1, "notifications_unread": 1}
    client.force_login(supervisor)
    sidebar = sidebar_text(client)
    assert "การแจ้งเตือน (ใหม่ 1)" in sidebar and "รออนุมัติ (1)" in sidebar
