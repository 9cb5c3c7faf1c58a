"""Reads about one case: its answers so far, its timeline."""

from viewflow.workflow.status import STATUS

from workflows.models import Case, CaseEvent, CaseTask


def case_answers(*, case: Case) -> dict:
    """Every answer given on the case so far; a later answer overrides an earlier one."""
    answers: dict = {}
    rows = (
        CaseTask.objects.filter(process=case, status=STATUS.DONE, answer_set__isnull=False)
        .order_by("finished", "pk")
        .values_list("answer_set__data", flat=True)
    )
    for data in rows:
        answers.update(data or {})
    return answers


def case_timeline(*, case: Case) -> list[CaseTask]:
    """The case's human tasks, oldest first, with who did them and what they decided."""
    return list(
        CaseTask.objects.filter(process=case, step__isnull=False)
        .select_related("step", "owner", "decision", "answer_set__form_version")
        .order_by("created", "pk")
    )


def case_events(*, case: Case) -> list[CaseEvent]:
    """What happened to the case besides its tasks (moves, reassignments), oldest first."""
    return list(CaseEvent.objects.filter(case=case).order_by("created_at", "pk"))
