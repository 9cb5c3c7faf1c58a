"""Starting cases and moving their tasks: claim, release, assign, complete, approve.

Every change to a task runs inside `task.activation()`, which takes the flow lock
(`select_for_update` on the case row) and re-reads the task, so two people acting on the same task
at once cannot both succeed. A change's `audit` callback (the view's access record) runs under the
same lock, after the change: one transaction, begun by the lock (no savepoint inside another).
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.fsm import TransitionNotAllowed
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.status import PROCESS, STATUS
from wagtail.log_actions import log

from forms_builder.models import VersionStatus
from forms_builder.runtime.dynamic_form import form_for
from forms_builder.services import answer_set_create
from forms_builder.stored_files import answer_files_removed_on_failure
from partners.models import Partner
from workflows.due import client_came_back, task_assigned, task_due_cancel
from workflows.errors import (
    FormInvalid,
    ProcessNotPublished,
    TaskAlreadyDone,
    TaskBusy,
    TaskNotAvailable,
    WorkflowError,
)
from workflows.models import (
    Case,
    CaseEventKind,
    CaseSource,
    CaseTask,
    Client,
    ProcessVersion,
    TaskStage,
)
from workflows.models.definitions import ProcessDefinition
from workflows.routing import transition_select
from workflows.selectors.access import user_can_work_task, user_is_supervisor_of
from workflows.selectors.cases import case_answers
from workflows.selectors.graph import running_outgoing, running_step
from workflows.services.events import case_event_record, user_display_name
from workflows.services.followups import follow_ups_cancel_for_outcome
from workflows.services.retention import client_retention_plan
from workflows.services.task_counts import task_counts_batch

OPEN = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
#: Called with the task under the flow lock, after the change (the view's access record).
Audit = Callable[[CaseTask], object] | None


def process_version_current(*, definition: ProcessDefinition) -> ProcessVersion:
    """The newest published version: new cases start on it."""
    version = definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    if version is None:
        raise ProcessNotPublished()
    return version


def case_start(
    *,
    partner: Partner,
    client: Client,
    definition: ProcessDefinition | None = None,
    version: ProcessVersion | None = None,
    source: str = CaseSource.CASEWORKER,
    urgent: bool = False,
    user=None,
    step=None,
) -> Case:
    """Open a case for a client at a partner on a process; its first task lands in the queue.
    An imported case may start on another `step` of the version: its task lands in that step's
    queue, or, on an end step, the case ends at once (`workflows.services.case_imports`)."""
    from workflows.flows import CaseFlow

    if version is None:
        version = process_version_current(definition=definition)
    if not version.is_published:
        raise ProcessNotPublished()
    if step is not None and step.version_id != version.pk:
        raise WorkflowError(_("This step belongs to another process version."))
    owner = version.definition.partner_id
    if owner is not None and owner != partner.pk:
        raise WorkflowError(_("This process belongs to another partner."))
    with transaction.atomic(), task_counts_batch():
        case = CaseFlow.start.run(
            partner=partner,
            client=client,
            process_version=version,
            source=source,
            urgent=urgent,
            opened_by=user,
            step=step,
        )
        if source not in (CaseSource.FOLLOW_UP, CaseSource.IMPORT):
            client_came_back(case)
        return case


class _TaskAction:
    """Runs one change on a task under the flow lock, turning engine errors into worker messages."""

    def __init__(self, task: CaseTask):
        self.task = task

    def __enter__(self):
        try:
            self._context = self.task.activation()
            self.activation = self._context.__enter__()
        except FlowLockFailed as error:
            raise TaskBusy() from error
        self._counts = task_counts_batch()
        self._counts.__enter__()
        return self.activation

    def __exit__(self, exc_type, exc, tb):
        try:
            # The counters' moves are written here, still inside the flow lock's transaction.
            self._counts.__exit__(exc_type, exc, tb)
        except BaseException as error:
            if exc is None:
                return self._context.__exit__(type(error), error, error.__traceback__)
            raise
        if isinstance(exc, TransitionNotAllowed):
            self._context.__exit__(exc_type, exc, tb)
            raise TaskAlreadyDone() from exc
        return self._context.__exit__(exc_type, exc, tb)


def _audited(task: CaseTask, audit: Audit) -> None:
    if audit is not None:
        audit(task)


def _require_open(task: CaseTask) -> None:
    if task.status == STATUS.DONE:
        raise TaskAlreadyDone()
    if task.status not in OPEN:
        raise TaskNotAvailable()


def task_claim(*, task: CaseTask, user, audit: Audit = None) -> CaseTask:
    """Take a task from the partner's queue into one's inbox."""
    with _TaskAction(task) as activation:
        task = activation.task
        _require_open(task)
        if task.status != STATUS.NEW:
            raise TaskNotAvailable(_("Someone else has already claimed this task."))
        if not user_can_work_task(user, task):
            raise TaskNotAvailable()
        task.assigned = timezone.now()
        activation.assign(user)
        _audited(task, audit)
    return task


def task_release(*, task: CaseTask, user, audit: Audit = None) -> CaseTask:
    """Put a claimed task back in the queue (its holder, or a supervisor of the partner)."""
    with _TaskAction(task) as activation:
        task = activation.task
        _require_open(task)
        if task.owner_id != user.pk and not user_is_supervisor_of(user, task.partner_id):
            raise TaskNotAvailable()
        if task.status != STATUS.ASSIGNED:
            raise TaskNotAvailable()
        task.assigned = None
        activation.unassign()
        _audited(task, audit)
    return task


def task_assign(*, task: CaseTask, user, assignee, audit: Audit = None) -> CaseTask:
    """A supervisor gives a task to a worker of the partner who holds the task's role."""
    with _TaskAction(task) as activation:
        task = activation.task
        _require_open(task)
        if not user_is_supervisor_of(user, task.partner_id):
            raise TaskNotAvailable()
        if not user_can_work_task(assignee, task):
            raise WorkflowError(_("That person does not hold this task's role at this partner."))
        previous = task.owner
        task.assigned = timezone.now()
        if task.status == STATUS.NEW:
            activation.assign(assignee)
        elif task.status == STATUS.ASSIGNED:
            activation.reassign(assignee)
        else:
            raise TaskNotAvailable()
        case_event_record(
            case=task.process,
            task=task,
            kind=CaseEventKind.REASSIGNED,
            user=user,
            details={
                "step": task.step.name if task.step_id else "",
                "from_user": user_display_name(previous) if previous else "",
                "to_user": user_display_name(assignee),
            },
        )
        task_assigned(task, by=user)
        _audited(task, audit)
    return task


def _check_can_complete(task: CaseTask, user) -> None:
    _require_open(task)
    if task.owner_id != user.pk or task.status != STATUS.ASSIGNED:
        raise TaskNotAvailable(_("Claim this task before completing it."))
    if not user_can_work_task(user, task):
        raise TaskNotAvailable()


def task_complete(*, task: CaseTask, user, data, files=None, audit: Audit = None) -> CaseTask:
    """Fill in a step's form: validate, store the answers, take the decision, move the case on.

    All in one transaction; if no transition fits the answers, nothing is saved.
    """
    if task.stage != TaskStage.FILL:
        raise TaskNotAvailable()
    _check_can_complete(task, user)
    form = form_for(version=task.step.form_version, data=data, files=files)
    if not form.is_valid():
        raise FormInvalid(form)
    with answer_files_removed_on_failure(), _TaskAction(task) as activation:
        task = activation.task
        task.step = running_step(task.step_id)  # kept: a running version never changes
        _check_can_complete(task, user)
        answer_set = answer_set_create(version=task.step.form_version, form=form, user=user)
        transitions = running_outgoing(task.step_id)
        answers = answer_set.data
        if any(not transition.is_default for transition in transitions):
            # A condition may read an earlier step's answers (only defaults: none is read).
            answers = {**case_answers(case=task.process), **answers}
        task.decision = transition_select(step=task.step, answers=answers, transitions=transitions)
        task.answer_set = answer_set
        activation.start(None)
        activation.execute()  # saves the whole task (answers, decision, times) as it finishes
        task_due_cancel(task)
        _audited(task, audit)
    return task


def task_complete_acting(*, task: CaseTask, user, act) -> CaseTask:
    """Complete a step without a form (a referral step): `act(task)` does the step's work under
    the flow lock, then the case goes on by its decisions over the answers given so far. If `act`
    refuses, nothing changes."""
    if task.stage != TaskStage.FILL:
        raise TaskNotAvailable()
    _check_can_complete(task, user)
    with _TaskAction(task) as activation:
        task = activation.task
        _check_can_complete(task, user)
        act(task)
        task.decision = transition_select(step=task.step, answers=case_answers(case=task.process))
        activation.start(None)
        task.save(update_fields=["decision", "started"])
        activation.execute()
        task_due_cancel(task)
    return task


def task_approve(
    *, task: CaseTask, user, approved: bool, comment: str = "", audit: Audit = None
) -> CaseTask:
    """A supervisor approves the step's answers (the case moves on) or returns them to be redone."""
    if task.stage != TaskStage.APPROVE:
        raise TaskNotAvailable()
    _check_can_complete(task, user)
    with _TaskAction(task) as activation:
        task = activation.task
        _check_can_complete(task, user)
        task.approved = approved
        task.comment = comment
        activation.start(None)
        activation.execute()  # saves the whole task (approval, comment, times) as it finishes
        task_due_cancel(task)
        _audited(task, audit)
    return task


CASE_CLOSE_ACTION = "workflows.case.close"


def case_close(*, case: Case, user, outcome: str, data: dict | None = None) -> Case:
    """End an open case early with an outcome (e.g. a duplicate report): its open tasks are
    cancelled under the flow lock, the case is finished, and the audit log says who did it."""
    from workflows.flows import CaseFlow

    try:
        with CaseFlow.lock(case.pk), transaction.atomic(), task_counts_batch():
            case = Case.objects.get(pk=case.pk)
            if case.status in (PROCESS.DONE, PROCESS.CANCELED):
                raise WorkflowError(_("This case is already closed."))
            for task in case.task_set.filter(status__in=(STATUS.NEW, STATUS.ASSIGNED)):
                task.flow_task.activation_class(task).cancel()
                task_due_cancel(task)
            case.status = PROCESS.DONE
            case.finished = timezone.now()
            case.outcome = outcome
            case.save(update_fields=["status", "finished", "outcome"])
            follow_ups_cancel_for_outcome(case=case, outcome=outcome)
            client_retention_plan(case=case)
            log(
                instance=case,
                action=CASE_CLOSE_ACTION,
                user=user,
                title=case.reference,
                data={"outcome": outcome, **(data or {})},
            )
    except FlowLockFailed as error:
        raise TaskBusy() from error
    return case


__all__ = [
    "case_close",
    "case_start",
    "process_version_current",
    "task_approve",
    "task_assign",
    "task_claim",
    "task_complete",
    "task_release",
]
