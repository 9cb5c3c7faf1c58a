"""Due dates that act: a new task is announced to its queue, the holder (or the queue) hears when
it is due soon and when it is overdue, the supervisors after the step's grace period, and nothing
acts about a finished task. Time moves by passing `now` to the scheduler."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from viewflow.workflow.status import STATUS

from notifications.models import Notification
from partners.models import Role
from scheduling.models import DayOff, DueItem, DueState
from scheduling.services import run_scheduler
from tests.factories import member
from tests.factories_workflows import client_at, screening_process
from workflows.due import task_due_at
from workflows.models import CaseTask, Step
from workflows.services.cases import case_close, case_start, task_assign, task_claim, task_complete

MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
def people(partner):
    return {
        "worker": member(Role.CASEWORKER, partner=partner, email="worker@example.org"),
        "colleague": member(Role.CASEWORKER, partner=partner),
        "supervisor": member(Role.SUPERVISOR, partner=partner, email="boss@example.org"),
    }


@pytest.fixture
def process(partner):
    definition = screening_process(partner)
    Step.objects.filter(version__definition=definition, key="screen").update(
        due_hours=72, grace_hours=24
    )
    return definition


def run_until_idle(now) -> None:
    while run_scheduler(now=now):
        pass


def start(partner, process):
    case = case_start(partner=partner, client=client_at(partner), definition=process)
    return CaseTask.objects.get(process=case, status=STATUS.NEW)


def kinds_for(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def items_about(task):
    """The task's own due items (another object's may carry the same primary key)."""
    return DueItem.objects.filter(
        content_type=ContentType.objects.get_for_model(CaseTask), object_id=task.pk
    )


def test_a_new_task_plans_its_due_items_and_tells_its_queue_once_per_queue(
    partner, process, people
):
    first = start(partner, process)
    second = start(partner, process)
    planned = items_about(first).filter(state=DueState.PENDING)
    assert sorted(planned.values_list("kind", flat=True)) == ["task_due", "task_due_soon"]
    assert planned.get(kind="task_due").due_at == first.due_at
    arrived = Notification.objects.get(recipient=people["worker"], kind="queue_arrived")
    assert arrived.count == 2 and "สมชาย" in arrived.text and str(second.pk) in arrived.link
    assert kinds_for(people["supervisor"]) == ["queue_arrived"]


def test_due_soon_then_overdue_then_escalated_to_the_supervisors(partner, process, people):
    task = start(partner, process)
    task = task_claim(task=task, user=people["worker"])
    run_scheduler(now=task.due_at - dt.timedelta(days=1) + MINUTE)
    assert kinds_for(people["worker"]) == ["queue_arrived", "task_due_soon"]
    run_scheduler(now=task.due_at + MINUTE)
    assert kinds_for(people["worker"]) == ["queue_arrived", "task_due_soon", "task_overdue"]
    assert "task_overdue" not in kinds_for(people["colleague"])  # the holder alone is told
    task.refresh_from_db()
    assert task.escalated_at is None
    run_scheduler(now=task.due_at + dt.timedelta(hours=24) - MINUTE)
    task.refresh_from_db()
    assert task.escalated_at is None  # still within the grace period
    run_scheduler(now=task.due_at + dt.timedelta(hours=24) + MINUTE)
    task.refresh_from_db()
    assert task.escalated_at is not None
    assert "task_escalated" in kinds_for(people["supervisor"])
    assert "task_escalated" not in kinds_for(people["worker"])
    run_until_idle(task.due_at + dt.timedelta(days=30))
    assert kinds_for(people["supervisor"]).count("task_escalated") == 1


def test_an_unclaimed_overdue_task_tells_its_whole_queue(partner, process, people):
    task = start(partner, process)
    run_scheduler(now=task.due_at + MINUTE)
    for person in people.values():
        assert "task_overdue" in kinds_for(person)


def test_a_step_without_a_grace_period_never_escalates(partner, process, people):
    Step.objects.filter(key="screen").update(grace_hours=None)
    task = start(partner, process)
    run_until_idle(task.due_at + dt.timedelta(days=60))
    task.refresh_from_db()
    assert task.escalated_at is None
    assert not DueItem.objects.filter(kind="task_escalate").exists()


def test_completing_the_task_cancels_what_has_not_acted(partner, process, people):
    task = task_claim(task=start(partner, process), user=people["worker"])
    task_complete(task=task, user=people["worker"], data={"nationality": "thai", "age": "40"})
    assert set(items_about(task).values_list("state", flat=True)) == {DueState.CANCELLED}
    run_scheduler(now=task.due_at + dt.timedelta(days=10))
    assert "task_overdue" not in kinds_for(people["worker"])


def test_closing_the_case_cancels_its_tasks_due_items(partner, process, people):
    task = start(partner, process)
    case_close(case=task.process, user=people["supervisor"], outcome="other")
    assert not items_about(task).filter(state=DueState.PENDING).exists()


def test_a_supervisor_assigning_a_task_tells_the_assignee(partner, process, people):
    task = start(partner, process)
    task_assign(task=task, user=people["supervisor"], assignee=people["colleague"])
    assert "task_assigned" in kinds_for(people["colleague"])
    assert "task_assigned" not in kinds_for(people["supervisor"])


def test_nobody_at_another_partner_hears_about_a_partners_tasks(
    partner, other_partner, process, people
):
    stranger = member(Role.SUPERVISOR, partner=other_partner, email="stranger@example.org")
    task = start(partner, process)
    run_until_idle(task.due_at + dt.timedelta(days=30))
    assert Notification.objects.filter(kind="task_escalated").exists()
    assert not Notification.objects.filter(recipient=stranger).exists()
    assert Notification.objects.exclude(partner=partner).count() == 0
    sent_to = {address for message in mail.outbox for address in message.to}
    assert {"worker@example.org", "boss@example.org"} <= sent_to
    assert "stranger@example.org" not in sent_to
    assert all("สมชาย" not in message.body for message in mail.outbox if "stranger" in message.to)


def test_the_overdue_and_escalated_marks_show_in_the_overview_and_the_queue(
    client, partner, process, people
):
    task = start(partner, process)
    run_until_idle(task.due_at + dt.timedelta(days=2))
    CaseTask.objects.filter(pk=task.pk).update(due_at=task.due_at - dt.timedelta(days=10))
    client.force_login(people["supervisor"])
    badge = 'ws-badge--escalated">แจ้งหัวหน้างานแล้ว'
    overview = client.get("/admin/work/overview/").content.decode()
    assert badge in overview
    assert "<strong>1</strong> แจ้งหัวหน้างานแล้ว" in overview
    assert badge in client.get("/admin/work/queue/").content.decode()


# Working days: Songkran 2026 is Monday 13 to Wednesday 15 April.
FRIDAY_BEFORE_SONGKRAN = dt.datetime(2026, 4, 10, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def test_working_days_skip_the_weekend_and_thai_public_holidays(db):
    step = Step(due_hours=48, due_working_days=True)
    due = task_due_at(step, FRIDAY_BEFORE_SONGKRAN)
    assert due.date() == dt.date(2026, 4, 17) and due.hour == 10
    calendar_days = Step(due_hours=48)
    assert task_due_at(calendar_days, FRIDAY_BEFORE_SONGKRAN).date() == dt.date(2026, 4, 12)


def test_working_days_skip_the_special_days_off_administrators_add(db):
    DayOff.objects.create(date=dt.date(2026, 4, 16), name="วันหยุดพิเศษ")
    step = Step(due_hours=48, due_working_days=True)
    assert task_due_at(step, FRIDAY_BEFORE_SONGKRAN).date() == dt.date(2026, 4, 20)


def test_a_person_found_again_tells_the_partner_that_closed_their_case(
    partner, other_partner, process, people
):
    client = client_at(partner, first_name="สมปอง")
    earlier = case_start(partner=partner, client=client, definition=process)
    case_close(case=earlier, user=people["supervisor"], outcome="other")
    elsewhere = screening_process(other_partner)
    other_supervisor = member(Role.SUPERVISOR, partner=other_partner)
    case_start(partner=other_partner, client=client, definition=elsewhere)
    [notice] = Notification.objects.filter(kind="client_came_back")
    assert notice.recipient == people["supervisor"] and notice.partner == partner
    assert earlier.reference in notice.text and other_partner.name_th in notice.text
    assert notice.link == f"/admin/work/cases/{earlier.pk}/"
    assert not Notification.objects.filter(recipient=other_supervisor, kind="client_came_back")
