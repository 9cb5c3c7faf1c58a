"""What a task's form starts with: what the case already knows, under the same field keys.

In order, each overriding the one before: the public report's answers (a report's `location`
pre-fills an intake form's `location`), the answers a referral shared with the receiving case,
the client record, every earlier answer of the case, and,
for a step a supervisor returned, the answers that were returned.
"""

from forms_builder.runtime.dynamic_form import form_initial
from workflows.models import CaseTask, Client, IdStatus, PublicReport, Referral, TaskStage
from workflows.selectors.cases import case_answers

# The client record's identity statuses as a national-ID field answers them.
ID_ANSWER_STATUS = {
    IdStatus.FOREIGN_DOCUMENT: "foreign",
    IdStatus.STATELESS: "stateless",
}


def client_as_answers(client: Client) -> dict:
    """The client record as answers under the keys a form would use for the same facts."""
    answers = {
        "first_name": client.first_name,
        "last_name": client.last_name,
        "name_en": client.name_en,
        "nationality": client.nationality,
        "sex": client.sex,
        "birth_date": client.birth_date.isoformat() if client.birth_date else None,
        "estimated_age": client.estimated_age,
    }
    if client.national_id:
        answers["national_id"] = {"status": "id", "number": client.national_id}
    elif client.id_status in ID_ANSWER_STATUS:
        answers["national_id"] = {
            "status": ID_ANSWER_STATUS[client.id_status],
            "document": client.document_number,
        }
    return {key: value for key, value in answers.items() if value not in (None, "")}


def task_returned_by(*, task: CaseTask) -> CaseTask | None:
    """The supervisor's approval that returned this step to be redone, if that is what made
    this task (the case's last finished human task before it was a return of the same step)."""
    if task.stage != TaskStage.FILL or task.created is None:
        return None
    last = (
        CaseTask.objects.filter(
            process_id=task.process_id, step__isnull=False, finished__lte=task.created
        )
        .exclude(pk=task.pk)
        .select_related("owner", "answer_set")
        .order_by("-finished", "-pk")
        .first()
    )
    if (
        last is not None
        and last.stage == TaskStage.APPROVE
        and last.approved is False
        and last.step_id == task.step_id
    ):
        return last
    return None


def task_form_initial(*, task: CaseTask, returned_by: CaseTask | None = None) -> dict:
    case = task.process
    answers: dict = {}
    report = PublicReport.objects.filter(case=case).select_related("answer_set").first()
    if report is not None:
        answers.update(report.answer_set.data or {})
    referral = Referral.objects.filter(received_case=case).only("shared_answers").first()
    if referral is not None:
        answers.update(referral.shared_as_answers())
    answers.update(client_as_answers(case.client))
    answers.update(case_answers(case=case))
    if returned_by is not None and returned_by.answer_set_id:
        answers.update(returned_by.answer_set.data or {})
    return form_initial(version=task.step.form_version, answers=answers)


__all__ = ["client_as_answers", "task_form_initial", "task_returned_by"]
