"""An administrator adds a follow-up step (1 and 3 months) to a process and publishes it; a
caseworker finishes a case through it; time moves forward; the follow-up's task is in the queue
and the bell shows it."""

import datetime as dt
import json
import re

from django.utils import timezone
from viewflow.workflow.status import STATUS

from partners.models import Role
from scheduling.services import run_scheduler
from tests.browser.conftest import admin_login
from tests.browser.test_workflows__builder import add_decision, add_step, new_process
from tests.factories import member
from tests.factories_workflows import client_at, note_form
from tests.integration.test_workflows__follow_ups import follow_up_process
from workflows.models import Case, CaseSource, CaseTask
from workflows.services.cases import case_start


def add_follow_ups_step(page, definition, *, key, name_th, months):
    page.goto(f"/admin/processes/{definition.pk}/draft/")
    page.click("#add-step")
    page.check("input[name=kind][value=follow_ups]")
    page.fill("#id_key", key)
    page.fill("#id_name_th", name_th)
    page.fill("#id_follow_up_months", months)
    page.select_option("#id_follow_up_process", "visit")
    page.click("#step-form button[type=submit]")
    page.wait_for_url(f"**/processes/{definition.pk}/draft/**")


def bell_label(page) -> str:
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page.content(), re.S)
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def test_a_follow_up_step_plans_visits_that_reach_the_queue_and_the_bell(page, partner):
    admin = member(Role.ADMINISTRATOR, partner=partner, username="followup.admin")
    worker = member(Role.CASEWORKER, partner=partner, username="followup.worker")
    follow_up_process(partner)
    note = note_form(partner, key="help_note")
    admin_login(page, admin.username)

    definition = new_process(page, partner, "help", "ช่วยเหลือ")
    add_step(
        page,
        definition,
        key="work",
        name_th="ช่วยเหลือ",
        start=True,
        form_version=note.pk,
        role="caseworker",
    )
    add_follow_ups_step(page, definition, key="plan", name_th="นัดติดตามผล", months="1, 3")
    add_step(page, definition, kind="end", key="done", name_th="เสร็จ", outcome="other")
    steps = {s.key: s for s in definition.versions.get().steps.all()}
    assert steps["plan"].settings["months"] == [1, 3]
    add_decision(page, definition, steps["work"], steps["plan"], "ช่วยแล้ว", default=True)
    add_decision(page, definition, steps["plan"], steps["done"], "ปิดกรณี", default=True)
    page.click("#publish")
    page.wait_for_url(f"**/processes/{definition.pk}/")
    assert definition.versions.get().is_published

    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = CaseTask.objects.get(process=case, status=STATUS.NEW)
    page.context.clear_cookies()
    admin_login(page, worker.username)
    page.goto("/admin/work/queue/")
    page.locator(f"[data-task='{task.pk}'] [data-claim]").click()
    page.wait_for_url(f"**/admin/work/tasks/{task.pk}/")
    page.fill("[name=summary]", "ช่วยเหลือแล้ว")
    page.click("[data-complete]")
    page.wait_for_url(f"**/admin/work/cases/{case.pk}/")
    assert page.locator("[data-follow-ups] tr[data-state=planned]").count() == 2
    first = case.follow_ups.order_by("due_on").first()
    assert f"{first.due_on.year + 543}" in page.locator("[data-follow-ups]").inner_text()

    # A week before the first visit (time moved forward), its task is in the queue.
    start_at = dt.datetime.combine(first.due_on - dt.timedelta(days=7), dt.time(8, 1))
    run_scheduler(now=timezone.make_aware(start_at))
    visit = Case.objects.get(source=CaseSource.FOLLOW_UP)
    visit_task = CaseTask.objects.get(process=visit, status=STATUS.NEW)
    page.goto("/admin/work/queue/")
    assert page.locator(f"[data-task='{visit_task.pk}']").count() == 1
    assert "การแจ้งเตือน (ใหม่" in bell_label(page)
    page.goto("/admin/notifications/")
    assert page.get_by_text("ถึงกำหนดติดตามผล").count() >= 1
