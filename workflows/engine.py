"""What the generic flow's nodes do. Called only by CaseFlow, inside the flow lock."""

from django.utils import timezone
from viewflow.workflow.status import STATUS

from partners.models import Role
from workflows.due import task_due_at
from workflows.models import Case, CaseTask, Step, TaskStage
from workflows.models.definitions import ProcessVersion
from workflows.selectors.access import user_can_work_task
from workflows.selectors.graph import running_task_graph
from workflows.selectors.prefill import task_returned_by
from workflows.services.followups import follow_ups_cancel_for_outcome
from workflows.services.retention import client_retention_plan


def case_begin(
    activation,
    *,
    partner,
    client,
    process_version: ProcessVersion,
    source: str,
    urgent: bool = False,
    opened_by=None,
    step: Step | None = None,
) -> Case:
    """Pin the process version on the new case and put it on the version's start step (or the
    given step of that version: an imported case that stood there, or ended there)."""
    case = activation.process
    case.partner = partner
    case.client = client
    case.process_version = process_version
    case.current_step = step or Step.objects.get(version=process_version, is_start=True)
    case.current_stage = TaskStage.FILL
    case.source = source
    case.urgent = urgent
    case.opened_by = opened_by
    return case


def _move(case: Case, target: Step) -> None:
    passed = set()
    while target.kind_spec.passes_through and target.pk not in passed:
        passed.add(target.pk)
        target.kind_spec.arrive(case, target)
        target = target.outgoing.select_related("target").get(is_default=True).target
    case.current_step = target
    case.current_stage = TaskStage.FILL
    if target.is_end:
        case.outcome = target.outcome
        follow_ups_cancel_for_outcome(case=case, outcome=target.outcome)
        client_retention_plan(case=case)


FINISHED = "_finished_task"


def task_finished_keep(activation) -> None:
    """Keep the task that just finished on its case, for `case_advance` in the same activation
    chain (the next node's activation shares the case object): it need not be read again."""
    setattr(activation.process, FINISHED, activation.task)


def case_advance(activation) -> None:
    """Record where the case goes after the task just finished (the decision was taken by then)."""
    finished_pk = activation.task.data.get("finished_task")
    if finished_pk is None:
        return  # Just started: the case already stands on its start step.
    case = activation.process
    finished = getattr(case, FINISHED, None)
    if finished is None or finished.pk != finished_pk:
        finished = CaseTask.objects.get(pk=finished_pk)
    running_task_graph(finished)  # its step and decision from the kept graph, not joined
    if finished.stage == TaskStage.FILL and finished.step.requires_approval:
        case.current_stage = TaskStage.APPROVE
    elif finished.stage == TaskStage.APPROVE and not finished.approved:
        case.current_stage = TaskStage.FILL  # Returned: the step is done again.
    else:
        _move(case, finished.decision.target)
    case.save(update_fields=["current_step", "current_stage", "outcome"])


def case_has_work(case: Case) -> bool:
    return case.current_step_id is not None and not case.current_step.is_end


def task_prepare(task: CaseTask) -> None:
    """Give a new task its step, role, partner and due time, from where the case stands."""
    case = task.process
    step = case.current_step
    spec = step.kind_spec
    task.partner_id = case.partner_id
    task.step = step
    task.stage = case.current_stage
    task.urgent = case.urgent
    if task.stage == TaskStage.APPROVE:
        task.role = Role.SUPERVISOR
        filled = (
            CaseTask.objects.filter(process=case, step=step, stage=TaskStage.FILL)
            .exclude(finished=None)
            .order_by("-finished")
            .first()
        )
        task.answer_set_id = filled.answer_set_id
        task.decision_id = filled.decision_id
    else:
        # A wait's task is only the case's place while it waits: no role, no queue, no due time.
        task.role = (step.role or Role.CASEWORKER) if spec.creates_task else ""
        if spec.creates_task:
            _give_back_if_returned(task)
    now = timezone.now()
    task.due_at = task_due_at(step, now) if spec.creates_task else None
    task.save(
        update_fields=[
            "partner",
            "step",
            "stage",
            "role",
            "urgent",
            "due_at",
            "answer_set",
            "decision",
            "owner",
            "status",
            "assigned",
        ]
    )
    spec.task_prepared(task, now=now)


def _give_back_if_returned(task: CaseTask) -> None:
    """A step a supervisor returned goes back to the person who did it (if they still may work
    it), not to the shared queue."""
    returned = task_returned_by(task=task)
    if returned is None:
        return
    filled = (
        CaseTask.objects.filter(answer_set_id=returned.answer_set_id, stage=TaskStage.FILL)
        .select_related("owner")
        .first()
    )
    if (
        filled
        and filled.owner
        and filled.owner.is_active
        and user_can_work_task(filled.owner, task)
    ):
        task.owner = filled.owner
        task.status = STATUS.ASSIGNED
        task.assigned = timezone.now()
