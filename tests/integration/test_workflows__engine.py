"""Engine-level tests: start, claim, complete, routing, defaults, approval, isolation."""

import pytest
from viewflow.workflow.status import STATUS

from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at, published_before_coverage_checks, screening_process
from workflows.errors import FormInvalid, NoTransitionMatches, TaskAlreadyDone, TaskNotAvailable
from workflows.models import CaseTask, TaskStage
from workflows.services.cases import (
    case_start,
    task_approve,
    task_assign,
    task_claim,
    task_complete,
    task_release,
)
from workflows.services.definitions import process_version_draft, process_version_publish


def open_task(case) -> CaseTask:
    return CaseTask.objects.get(process=case, status__in=[STATUS.NEW, STATUS.ASSIGNED])


@pytest.fixture
def caseworker(partner):
    return member(Role.CASEWORKER, partner=partner)


@pytest.fixture
def case(partner, caseworker):
    definition = screening_process(partner)
    return case_start(partner=partner, client=client_at(partner), definition=definition)


def test_a_started_case_waits_in_the_partner_queue_for_its_first_step(case, partner):
    task = open_task(case)
    assert task.status == STATUS.NEW
    assert task.owner is None
    assert (task.partner, task.role, task.step.key) == (partner, Role.CASEWORKER, "screen")
    assert task.due_at is not None
    assert case.current_step.key == "screen"


@pytest.mark.parametrize(
    ("answers", "end_step", "outcome"),
    [
        ({"nationality": "foreign", "age": "40"}, "immigration", "immigration"),
        ({"nationality": "thai", "age": "12"}, "child", "child_protection"),
    ],
)
def test_the_first_matching_decision_routes_the_case(case, caseworker, answers, end_step, outcome):
    task = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=task, user=caseworker, data=answers)
    case.refresh_from_db()
    assert case.current_step.key == end_step
    assert case.outcome == outcome
    assert case.status == STATUS.DONE
    assert not CaseTask.objects.filter(process=case, status=STATUS.NEW).exists()


def test_the_default_decision_is_taken_when_no_condition_holds(case, caseworker):
    task = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=task, user=caseworker, data={"nationality": "thai", "age": "40"})
    case.refresh_from_db()
    assert case.current_step.key == "assess"
    task.refresh_from_db()
    assert task.decision.target.key == "assess"
    assert task.answer_set.data["nationality"] == "thai"
    nxt = open_task(case)
    assert nxt.step.key == "assess" and nxt.status == STATUS.NEW


def test_no_match_and_no_default_completes_nothing(partner, caseworker):
    definition = screening_process(partner, default=False, publish=False)
    version = definition.versions.get()
    # Without a default the graph is still valid: "assess" is unreachable, so drop it first.
    version.steps.filter(key__in=["assess", "helped"]).delete()
    published_before_coverage_checks(version)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=open_task(case), user=caseworker)
    with pytest.raises(NoTransitionMatches):
        task_complete(task=task, user=caseworker, data={"nationality": "thai", "age": "40"})
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED
    assert task.answer_set is None
    assert CaseTask.objects.filter(process=case).exclude(step=None).count() == 1


def test_invalid_answers_save_nothing(case, caseworker):
    task = task_claim(task=open_task(case), user=caseworker)
    with pytest.raises(FormInvalid) as error:
        task_complete(task=task, user=caseworker, data={"nationality": "martian", "age": "x"})
    assert set(error.value.form.errors) == {"nationality", "age"}
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED and task.answer_set is None


def test_a_task_must_be_claimed_before_it_is_completed(case, caseworker):
    with pytest.raises(TaskNotAvailable):
        task_complete(task=open_task(case), user=caseworker, data={"nationality": "thai"})


def test_claim_release_and_claim_again(case, caseworker, partner):
    other = member(Role.CASEWORKER, partner=partner)
    task = task_claim(task=open_task(case), user=caseworker)
    assert task.owner == caseworker and task.status == STATUS.ASSIGNED
    with pytest.raises(TaskNotAvailable):
        task_claim(task=task, user=other)
    task_release(task=task, user=caseworker)
    task.refresh_from_db()
    assert task.owner is None and task.status == STATUS.NEW
    assert task_claim(task=task, user=other).owner == other


def test_a_supervisor_assigns_and_reassigns(case, caseworker, partner):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    other = member(Role.CASEWORKER, partner=partner)
    task = task_assign(task=open_task(case), user=supervisor, assignee=caseworker)
    assert task.owner == caseworker
    task = task_assign(task=task, user=supervisor, assignee=other)
    assert task.owner == other
    with pytest.raises(TaskNotAvailable):
        task_assign(task=task, user=caseworker, assignee=caseworker)


def test_people_of_another_partner_cannot_touch_the_task(case, other_partner):
    for role in (Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINISTRATOR):
        outsider = member(role, partner=other_partner)
        with pytest.raises(TaskNotAvailable):
            task_claim(task=open_task(case), user=outsider)
    supervisor = member(Role.SUPERVISOR, partner=other_partner)
    with pytest.raises(TaskNotAvailable):
        task_assign(task=open_task(case), user=supervisor, assignee=supervisor)


def test_communications_staff_cannot_claim(case, partner):
    comms = member(Role.COMMUNICATIONS, partner=partner)
    with pytest.raises(TaskNotAvailable):
        task_claim(task=open_task(case), user=comms)


def test_completing_twice_is_refused_as_already_done(case, caseworker):
    task = task_claim(task=open_task(case), user=caseworker)
    stale = CaseTask.objects.get(pk=task.pk)
    task_complete(task=task, user=caseworker, data={"nationality": "thai", "age": "40"})
    with pytest.raises(TaskAlreadyDone):
        task_complete(task=stale, user=caseworker, data={"nationality": "thai", "age": "40"})
    assert CaseTask.objects.filter(process=case, step__key="assess").count() == 1


def test_approval_step_goes_to_a_supervisor_who_approves(partner, caseworker):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    definition = screening_process(partner, approval=True)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=task, user=caseworker, data={"nationality": "foreign", "age": "30"})
    approval = open_task(case)
    assert approval.stage == TaskStage.APPROVE and approval.role == Role.SUPERVISOR
    assert approval.decision.target.key == "immigration"
    with pytest.raises(TaskNotAvailable):
        task_claim(task=approval, user=caseworker)
    approval = task_claim(task=approval, user=supervisor)
    task_approve(task=approval, user=supervisor, approved=True)
    case.refresh_from_db()
    assert case.outcome == "immigration" and case.status == STATUS.DONE


def test_a_returned_approval_sends_the_step_back_to_be_done_again(partner, caseworker):
    supervisor = member(Role.SUPERVISOR, partner=partner)
    definition = screening_process(partner, approval=True)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=task, user=caseworker, data={"nationality": "foreign", "age": "30"})
    approval = task_claim(task=open_task(case), user=supervisor)
    task_approve(task=approval, user=supervisor, approved=False, comment="ตรวจสัญชาติอีกครั้ง")
    redo = open_task(case)
    assert (redo.step.key, redo.stage, redo.role) == ("screen", TaskStage.FILL, Role.CASEWORKER)
    case.refresh_from_db()
    assert case.status != STATUS.DONE and case.outcome == ""


def test_cases_stay_on_their_version_and_new_cases_start_on_the_newest(case, partner, caseworker):
    definition = case.process_version.definition
    draft = process_version_draft(definition=definition)
    assert draft.number == 2 and draft.steps.count() == 5
    draft.steps.filter(key="screen").update(name_th="คัดกรองใหม่")
    process_version_publish(version=draft)
    newer = case_start(partner=partner, client=client_at(partner), definition=definition)
    case.refresh_from_db()
    assert case.process_version.number == 1
    assert newer.process_version.number == 2
    assert open_task(newer).step.name_th == "คัดกรองใหม่"
    assert open_task(case).step.version.number == 1


def test_a_process_of_another_partner_cannot_start_a_case_here(partner, other_partner):
    from workflows.errors import WorkflowError

    definition = screening_process(other_partner)
    with pytest.raises(WorkflowError):
        case_start(partner=partner, client=client_at(partner), definition=definition)
