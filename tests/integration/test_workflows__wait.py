"""Wait steps: the case waits a set time, or until a date answered earlier, out of every queue,
then routes on by itself. Time moves by passing `now` to the scheduler."""

import datetime as dt

import pytest
from django.utils import timezone
from viewflow.workflow.status import STATUS

from forms_builder.models import FieldType
from partners.models import Role
from scheduling.services import run_scheduler
from tests.factories import member
from tests.factories_processes import decide, empty_process, end, human
from tests.factories_workflows import client_at, published_form
from workflows.models import CaseTask
from workflows.selectors.tasks import tasks_queue
from workflows.services.cases import case_start, task_claim, task_complete
from workflows.services.definitions import process_version_publish, step_save
from workflows.services.publish_checks import process_version_problems


def waiting_process(partner, settings):
    definition, version = empty_process(partner, key="waits")
    form = published_form(
        partner,
        "appointment",
        [{"key": "appointment_on", "field_type": FieldType.DATE, "required": False}],
    )
    ask = human(version, "ask", form, start=True)
    wait = step_save(version=version, key="wait", kind="wait", name_th="รอ", settings=settings)
    again = human(version, "again", form)
    decide(ask, wait, is_default=True)
    decide(wait, again, is_default=True)
    decide(again, end(version, "done"), is_default=True)
    process_version_publish(version=version)
    return definition


@pytest.fixture
def worker(partner):
    return member(Role.CASEWORKER, partner=partner)


def answer(partner, worker, definition, appointment=""):
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=CaseTask.objects.get(process=case, status=STATUS.NEW), user=worker)
    task_complete(task=task, user=worker, data={"appointment_on": appointment})
    case.refresh_from_db()
    return case


def step_of(case) -> str:
    case.refresh_from_db()
    return case.current_step.key


def test_a_case_waits_its_days_out_of_every_queue_then_goes_on(partner, worker):
    case = answer(partner, worker, waiting_process(partner, {"days": 14}))
    assert step_of(case) == "wait"
    assert not tasks_queue(user=worker).filter(process=case).exists()
    run_scheduler(now=timezone.now() + dt.timedelta(days=13))
    assert step_of(case) == "wait"
    run_scheduler(now=timezone.now() + dt.timedelta(days=14, minutes=1))
    assert step_of(case) == "again"
    assert tasks_queue(user=worker).filter(process=case, step__key="again").exists()


def test_a_case_waits_until_the_date_answered_earlier(partner, worker):
    definition = waiting_process(partner, {"days": 3, "until_field": "appointment_on"})
    day = timezone.localdate() + dt.timedelta(days=30)
    case = answer(partner, worker, definition, appointment=f"{day:%d/%m}/{day.year + 543}")
    run_scheduler(now=timezone.now() + dt.timedelta(days=4))
    assert step_of(case) == "wait"
    run_scheduler(now=timezone.make_aware(dt.datetime.combine(day, dt.time(8, 1))))
    assert step_of(case) == "again"


def test_without_an_answered_date_the_days_count(partner, worker):
    definition = waiting_process(partner, {"days": 3, "until_field": "appointment_on"})
    case = answer(partner, worker, definition)
    run_scheduler(now=timezone.now() + dt.timedelta(days=3, minutes=1))
    assert step_of(case) == "again"


def test_publishing_refuses_a_wait_without_a_time_or_with_an_unknown_date_field(partner):
    definition, version = empty_process(partner, key="bad")
    form = published_form(partner, "f", [{"key": "note", "field_type": FieldType.SHORT_TEXT}])
    ask = human(version, "ask", form, start=True)
    wait = step_save(
        version=version, key="wait", kind="wait", name_th="รอ", settings={"until_field": "note"}
    )
    decide(ask, wait, is_default=True)
    decide(wait, end(version, "done"), is_default=True)
    problems = " ".join(process_version_problems(version=version))
    assert "note" in problems
