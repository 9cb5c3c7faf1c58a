"""Claiming and completing a task through the views cost a fixed, small number of statements."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from viewflow.workflow.status import STATUS

from forms_builder.runtime.dynamic_form import form_class_for
from partners.models import Role
from tests.factories import member
from tests.factories_workspace import case_at, open_task
from workflows.models import CaseTask

THAI_ADULT = {"nationality": "thai", "age": "40"}
# Each request: the session and the user (with its permissions, memberships and Wagtail profile)
# from the cache (partners.auth_backend), the task (its step and decision from the kept graph);
# the claim then: lock, re-read, case, update, counters, its access record — change and record
# in one transaction (savepoint and release here, inside the test's transaction). The completion
# here moves the case on to a new task (due items planned). Before the form class and the steps
# were kept: 17 and 56; before the user was kept: 15 and 50; before the claim and the completion
# read the task without the page's joins and the case moved on in one node (`CaseFlow.route`): 46;
# before the access record was written under the flow lock (no savepoint of its own): 11 and 38.
CLAIM_MAX = 9
COMPLETE_MAX = 36


def test_a_claim_and_a_completion_stay_within_their_statements(client, partner):
    worker = member(Role.CASEWORKER, partner=partner)
    cases = [case_at(partner, first_name=f"ก{n}") for n in range(2)]
    client.force_login(worker)
    for number, case in enumerate(cases):
        pk = open_task(case).pk
        with CaptureQueriesContext(connection) as claim:
            response = client.post(reverse("workflows_admin:task_claim", args=[pk]))
        assert response.status_code == 302
        with CaptureQueriesContext(connection) as complete:
            response = client.post(reverse("workflows_admin:task", args=[pk]), THAI_ADULT)
        assert response.status_code == 302
        assert CaseTask.objects.get(pk=pk).status == STATUS.DONE
        if number:  # the second: the published form and the step are kept by then
            assert len(claim) <= CLAIM_MAX, [q["sql"][:80] for q in claim]
            assert len(complete) <= COMPLETE_MAX, [q["sql"][:80] for q in complete]


def test_a_published_forms_class_is_built_once(partner, django_assert_num_queries):
    case = case_at(partner)
    version = open_task(case).step.form_version
    first = form_class_for(version)
    with django_assert_num_queries(0):
        assert form_class_for(version) is first
