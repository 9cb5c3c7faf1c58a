"""Writing imported cases through the engine: each starts with `case_start` on its process's
current version, at the step it stood at (its task goes to that step's queue) or at an end step
(it ends at once). Then the register's dates replace today's, so reports count a case in the
fiscal year it was really opened and closed, and the ended case gets its outcome and its
retention check, as an end step would give them. Answers are kept as the done task of the step
whose form asks them, dated the day the case was opened."""

import datetime as dt

from django.utils import timezone
from viewflow.workflow.status import STATUS

from forms_builder.models import AnswerSet
from partners.models import Role
from workflows.errors import WorkflowError
from workflows.imports.clients import UNCHANGED, UPDATED
from workflows.imports.registers import PlannedRow, RowRefused, rows_counted
from workflows.models import Case, CaseSource, CaseTask, TaskStage
from workflows.services.cases import case_close, case_start
from workflows.services.retention import client_retention_plan

#: The local hour an imported date is given (a register keeps days, not times).
IMPORTED_HOUR = 12
#: The data of a done task an import wrote (its answers), so a re-import finds them.
IMPORTED = {"imported": True}


def imported_at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(IMPORTED_HOUR)))


def cases_write(rows: list[PlannedRow], *, partner, user, file_name: str, progress=None) -> None:
    for row in rows_counted(rows, progress):
        if row.action == UNCHANGED:
            continue
        write = _case_update if row.action == UPDATED else _case_write
        try:
            write(row.values, partner=partner, user=user)
        except WorkflowError as error:
            raise RowRefused(row.row, error) from error


def _case_write(values: dict, *, partner, user) -> Case:
    case = case_start(
        partner=partner,
        client=values["client"],
        version=values["version"],
        source=CaseSource.IMPORT,
        user=user,
        step=values["step"],
    )
    opened = imported_at(values["opened_on"])
    for step, answers in values["answers"].items():
        _answers_keep(case, step, answers, opened=opened, partner=partner, user=user)
    case.source_reference = values["source_reference"]
    case.created = opened
    fields = ["source_reference", "created"]
    if values["outcome"]:
        case.outcome = values["outcome"]
        case.finished = imported_at(values["closed_on"])
        fields += ["outcome", "finished"]
        client_retention_plan(case=case, now=case.finished)
    case.save(update_fields=fields)
    CaseTask.objects.filter(process=case, step__isnull=True).update(created=opened)
    return case


def _answers_keep(case: Case, step, answers: dict, *, opened, partner, user) -> None:
    """The answers as the done task of the step whose form asks them, dated `opened`."""
    from workflows.flows import CaseFlow

    answer_set = AnswerSet.objects.create(
        form_version_id=step.form_version_id, data=answers, submitted_by=user
    )
    AnswerSet.objects.filter(pk=answer_set.pk).update(submitted_at=opened)
    CaseTask.objects.create(
        process=case,
        flow_task=CaseFlow.work,
        flow_task_type=CaseFlow.work.task_type,
        status=STATUS.DONE,
        partner=partner,
        step=step,
        stage=TaskStage.FILL,
        role=step.role or Role.CASEWORKER,
        answer_set=answer_set,
        created=opened,
        started=opened,
        finished=opened,
        data={**IMPORTED},
    )


def _case_update(values: dict, *, partner, user) -> Case:
    """A case imported before, whose row has changed (`values["changes"]`, see
    `workflows.imports.cases`): its dates, the answers an import kept (answers given since are
    left alone), its outcome; an open case that has ended since is closed through `case_close`
    (its open tasks cancelled, its follow-ups and retention as a closure gives them)."""
    case, changes = values["case"], values["changes"]
    opened = imported_at(values["opened_on"])
    imported = CaseTask.objects.filter(process=case, data__imported=True)
    if "opened_on" in changes:
        case.created = opened
        case.save(update_fields=["created"])
        imported.update(created=opened, started=opened, finished=opened)
        AnswerSet.objects.filter(
            pk__in=imported.exclude(answer_set=None).values("answer_set")
        ).update(submitted_at=opened)
        CaseTask.objects.filter(process=case, step__isnull=True).update(created=opened)
    if "answers" in changes:
        kept = {
            t.step_id: t.answer_set
            for t in imported.exclude(answer_set=None).select_related("answer_set")
        }
        for step, answers in values["answers"].items():
            answer_set = kept.get(step.pk)
            if answer_set is None:
                _answers_keep(case, step, answers, opened=opened, partner=partner, user=user)
            elif any(answer_set.data.get(k) != v for k, v in answers.items()):
                answer_set.data = {**answer_set.data, **answers}
                answer_set.save(update_fields=["data"])
    if "close" in changes:
        case = case_close(case=case, user=user, outcome=values["outcome"], data=IMPORTED)
    if changes & {"close", "closed_on", "outcome"}:
        case.outcome = values["outcome"]
        case.finished = imported_at(values["closed_on"])
        case.save(update_fields=["outcome", "finished"])
        client_retention_plan(case=case, now=case.finished)
    return case
