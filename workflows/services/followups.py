"""Planned follow-ups: planned by a "schedule follow-ups" step, added, moved or cancelled by a
caseworker with a reason, cancelled when the case ends with certain outcomes, and started (a new
case on the follow-up process, in the queue) some days before their date by the scheduler."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from notifications.kinds import in_each_language, notification_kind
from notifications.services import notification_send
from scheduling.registry import due_kind
from scheduling.services import due_item_cancel, due_item_schedule
from workflows.errors import WorkflowError
from workflows.models import Case, CaseSource, FollowUp, FollowUpState, OutcomeKey
from workflows.models.definitions import ProcessDefinition
from workflows.step_kinds.follow_ups import follow_up_processes

#: A case ending with one of these needs no more visits: its planned follow-ups are cancelled.
CANCELLING_OUTCOMES = (OutcomeKey.LOST_CONTACT, OutcomeKey.DECEASED, OutcomeKey.MOVED_AWAY)
#: The local hour a follow-up's task appears in the queue.
START_HOUR = 8

FOLLOW_UP_DUE = notification_kind(
    "follow_up_due",
    label=gettext_lazy("A follow-up is due"),
    text=gettext_lazy("A follow-up of %(client)s is due %(due)s: its task is in the queue."),
)


def _start_at(follow_up: FollowUp) -> dt.datetime:
    day = follow_up.due_on - dt.timedelta(days=follow_up.lead_days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(START_HOUR)))


def _plan(follow_up: FollowUp) -> None:
    due_item_schedule(
        kind="follow_up_start",
        key=f"follow_up:{follow_up.pk}",
        due_at=_start_at(follow_up),
        target=follow_up,
    )


def follow_ups_plan(*, case: Case, step) -> list[FollowUp]:
    """The step's follow-ups for the case, counted in months from today."""
    settings = step.settings or {}
    process = follow_up_processes(case.partner_id).filter(key=settings.get("process")).first()
    if process is None:
        return []
    today = timezone.localdate()
    planned = []
    for months in settings.get("months", []):
        follow_up = FollowUp.objects.create(
            case=case,
            process_definition=process,
            due_on=today + relativedelta(months=months),
            lead_days=settings.get("lead_days", 7),
        )
        _plan(follow_up)
        planned.append(follow_up)
    return planned


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("Say why."))
    return reason


def _require_future(due_on: dt.date) -> None:
    if due_on < timezone.localdate():
        raise WorkflowError(_("Choose today or a later date."))


def _locked_planned(follow_up: FollowUp) -> FollowUp:
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.state != FollowUpState.PLANNED:
        raise WorkflowError(_("This follow-up has started or was cancelled already."))
    return follow_up


@transaction.atomic
def follow_up_add(
    *,
    case: Case,
    user,
    due_on: dt.date,
    reason: str,
    process_definition: ProcessDefinition,
    lead_days: int = 7,
) -> FollowUp:
    reason = _require_reason(reason)
    _require_future(due_on)
    if not follow_up_processes(case.partner_id).filter(pk=process_definition.pk).exists():
        raise WorkflowError(_("Choose a follow-up process of this partner or the network."))
    follow_up = FollowUp.objects.create(
        case=case,
        process_definition=process_definition,
        due_on=due_on,
        lead_days=lead_days,
        reason=reason,
        changed_by=user,
    )
    _plan(follow_up)
    return follow_up


@transaction.atomic
def follow_up_move(*, follow_up: FollowUp, user, due_on: dt.date, reason: str) -> FollowUp:
    reason = _require_reason(reason)
    _require_future(due_on)
    follow_up = _locked_planned(follow_up)
    follow_up.due_on = due_on
    follow_up.reason = reason
    follow_up.changed_by = user
    follow_up.save(update_fields=["due_on", "reason", "changed_by"])
    _plan(follow_up)
    return follow_up


@transaction.atomic
def follow_up_cancel(*, follow_up: FollowUp, user, reason: str) -> FollowUp:
    reason = _require_reason(reason)
    follow_up = _locked_planned(follow_up)
    follow_up.state = FollowUpState.CANCELLED
    follow_up.reason = reason
    follow_up.changed_by = user
    follow_up.save(update_fields=["state", "reason", "changed_by"])
    due_item_cancel(key=f"follow_up:{follow_up.pk}")
    return follow_up


def follow_ups_cancel_for_outcome(*, case: Case, outcome: str) -> int:
    """A case ended with lost contact, death or a move away: its planned visits are cancelled,
    with the outcome as the reason."""
    if outcome not in CANCELLING_OUTCOMES:
        return 0
    from workflows.selectors.outcomes import outcome_label

    planned = list(
        FollowUp.objects.select_for_update().filter(case=case, state=FollowUpState.PLANNED)
    )
    for follow_up in planned:
        follow_up.state = FollowUpState.CANCELLED
        follow_up.reason = _("The case ended: %(outcome)s") % {"outcome": outcome_label(outcome)}
        follow_up.save(update_fields=["state", "reason"])
        due_item_cancel(key=f"follow_up:{follow_up.pk}")
    return len(planned)


@due_kind("follow_up_start")
def follow_up_start(item) -> None:
    """Its time has come: a new case on the follow-up process, whose first task is in the queue."""
    from thai.dates import format_thai_date
    from workflows.due import task_holders
    from workflows.models import CaseTask
    from workflows.services.cases import case_start

    follow_up = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("case__partner", "case__client", "process_definition")
        .filter(pk=item.object_id, state=FollowUpState.PLANNED)
        .first()
    )
    if follow_up is None:
        return
    case = follow_up.case
    started = case_start(
        partner=case.partner,
        client=case.client,
        definition=follow_up.process_definition,
        source=CaseSource.FOLLOW_UP,
    )
    follow_up.state = FollowUpState.STARTED
    follow_up.started_case = started
    follow_up.save(update_fields=["state", "started_case"])
    task = CaseTask.objects.filter(process=started, step__isnull=False).order_by("-pk").first()
    notification_send(
        recipients=task_holders(task) if task else [],
        kind=FOLLOW_UP_DUE.name,
        partner=case.partner,
        params={
            "client": case.client.display_name,
            "due": in_each_language(lambda: format_thai_date(follow_up.due_on)),
        },
        link=reverse("workflows_admin:task", args=[task.pk]) if task else "",
    )
