"""Approval steps say what happens, wait in a supervisor's list, and come back to the person who
did them; a task's form starts with what the case already knows."""

import re

import pytest
from django.urls import reverse
from viewflow.workflow.status import STATUS

from forms_builder.models import FieldType
from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_reports import report_data, report_form, report_network
from tests.factories_workflows import client_at, published_form, screening_process
from tests.factories_workspace import open_task
from workflows.models import ProcessKind, PublicReportSetting, StepKind, TaskStage
from workflows.services.cases import case_start, task_approve, task_claim, task_complete
from workflows.services.definitions import (
    process_definition_create,
    process_version_publish,
    step_create,
    transition_create,
)
from workflows.services.public_reports import public_report_submit


@pytest.fixture
def caseworker(partner):
    return member(Role.CASEWORKER, partner=partner)


@pytest.fixture
def supervisor(partner):
    return member(Role.SUPERVISOR, partner=partner)


@pytest.fixture
def sent_for_approval(partner, caseworker):
    definition = screening_process(partner, approval=True)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    fill = task_claim(task=open_task(case), user=caseworker)
    return case, fill


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


def test_the_task_page_and_the_message_say_the_step_waits_for_approval(
    client, partner, caseworker, sent_for_approval
):
    case, fill = sent_for_approval
    client.force_login(caseworker)
    assert "data-needs-approval" in client.get(url("task", fill.pk)).content.decode()
    response = client.post(
        url("task", fill.pk), {"nationality": "foreign", "age": "30"}, follow=True
    )
    message = str(list(response.context["messages"])[0])
    assert "รอหัวหน้างานอนุมัติ" in message  # the admin speaks Thai
    assert open_task(case).stage == TaskStage.APPROVE


def test_supervisors_have_a_list_of_what_waits_for_their_approval_with_a_count(
    client, partner, caseworker, supervisor, sent_for_approval
):
    case, fill = sent_for_approval
    task_complete(task=fill, user=caseworker, data={"nationality": "foreign", "age": "30"})
    approval = open_task(case)
    client.force_login(supervisor)
    page = client.get(url("approvals")).content.decode()
    assert f'data-task="{approval.pk}"' in page and f"({1})" in page
    # Claimed by this supervisor, it stays on their list; another partner's supervisor and a
    # caseworker never see it.
    task_claim(task=approval, user=supervisor)
    assert f'data-task="{approval.pk}"' in client.get(url("approvals")).content.decode()
    client.force_login(member(Role.SUPERVISOR, partner=PartnerFactory()))
    assert f'data-task="{approval.pk}"' not in client.get(url("approvals")).content.decode()
    client.force_login(caseworker)
    assert client.get(url("approvals")).status_code == 302


def test_a_returned_step_goes_back_to_its_worker_prefilled_with_the_comment(
    client, partner, caseworker, supervisor, sent_for_approval
):
    case, fill = sent_for_approval
    task_complete(
        task=fill, user=caseworker, data={"nationality": "foreign", "age": "30", "note": "ก"}
    )
    approval = task_claim(task=open_task(case), user=supervisor)
    task_approve(task=approval, user=supervisor, approved=False, comment="ตรวจสัญชาติอีกครั้ง")
    redo = open_task(case)
    assert (redo.stage, redo.status, redo.owner) == (TaskStage.FILL, STATUS.ASSIGNED, caseworker)
    client.force_login(caseworker)
    page = client.get(url("task", redo.pk)).content.decode()
    assert 'id="returned"' in page and "ตรวจสัญชาติอีกครั้ง" in page
    assert re.search(r'name="age"[^>]*value="30"', page)
    assert re.search(r'value="foreign"[^>]*checked|checked[^>]*value="foreign"', page)
    # The earlier answers and the case's timeline say which round was returned.
    assert "data-returned" in page
    assert "data-returned" in client.get(url("case", case.pk)).content.decode()


def test_a_returned_step_whose_worker_left_goes_to_the_queue(
    partner, caseworker, supervisor, sent_for_approval
):
    case, fill = sent_for_approval
    task_complete(task=fill, user=caseworker, data={"nationality": "foreign", "age": "30"})
    caseworker.is_active = False
    caseworker.save()
    approval = task_claim(task=open_task(case), user=supervisor)
    task_approve(task=approval, user=supervisor, approved=False, comment="ใหม่")
    redo = open_task(case)
    assert (redo.status, redo.owner) == (STATUS.NEW, None)


def report_process(partner):
    """A process whose first form asks again what the public report already said."""
    form = published_form(
        partner,
        "intake_from_report",
        [
            {"key": "location", "field_type": FieldType.THAI_ADDRESS},
            {"key": "description", "field_type": FieldType.LONG_TEXT},
            {"key": "first_name", "field_type": FieldType.SHORT_TEXT},
        ],
    )
    definition = process_definition_create(
        partner=partner, key="from-report", name_th="รับแจ้ง", kind=ProcessKind.INTAKE
    )
    version = definition.versions.get()
    start = step_create(
        version=version,
        key="intake",
        kind=StepKind.HUMAN,
        name_th="รับเรื่อง",
        is_start=True,
        form_version=form,
        role=Role.CASEWORKER,
    )
    done = step_create(
        version=version, key="done", kind=StepKind.END, name_th="เสร็จ", outcome="other"
    )
    transition_create(source=start, target=done, label_th="เสร็จ", is_default=True)
    process_version_publish(version=version)
    return definition


def test_a_public_reports_intake_task_starts_with_the_report_and_shows_it(client, db):
    network = report_network()
    pattaya = network["pattaya"]
    PublicReportSetting.objects.filter(partner=pattaya).update(
        process_definition=report_process(pattaya)
    )
    report = public_report_submit(
        form=report_form(report_data("200402")), reporter={}, consent=False
    )
    task = open_task(report.case)
    worker = member(Role.CASEWORKER, partner=pattaya)
    task_claim(task=task, user=worker)
    client.force_login(worker)
    page = client.get(url("task", task.pk)).content.decode()
    assert 'id="public-report"' in page and report.reference in page
    assert re.search(r"<textarea[^>]*name=\"description\"[^>]*>\s*ชายสูงอายุนอนอยู่ริมถนน", page)
    assert 'value="200402" selected' in page


def test_the_step_filter_offers_the_newest_versions_steps_only(client, partner, caseworker):
    from workflows.services.definitions import process_version_draft

    definition = screening_process(partner)
    draft = process_version_draft(definition=definition)
    draft.steps.filter(key="assess").update(name_th="ประเมินความต้องการ")
    process_version_publish(version=draft)
    client.force_login(caseworker)
    page = client.get(url("inbox")).content.decode()
    options = re.findall(r'<option value="(\w+)"[^>]*>([^<]*)</option>', page)
    assert [label for value, label in options if value == "assess"] == ["ประเมินความต้องการ"]
