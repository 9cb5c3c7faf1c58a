"""Follow-up schedules: a "schedule follow-ups" step plans visits (1 and 3 months on), each
becomes a case whose task is in the queue some days before its date; a caseworker adds, moves and
cancels them with a reason; ending a case with lost contact, death or a move cancels the rest."""

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from viewflow.workflow.status import STATUS

from notifications.models import Notification
from partners.models import Role
from scheduling.models import DueItem, DueState
from scheduling.services import run_scheduler
from tests.factories import member
from tests.factories_processes import decide, end, human
from tests.factories_workflows import client_at, note_form
from workflows.errors import WorkflowError
from workflows.models import Case, CaseSource, CaseTask, FollowUp, FollowUpState, ProcessKind
from workflows.services.cases import case_close, case_start, task_claim, task_complete
from workflows.services.definitions import (
    process_definition_create,
    process_version_publish,
    step_save,
)
from workflows.services.followups import follow_up_add, follow_up_cancel, follow_up_move


def follow_up_process(partner):
    definition = process_definition_create(
        partner=partner, key="visit", name_th="เยี่ยมติดตาม", kind=ProcessKind.FOLLOW_UP
    )
    version = definition.versions.get()
    visit = human(version, "visit", note_form(partner, key="visit_note"), start=True)
    decide(visit, end(version, "visited"), is_default=True)
    process_version_publish(version=version)
    return definition


def process_with_follow_ups(partner, months=(1, 3), last_outcome="helped_in_community"):
    follow_up_process(partner)
    definition = process_definition_create(
        partner=partner, key="help", name_th="ช่วยเหลือ", kind=ProcessKind.INTAKE
    )
    version = definition.versions.get()
    work = human(version, "work", note_form(partner), start=True)
    plan = step_save(
        version=version,
        key="plan",
        kind="follow_ups",
        name_th="นัดติดตามผล",
        settings={"months": list(months), "process": "visit", "lead_days": 7},
    )
    decide(work, plan, is_default=True)
    decide(plan, end(version, "closed", last_outcome), is_default=True)
    process_version_publish(version=version)
    return definition


@pytest.fixture
def worker(partner):
    return member(Role.CASEWORKER, partner=partner)


def finish(partner, worker, definition):
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=CaseTask.objects.get(process=case, status=STATUS.NEW), user=worker)
    task_complete(task=task, user=worker, data={"summary": "ช่วยเหลือแล้ว"})
    case.refresh_from_db()
    return case


def test_passing_the_step_plans_the_visits_and_the_case_goes_on_to_its_end(partner, worker):
    case = finish(partner, worker, process_with_follow_ups(partner))
    assert case.status == STATUS.DONE and case.outcome == "helped_in_community"
    today = timezone.localdate()
    planned = list(case.follow_ups.all())
    assert [f.due_on for f in planned] == [
        today + relativedelta(months=1),
        today + relativedelta(months=3),
    ]
    assert {f.state for f in planned} == {FollowUpState.PLANNED}
    items = DueItem.objects.filter(kind="follow_up_start", state=DueState.PENDING)
    assert items.count() == 2


def test_a_visit_becomes_a_task_in_the_queue_a_week_before_its_date(partner, worker):
    case = finish(partner, worker, process_with_follow_ups(partner))
    first = case.follow_ups.first()
    start_at = timezone.make_aware(
        dt.datetime.combine(first.due_on - dt.timedelta(days=7), dt.time(8))
    )
    run_scheduler(now=start_at - dt.timedelta(minutes=1))
    first.refresh_from_db()
    assert first.state == FollowUpState.PLANNED
    run_scheduler(now=start_at + dt.timedelta(minutes=1))
    first.refresh_from_db()
    assert first.state == FollowUpState.STARTED
    started = first.started_case
    assert started.client_id == case.client_id and started.source == CaseSource.FOLLOW_UP
    task = CaseTask.objects.get(process=started, status=STATUS.NEW)
    assert task.role == Role.CASEWORKER and task.partner_id == partner.pk
    notice = Notification.objects.get(recipient=worker, kind="follow_up_due")
    assert str(task.pk) in notice.link
    assert not Notification.objects.filter(kind="client_came_back").exists()
    run_scheduler(now=start_at + dt.timedelta(days=1))
    assert Case.objects.filter(source=CaseSource.FOLLOW_UP).count() == 1


@pytest.mark.parametrize("outcome", ["lost_contact", "deceased", "moved_away"])
def test_ending_the_case_with_lost_contact_death_or_a_move_cancels_the_rest(
    partner, worker, outcome
):
    case = finish(partner, worker, process_with_follow_ups(partner))
    case.status = STATUS.NEW  # reopened for the test: closed early below
    case.save(update_fields=["status"])
    case_close(case=case, user=worker, outcome=outcome)
    assert {f.state for f in case.follow_ups.all()} == {FollowUpState.CANCELLED}
    assert all(f.reason for f in case.follow_ups.all())
    assert not DueItem.objects.filter(kind="follow_up_start", state=DueState.PENDING).exists()


def test_an_end_step_with_a_cancelling_outcome_keeps_nothing_planned(partner, worker):
    case = finish(partner, worker, process_with_follow_ups(partner, last_outcome="moved_away"))
    assert {f.state for f in case.follow_ups.all()} == {FollowUpState.CANCELLED}


def test_a_caseworker_adds_moves_and_cancels_a_visit_with_a_reason(partner, worker):
    case = finish(partner, worker, process_with_follow_ups(partner, months=(1,)))
    process = case.follow_ups.first().process_definition
    later = timezone.localdate() + dt.timedelta(days=40)
    with pytest.raises(WorkflowError):
        follow_up_add(case=case, user=worker, due_on=later, reason=" ", process_definition=process)
    with pytest.raises(WorkflowError):
        follow_up_add(
            case=case,
            user=worker,
            due_on=timezone.localdate() - dt.timedelta(days=1),
            reason="ญาติขอ",
            process_definition=process,
        )
    added = follow_up_add(
        case=case, user=worker, due_on=later, reason="ญาติขอ", process_definition=process
    )
    moved = follow_up_move(
        follow_up=added, user=worker, due_on=later + dt.timedelta(days=5), reason="เลื่อนนัด"
    )
    item = DueItem.objects.get(key=f"follow_up:{added.pk}")
    assert item.due_at.date() == later + dt.timedelta(days=5 - 7)
    assert moved.reason == "เลื่อนนัด" and moved.changed_by == worker
    follow_up_cancel(follow_up=moved, user=worker, reason="ย้ายไปต่างจังหวัด")
    item.refresh_from_db()
    assert item.state == DueState.CANCELLED
    with pytest.raises(WorkflowError):
        follow_up_move(follow_up=moved, user=worker, due_on=later, reason="อีกครั้ง")
    assert FollowUp.objects.filter(case=case).count() == 2


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def test_the_case_page_lists_visits_in_the_buddhist_era_and_changes_them(
    client, partner, worker, django_assert_max_num_queries
):
    case = finish(partner, worker, process_with_follow_ups(partner))
    first, second = case.follow_ups.all()
    client.force_login(worker)
    page = client.get(f"/admin/work/cases/{case.pk}/").content.decode()
    assert str(first.due_on.year + 543) in page and "นัดไว้" in page
    changes = f"/admin/work/cases/{case.pk}/follow-ups/"
    later = timezone.localdate() + dt.timedelta(days=50)
    response = client.post(
        changes, {"action": "move", "follow_up": first.pk, "due_on": be(later), "reason": "เลื่อน"}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.due_on == later and first.reason == "เลื่อน"
    client.post(changes, {"action": "cancel", "follow_up": second.pk, "reason": "ย้ายที่อยู่"})
    second.refresh_from_db()
    assert second.state == FollowUpState.CANCELLED
    process = first.process_definition
    client.post(
        changes, {"action": "add", "process": process.pk, "due_on": be(later), "reason": "ขอเพิ่ม"}
    )
    assert case.follow_ups.count() == 3
    with CaptureQueriesContext(connection) as three:
        client.get(f"/admin/work/cases/{case.pk}/")
    for days in range(60, 70):
        follow_up_add(
            case=case,
            user=worker,
            due_on=timezone.localdate() + dt.timedelta(days=days),
            reason="เพิ่ม",
            process_definition=process,
        )
    with django_assert_max_num_queries(len(three)):
        assert client.get(f"/admin/work/cases/{case.pk}/").status_code == 200


def test_bad_input_changes_nothing_and_says_why_in_thai(client, partner, worker):
    case = finish(partner, worker, process_with_follow_ups(partner, months=(1,)))
    first = case.follow_ups.get()
    client.force_login(worker)
    changes = f"/admin/work/cases/{case.pk}/follow-ups/"
    later = timezone.localdate() + dt.timedelta(days=50)
    ce_year = f"{later.day:02d}/{later.month:02d}/{later.year}"
    response = client.post(
        changes,
        {"action": "move", "follow_up": first.pk, "due_on": ce_year, "reason": "เลื่อน"},
        follow=True,
    )
    assert "543" in response.content.decode()
    response = client.post(
        changes, {"action": "move", "follow_up": first.pk, "due_on": be(later)}, follow=True
    )
    assert response.status_code == 200
    first.refresh_from_db()
    assert first.due_on != later and first.reason == ""


def test_another_partners_case_and_follow_ups_are_not_found(client, partner, other_partner, worker):
    case = finish(partner, worker, process_with_follow_ups(partner, months=(1,)))
    first = case.follow_ups.get()
    stranger = member(Role.CASEWORKER, partner=other_partner)
    client.force_login(stranger)
    changes = f"/admin/work/cases/{case.pk}/follow-ups/"
    response = client.post(changes, {"action": "cancel", "follow_up": first.pk, "reason": "x"})
    assert response.status_code == 404
    first.refresh_from_db()
    assert first.state == FollowUpState.PLANNED
    communications = member(Role.COMMUNICATIONS, partner=partner)
    client.force_login(communications)
    response = client.post(changes, {"action": "cancel", "follow_up": first.pk, "reason": "x"})
    assert response.status_code == 302 and response.url == "/admin/"
    first.refresh_from_db()
    assert first.state == FollowUpState.PLANNED
