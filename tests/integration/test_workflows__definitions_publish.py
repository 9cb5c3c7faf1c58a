"""Publishing a process: every problem named with its step and what to fix; versions frozen."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from forms_builder.models import VersionStatus
from tests.factories import PartnerFactory
from tests.factories_processes import (
    decide,
    empty_process,
    end,
    human,
    rule,
    two_step_draft,
)
from tests.factories_workflows import client_at, note_form, screening_form
from workflows.models import Step
from workflows.services.cases import case_start
from workflows.services.definitions import (
    VersionImmutable,
    process_version_draft,
    process_version_problems,
    process_version_publish,
    step_save,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def problems_of(version) -> str:
    return "\n".join(process_version_problems(version=version))


def test_a_sound_draft_publishes(partner):
    definition, version = two_step_draft(partner)
    assert process_version_problems(version=version) == []
    process_version_publish(version=version)
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED and version.published_at


def test_no_start_step(partner):
    _definition, version = empty_process(partner)
    a = human(version, "a", note_form(partner))
    decide(a, end(version, "done"))
    assert "exactly one start step (it has 0)" in problems_of(version)


def test_marking_another_start_moves_the_start_so_there_are_never_two(partner):
    _definition, version = two_step_draft(partner)
    assess = version.steps.get(key="assess")
    step_save(version=version, step=assess, is_start=True)
    assert list(version.steps.filter(is_start=True).values_list("key", flat=True)) == ["assess"]


def test_unreachable_step_and_step_without_a_way_out(partner):
    _definition, version = two_step_draft(partner)
    human(version, "orphan", note_form(partner, key="orphan_form"), name_th="ตกค้าง")
    text = problems_of(version)
    assert "Step “ตกค้าง” cannot be reached from the start." in text
    assert "Step “ตกค้าง” has no way out: add a decision." in text


def test_dead_end_loop_never_reaching_an_end(partner):
    _definition, version = empty_process(partner)
    a = human(version, "a", screening_form(partner), start=True, name_th="ก")
    b = human(version, "b", note_form(partner), name_th="ข")
    decide(a, b)
    decide(b, a)
    text = problems_of(version)
    assert "From step “ก” no path reaches an end." in text
    assert "From step “ข” no path reaches an end." in text


def test_a_condition_on_a_later_field_is_refused(partner):
    _definition, version = two_step_draft(partner)
    screen = version.steps.get(key="screen")
    done = version.steps.get(key="done")
    # "summary" belongs to the form of the later step "assess".
    decide(screen, done, "สรุปแล้ว", condition=rule("summary", "not_empty"))
    text = problems_of(version)
    assert "“summary”, which is not an earlier field" in text
    assert "of step “ขั้นตอน screen”" in text


def test_a_condition_value_of_the_wrong_type_is_refused(partner):
    _definition, version = two_step_draft(partner)
    screen, done = version.steps.get(key="screen"), version.steps.get(key="done")
    decide(screen, done, "เด็ก", condition=rule("age", "lt", "eighteen"))
    decide(screen, done, "ไม่รู้จัก", condition=rule("nationality", "equals", "martian"))
    text = problems_of(version)
    assert "age: a whole number is expected." in text
    assert "nationality: the value must be one of the field's choices." in text


def test_end_without_outcome_and_form_of_another_partner(partner):
    _definition, version = two_step_draft(partner)
    done = version.steps.get(key="done")
    Step.objects.filter(pk=done.pk).update(outcome="")
    assess = version.steps.get(key="assess")
    Step.objects.filter(pk=assess.pk).update(form_version=note_form(PartnerFactory(), key="x"))
    text = problems_of(version)
    assert "End step “จบ done” needs an outcome." in text
    assert "The form of step “ขั้นตอน assess” belongs to another partner" in text


def test_publish_refuses_with_every_problem_and_stays_a_draft(partner):
    _definition, version = empty_process(partner)
    human(version, "a", note_form(partner))
    with pytest.raises(ValidationError) as error:
        process_version_publish(version=version)
    assert len(error.value.messages) >= 2
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT


def test_versions_are_frozen_new_cases_use_the_newest_old_cases_stay(partner):
    definition, version = two_step_draft(partner)
    process_version_publish(version=version)
    with pytest.raises(VersionImmutable):
        step_save(version=version, step=version.steps.get(key="assess"), name_th="แก้")
    old_case = case_start(partner=partner, client=client_at(partner), definition=definition)
    draft = process_version_draft(definition=definition)
    assert draft.number == 2
    assert sorted(draft.steps.values_list("key", flat=True)) == sorted(
        version.steps.values_list("key", flat=True)
    )
    assert draft.transitions.count() == version.transitions.count()
    step_save(version=draft, step=draft.steps.get(key="assess"), name_th="ประเมินใหม่")
    process_version_publish(version=draft)
    new_case = case_start(partner=partner, client=client_at(partner), definition=definition)
    old_case.refresh_from_db()
    assert old_case.process_version == version
    assert new_case.process_version == draft
    assert version.steps.get(key="assess").name_th == "ขั้นตอน assess"


def test_publishing_refuses_decisions_that_leave_answers_without_a_way_out(partner):
    """Without a default decision, the decisions must take every answer (issue: a case stuck on
    "no decision matches")."""
    definition, version = empty_process(partner)
    screening = screening_form(partner)
    screen = human(version, "screen", screening, start=True)
    thai_end, foreign_end = end(version, "thai_end"), end(version, "foreign_end")
    decide(screen, thai_end, condition=rule("nationality", "equals", "thai"))
    with pytest.raises(ValidationError) as refused:
        process_version_publish(version=version)
    message = " ".join(refused.value.messages)
    assert "Nationality: Foreign" in message or "nationality: Foreign" in message
    assert "default decision" in message

    decide(screen, foreign_end, condition=rule("nationality", "equals", "foreign"))
    assert process_version_problems(version=version) == []  # required, always asked: covered

    age = decide(screen, foreign_end, label="เด็ก", condition=rule("age", "lt", 18))
    problems = process_version_problems(version=version)
    assert len(problems) == 1 and "age" in problems[0]
    age.delete()
    decide(screen, thai_end, label="อื่น ๆ", is_default=True)
    process_version_publish(version=version)
