"""Two people completing the same task at the same moment (PostgreSQL row locks)."""

import time

import pytest
from viewflow.workflow.status import STATUS

import forms_builder.services
from partners.models import Role
from tests.concurrency import run_together
from tests.factories import member
from tests.factories_workflows import client_at, screening_process
from workflows.errors import TaskAlreadyDone, TaskBusy, WorkflowError
from workflows.models import CaseTask
from workflows.services.cases import case_start, task_claim, task_complete

pytestmark = pytest.mark.postgres


def test_exactly_one_of_two_simultaneous_completions_succeeds(
    transactional_db, on_postgres, partner, monkeypatch
):
    worker = member(Role.CASEWORKER, partner=partner)
    case = case_start(
        partner=partner, client=client_at(partner), definition=screening_process(partner)
    )
    task = task_claim(task=CaseTask.objects.get(process=case, status=STATUS.NEW), user=worker)

    original = forms_builder.services.answer_set_create

    def slow_answer_set_create(**kwargs):
        time.sleep(0.5)  # hold the case lock while the other completion waits for it
        return original(**kwargs)

    monkeypatch.setattr("workflows.services.cases.answer_set_create", slow_answer_set_create)
    answers = {"nationality": "thai", "age": "40"}
    results = run_together(
        lambda: task_complete(task=CaseTask.objects.get(pk=task.pk), user=worker, data=answers),
        lambda: task_complete(task=CaseTask.objects.get(pk=task.pk), user=worker, data=answers),
    )
    succeeded = [r for r in results if isinstance(r, CaseTask)]
    refused = [r for r in results if isinstance(r, WorkflowError)]
    assert len(succeeded) == 1, results
    assert len(refused) == 1 and isinstance(refused[0], TaskAlreadyDone | TaskBusy), results
    assert CaseTask.objects.filter(process=case, step__key="assess").count() == 1
    done = CaseTask.objects.get(pk=task.pk)
    assert done.status == STATUS.DONE and done.answer_set.data["age"] == 40


def test_two_workers_claiming_at_once_one_gets_it(transactional_db, on_postgres, partner):
    first, second = (member(Role.CASEWORKER, partner=partner) for _ in range(2))
    case = case_start(
        partner=partner, client=client_at(partner), definition=screening_process(partner)
    )
    pk = CaseTask.objects.get(process=case, status=STATUS.NEW).pk
    results = run_together(
        lambda: task_claim(task=CaseTask.objects.get(pk=pk), user=first),
        lambda: task_claim(task=CaseTask.objects.get(pk=pk), user=second),
    )
    assert sum(isinstance(r, CaseTask) for r in results) == 1, results
    assert sum(isinstance(r, WorkflowError) for r in results) == 1, results
    assert CaseTask.objects.get(pk=pk).owner in (first, second)
