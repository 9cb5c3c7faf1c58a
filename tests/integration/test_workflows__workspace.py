"""The caseworker's workspace over HTTP: queue, inbox, claim, release, reassign, complete, approve,
the case page (path, masking, audit) and the supervisor's overview."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.status import STATUS

from forms_builder.models import AnswerSet, FieldType
from partners.models import Role
from tests.factories import member
from tests.factories_workflows import (
    client_at,
    published_before_coverage_checks,
    published_form,
    screening_process,
)
from tests.factories_workspace import case_at, open_task
from thai.dates import format_thai_date
from workflows.models import (
    AccessKind,
    AccessRecord,
    Case,
    CaseTask,
    ProcessKind,
    StepKind,
    TaskStage,
)
from workflows.services.cases import case_start, task_claim, task_complete
from workflows.services.definitions import (
    process_definition_create,
    process_version_publish,
    step_create,
    transition_create,
)


@pytest.fixture
def caseworker(partner):
    return member(Role.CASEWORKER, partner=partner)


@pytest.fixture
def supervisor(partner):
    return member(Role.SUPERVISOR, partner=partner)


@pytest.fixture
def case(partner):
    return case_at(partner)


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


def test_the_queue_shows_what_for_whom_with_its_due_time_and_urgent_first(
    client, partner, caseworker
):
    calm = case_at(partner, first_name="สมศรี")
    urgent = case_at(partner, first_name="สมปอง", urgent=True)
    client.force_login(caseworker)
    content = client.get(url("queue")).content.decode()
    assert "คัดกรอง — สมปอง ใจดี" in content
    assert content.index(urgent.reference) < content.index(calm.reference)
    assert "data-claim" in content
    due_at = timezone.localtime(open_task(calm).due_at)
    due = format_thai_date(due_at, "short", language="th")
    assert due in content and due.endswith(f"{(due_at.year + 543) % 100:02d} {due_at:%H:%M}")


def test_claim_moves_the_task_to_my_inbox_and_release_puts_it_back(client, case, caseworker):
    task = open_task(case)
    client.force_login(caseworker)
    response = client.post(url("task_claim", task.pk))
    assert response.url == url("task", task.pk)
    task.refresh_from_db()
    assert (task.status, task.owner) == (STATUS.ASSIGNED, caseworker)
    assert case.reference in client.get(url("inbox")).content.decode()
    assert case.reference not in client.get(url("queue")).content.decode()

    client.post(url("task_release", task.pk))
    task.refresh_from_db()
    assert (task.status, task.owner) == (STATUS.NEW, None)
    assert case.reference in client.get(url("queue")).content.decode()


def test_claiming_a_task_someone_holds_changes_nothing_and_says_why(
    client, case, caseworker, partner
):
    task = task_claim(task=open_task(case), user=caseworker)
    other = member(Role.CASEWORKER, partner=partner)
    client.force_login(other)
    response = client.post(url("task_claim", task.pk), follow=True)
    assert list(response.context["messages"])
    task.refresh_from_db()
    assert task.owner == caseworker


def test_a_supervisor_reassigns_a_task_to_a_worker_who_holds_the_role(
    client, case, caseworker, supervisor, partner
):
    task = task_claim(task=open_task(case), user=caseworker)
    colleague = member(Role.CASEWORKER, partner=partner)
    client.force_login(supervisor)
    page = client.get(url("task", task.pk)).content.decode()
    assert f'value="{colleague.pk}"' in page
    client.post(url("task_assign", task.pk), {"assignee": colleague.pk})
    task.refresh_from_db()
    assert task.owner == colleague
    # The case's timeline says who gave it to whom.
    event = case.events.get()
    assert (event.actor, event.details["from_user"], event.details["to_user"]) == (
        supervisor,
        str(caseworker),
        str(colleague),
    )
    timeline = client.get(url("case", case.pk)).content.decode()
    assert 'data-event="reassigned"' in timeline and str(colleague) in timeline


def test_a_caseworker_cannot_reassign(client, case, caseworker, partner):
    task = open_task(case)
    colleague = member(Role.CASEWORKER, partner=partner)
    client.force_login(caseworker)
    assert "task_assign" not in client.get(url("task", task.pk)).content.decode()
    client.post(url("task_assign", task.pk), {"assignee": colleague.pk})
    task.refresh_from_db()
    assert task.status == STATUS.NEW and not case.events.exists()


def test_completing_a_task_takes_the_branch_the_answers_select(client, case, caseworker):
    task = task_claim(task=open_task(case), user=caseworker)
    client.force_login(caseworker)
    form_page = client.get(url("task", task.pk)).content.decode()
    assert 'name="nationality"' in form_page and "data-fb-form" in form_page
    response = client.post(url("task", task.pk), {"nationality": "thai", "age": "12"})
    assert response.url == url("case", case.pk)
    page = client.get(response.url).content.decode()
    assert 'data-current-step="child"' in page
    assert 'data-outcome="child_protection"' in page
    assert "เด็ก" in page  # the decision's label
    assert "<svg" in page  # the diagram with the path taken


def test_invalid_answers_show_errors_next_to_the_fields_and_save_nothing(client, case, caseworker):
    task = task_claim(task=open_task(case), user=caseworker)
    client.force_login(caseworker)
    response = client.post(url("task", task.pk), {"nationality": "thai", "age": "ไม่ทราบ"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "fb-field--error" in content and 'data-fb-field="age"' in content
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED and task.answer_set is None
    assert AnswerSet.objects.count() == 0


def test_no_matching_decision_saves_nothing_and_keeps_the_answers_on_screen(
    client, partner, caseworker
):
    definition = screening_process(partner, default=False, publish=False)
    version = definition.versions.get()
    version.steps.filter(key__in=["assess", "helped"]).delete()
    published_before_coverage_checks(version)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=open_task(case), user=caseworker)
    client.force_login(caseworker)
    response = client.post(url("task", task.pk), {"nationality": "thai", "age": "40"})
    assert response.status_code == 200
    assert list(response.context["messages"])
    assert 'value="40"' in response.content.decode()
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED
    assert AnswerSet.objects.count() == 0


def test_completing_a_task_already_done_says_so(client, case, caseworker):
    task = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=task, user=caseworker, data={"nationality": "foreign", "age": "30"})
    client.force_login(caseworker)
    response = client.post(url("task", task.pk), {"nationality": "thai", "age": "12"}, follow=True)
    assert list(response.context["messages"])
    case.refresh_from_db()
    assert case.outcome == "immigration"
    assert CaseTask.objects.filter(process=case, step__isnull=False).count() == 1


def test_an_unclaimed_task_cannot_be_completed_over_http(client, case, caseworker):
    task = open_task(case)
    client.force_login(caseworker)
    client.post(url("task", task.pk), {"nationality": "foreign", "age": "30"})
    task.refresh_from_db()
    assert task.status == STATUS.NEW


@pytest.fixture
def approval_task(partner, caseworker, supervisor):
    definition = screening_process(partner, approval=True)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    fill = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=fill, user=caseworker, data={"nationality": "foreign", "age": "30"})
    return task_claim(task=open_task(case), user=supervisor)


def test_a_supervisor_sees_the_answers_read_only_and_approves(client, approval_task, supervisor):
    client.force_login(supervisor)
    page = client.get(url("task", approval_task.pk)).content.decode()
    assert 'data-fb-answer="nationality"' in page and 'name="nationality"' not in page
    client.post(url("task", approval_task.pk), {"decision": "approve", "comment": ""})
    case = Case.objects.get(pk=approval_task.process_id)
    assert case.outcome == "immigration"


def test_returning_needs_a_comment_and_sends_the_step_back(client, approval_task, supervisor):
    client.force_login(supervisor)
    response = client.post(url("task", approval_task.pk), {"decision": "return", "comment": ""})
    assert response.status_code == 200
    assert CaseTask.objects.get(pk=approval_task.pk).status == STATUS.ASSIGNED
    client.post(url("task", approval_task.pk), {"decision": "return", "comment": "ตรวจอีกครั้ง"})
    redo = open_task(approval_task.process)
    assert redo.stage == TaskStage.FILL and redo.status == STATUS.ASSIGNED  # back to its worker
    page = client.get(url("case", approval_task.process_id)).content.decode()
    assert "ตรวจอีกครั้ง" in page


def sensitive_case(partner):
    form = published_form(
        partner,
        "health",
        [
            {"key": "illness", "field_type": FieldType.SHORT_TEXT, "sensitive": True},
            {"key": "place", "field_type": FieldType.SHORT_TEXT},
        ],
    )
    definition = process_definition_create(
        partner=partner, key="health", name_th="สุขภาพ", kind=ProcessKind.ASSESSMENT
    )
    version = definition.versions.get()
    ask = step_create(
        version=version,
        key="ask",
        kind=StepKind.HUMAN,
        name_th="ถาม",
        is_start=True,
        form_version=form,
        role=Role.CASEWORKER,
    )
    done = step_create(
        version=version, key="done", kind=StepKind.END, name_th="จบ", outcome="other"
    )
    transition_create(source=ask, target=done, label_th="จบ", is_default=True)
    process_version_publish(version=version)
    return case_start(partner=partner, client=client_at(partner), definition=definition)


def test_sensitive_answers_are_masked_for_those_who_do_not_need_them(client, partner, caseworker):
    case = sensitive_case(partner)
    task = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=task, user=caseworker, data={"illness": "วัณโรค", "place": "ตลาด"})
    client.force_login(caseworker)
    assert "วัณโรค" in client.get(url("case", case.pk)).content.decode()
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    page = client.get(url("case", case.pk)).content.decode()
    assert "วัณโรค" not in page and "ตลาด" in page and "fb-masked" in page


def test_every_view_of_a_case_is_in_the_audit_log(client, case, caseworker):
    client.force_login(caseworker)
    client.get(url("case", case.pk))
    client.get(url("case", case.pk))
    entries = AccessRecord.objects.filter(client=case.client, kind=AccessKind.VIEW)
    assert entries.count() == 2
    assert {(entry.user_id, entry.object_id) for entry in entries} == {
        (caseworker.pk, str(case.pk))
    }


def test_the_inbox_filters_by_process_step_overdue_and_client(client, partner, caseworker):
    first = case_at(partner, first_name="มานี", national_id="1101700230708")
    second = case_at(partner, first_name="ชูใจ")
    for case in (first, second):
        task_claim(task=open_task(case), user=caseworker)
    CaseTask.objects.filter(process=first).update(due_at="2020-01-01T00:00:00Z")
    client.force_login(caseworker)

    def shown(**params):
        content = client.get(url("inbox"), params).content.decode()
        return {c.reference for c in (first, second) if c.reference in content}

    both = {first.reference, second.reference}
    assert shown() == both
    assert shown(client="มานี") == {first.reference}
    assert shown(client="1-1017-00230-70-8") == {first.reference}
    assert shown(overdue="on") == {first.reference}
    assert shown(step="screen") == both
    assert shown(step="assess") == set()
    assert shown(process=first.process_version.definition_id) == both


def page_queries(client, name) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(name)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["inbox", "queue"])
def test_inbox_and_queue_queries_do_not_grow_with_the_number_of_tasks(
    client, partner, caseworker, django_assert_max_num_queries, name
):
    definition = screening_process(partner)

    def add_cases(count):
        for n in range(count):
            case = case_start(
                partner=partner,
                client=client_at(partner, first_name=f"ก{n}"),
                definition=definition,
            )
            if name == "inbox":
                task_claim(task=open_task(case), user=caseworker)

    client.force_login(caseworker)
    add_cases(5)
    with_five = page_queries(client, name)
    add_cases(45)
    with django_assert_max_num_queries(with_five):
        response = client.get(url(name))
    assert response.context["page"].paginator.count == 50
    assert len(response.context["rows"]) == 25


def test_the_supervisor_overview_counts_cases_by_step_overdue_and_per_worker(
    client, partner, caseworker, supervisor, django_assert_max_num_queries
):
    for n in range(3):
        case = case_at(partner, first_name=f"ข{n}")
        if n:
            task_claim(task=open_task(case), user=caseworker)
    CaseTask.objects.filter(owner=caseworker).update(due_at="2020-01-01T00:00:00Z")
    client.force_login(supervisor)
    # The menu's numbers (approvals, referrals, the bell) are one query on every admin page.
    with django_assert_max_num_queries(20):
        response = client.get(url("dashboard"))
    context = response.context
    assert [row["cases"] for row in context["by_step"]] == [3]
    assert context["overdue_count"] == 2 and context["unclaimed"] == 1
    assert [(w["owner_id"], w["open"], w["overdue"]) for w in context["workers"]] == [
        (caseworker.pk, 2, 2)
    ]


def test_caseworkers_do_not_open_the_supervisor_overview(client, caseworker):
    client.force_login(caseworker)
    assert client.get(url("dashboard")).status_code == 302


def test_the_home_page_shows_my_work(client, case, caseworker):
    client.force_login(caseworker)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url("inbox") in content and url("queue") in content


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.CASEWORKER, {"inbox", "queue", "clients", "case-start"}),
        (Role.SUPERVISOR, {"inbox", "queue", "clients", "case-start", "work-overview"}),
        (Role.ADMINISTRATOR, {"clients"}),
        (Role.COMMUNICATIONS, set()),
    ],
)
def test_menu_items_follow_the_role(rf, partner, role, expected):
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = member(role, partner=partner)
    names = {item.name for item in admin_menu.menu_items_for_request(request)}
    assert names & {"inbox", "queue", "clients", "case-start", "work-overview"} == expected


def test_the_queue_count_reads_only_our_task_table(client, case, caseworker):
    client.force_login(caseworker)
    with CaptureQueriesContext(connection) as queries:
        client.get(url("queue"))
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts and all("flow_class" not in sql and "JOIN" not in sql for sql in counts)


def test_approvals_wait_in_the_supervisors_queue_only(client, partner, caseworker, supervisor):
    definition = screening_process(partner, approval=True)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    fill = task_claim(task=open_task(case), user=caseworker)
    task_complete(task=fill, user=caseworker, data={"nationality": "foreign", "age": "30"})
    approval = open_task(case)
    client.force_login(caseworker)
    assert f'data-task="{approval.pk}"' not in client.get(url("queue")).content.decode()
    client.post(url("task_claim", approval.pk))
    assert open_task(case).status == STATUS.NEW
    client.force_login(supervisor)
    assert f'data-task="{approval.pk}"' in client.get(url("queue")).content.decode()


def test_a_filtered_queue_that_finds_a_great_many_says_more_than_the_cap(
    client, partner, caseworker, monkeypatch, django_assert_max_num_queries
):
    """Filtered lists have no counters: their count stops at the cap ("more than 1,000")."""
    monkeypatch.setattr("workflows.views.workspace.base.COUNT_CAP", 3)
    cases = [case_at(partner, first_name=f"ก{number}") for number in range(5)]
    client.force_login(caseworker)
    definition = cases[0].process_version.definition_id
    with django_assert_max_num_queries(24):  # the capped count, the page's ids, their rows
        response = client.get(url("queue"), {"process": definition})
    page = response.context["page"]
    assert page.capped and page.paginator.count == 4
    assert "มากกว่า 3 งาน" in response.content.decode()
    exact = client.get(url("queue"), {"process": definition, "client": "ก0"}).context["page"]
    assert not exact.capped and exact.paginator.count == 1
