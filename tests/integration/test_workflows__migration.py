"""Moving open cases to a newer version: preview, apply, and refusal that changes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from viewflow.workflow.status import STATUS

from partners.models import Role
from tests.factories import member
from tests.factories_processes import end, human, two_step_draft
from tests.factories_workflows import client_at, note_form, screening_process
from workflows.models import Case, CaseTask, Transition
from workflows.services.cases import case_start, task_claim, task_complete
from workflows.services.definitions import (
    process_version_draft,
    process_version_publish,
    step_save,
    transition_save,
)
from workflows.services.migration import (
    cases_migrate,
    migration_plan,
    migration_steps_with_open_cases,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def worker(partner):
    return member(Role.CASEWORKER, partner=partner)


@pytest.fixture
def setup(partner, worker):
    """Version 1 with two open cases on "screen" and one on "assess"; version 2 renames "assess"
    to "review" (a new key) and adds a step."""
    definition, v1 = two_step_draft(partner)
    process_version_publish(version=v1)
    cases = [
        case_start(partner=partner, client=client_at(partner), definition=definition)
        for _ in range(3)
    ]
    task = task_claim(task=CaseTask.objects.get(process=cases[2], status=STATUS.NEW), user=worker)
    task_complete(task=task, user=worker, data={"nationality": "thai", "age": "40"})
    v2 = process_version_draft(definition=definition)
    review = v2.steps.get(key="assess")
    step_save(version=v2, step=review, key="review", name_th="ทบทวน", role=Role.SUPERVISOR)
    extra = human(v2, "visit", note_form(partner, key="visit_form"))
    transition_save(source=extra, target=v2.steps.get(key="done"), label_th="จบ")
    transition_save(source=review, target=extra, label_th="เยี่ยมบ้าน")
    process_version_publish(version=v2)
    return definition, v1, v2, cases


def mapping_by_key(v1, v2, pairs):
    return {v1.steps.get(key=a).pk: v2.steps.get(key=b).pk for a, b in pairs}


def test_the_steps_with_open_cases_are_listed_with_counts(setup):
    _definition, v1, _v2, _cases = setup
    counts = {s.key: n for s, n in migration_steps_with_open_cases(source=v1)}
    assert counts == {"screen": 2, "assess": 1}


def test_preview_lists_what_will_move_and_changes_nothing(setup):
    _definition, v1, v2, cases = setup
    mapping = mapping_by_key(v1, v2, [("screen", "screen"), ("assess", "review")])
    plan = migration_plan(source=v1, target=v2, mapping=mapping)
    assert plan.problems == [] and plan.can_apply
    assert sorted((c.pk, old.key, new.key) for c, old, new in plan.moves) == sorted(
        [
            (cases[0].pk, "screen", "screen"),
            (cases[1].pk, "screen", "screen"),
            (cases[2].pk, "assess", "review"),
        ]
    )
    assert Case.objects.filter(process_version=v1).count() == 3


def test_apply_moves_cases_and_their_open_tasks_then_work_goes_on(setup, partner, worker):
    _definition, v1, v2, cases = setup
    mapping = mapping_by_key(v1, v2, [("screen", "screen"), ("assess", "review")])
    assert cases_migrate(source=v1, target=v2, mapping=mapping) == 3
    for case in cases:
        case.refresh_from_db()
        assert case.process_version == v2
        assert case.current_step.version == v2
        open_task = CaseTask.objects.get(process=case, status=STATUS.NEW)
        assert open_task.step == case.current_step
    moved = CaseTask.objects.get(process=cases[2], status=STATUS.NEW)
    assert moved.step.key == "review" and moved.role == Role.SUPERVISOR
    # A moved case keeps working on the new graph.
    task = task_claim(task=CaseTask.objects.get(process=cases[0], status=STATUS.NEW), user=worker)
    task_complete(task=task, user=worker, data={"nationality": "foreign", "age": "40"})
    cases[0].refresh_from_db()
    assert cases[0].current_step.key == "immigration"
    assert cases[0].current_step.version == v2
    assert Transition.objects.get(pk=task.decision_id).version == v2


def test_an_unmapped_step_refuses_and_leaves_everything_unchanged(setup):
    _definition, v1, v2, cases = setup
    before = {c.pk: (c.process_version_id, c.current_step_id) for c in Case.objects.all()}
    tasks_before = list(CaseTask.objects.order_by("pk").values_list("pk", "step_id", "role"))
    mapping = mapping_by_key(v1, v2, [("screen", "screen")])
    plan = migration_plan(source=v1, target=v2, mapping=mapping)
    assert not plan.can_apply
    assert any("ขั้นตอน assess" in p and "choose where they go" in p for p in plan.problems)
    with pytest.raises(ValidationError):
        cases_migrate(source=v1, target=v2, mapping=mapping)
    after = {c.pk: (c.process_version_id, c.current_step_id) for c in Case.objects.all()}
    assert after == before
    assert list(CaseTask.objects.order_by("pk").values_list("pk", "step_id", "role")) == (
        tasks_before
    )


def test_mapping_to_an_end_or_to_an_older_version_is_refused(setup, partner):
    _definition, v1, v2, _cases = setup
    to_end = mapping_by_key(v1, v2, [("screen", "done"), ("assess", "review")])
    assert migration_plan(source=v1, target=v2, mapping=to_end).problems
    assert migration_plan(source=v2, target=v1, mapping={}).problems
    other, v_other = two_step_draft(partner, key="other")
    end(v_other, "spare")
    assert migration_plan(source=v1, target=v_other, mapping={}).problems


def test_a_case_waiting_for_approval_is_not_moved(partner, worker):
    definition = screening_process(partner, approval=True)
    v1 = definition.versions.get()
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=CaseTask.objects.get(process=case, status=STATUS.NEW), user=worker)
    task_complete(task=task, user=worker, data={"nationality": "thai", "age": "40"})
    v2 = process_version_draft(definition=definition)
    process_version_publish(version=v2)
    mapping = mapping_by_key(v1, v2, [("screen", "screen")])
    plan = migration_plan(source=v1, target=v2, mapping=mapping)
    assert any("approval" in p and case.reference in p for p in plan.problems)
    with pytest.raises(ValidationError):
        cases_migrate(source=v1, target=v2, mapping=mapping)
    case.refresh_from_db()
    assert case.process_version == v1
