"""Referrals between partners: send, accept, decline, withdraw, and expire when nobody answered.

Each status change locks the referral row and is checked against `REFERRAL_TRANSITIONS`, so of
two people acting at once exactly one wins. Each is a `CaseEvent` on the sending case, and the
other side is told. Sensitive (PDPA §26) answers travel only with explicit consent or a legal
basis that allows them; the others chosen are recorded as withheld.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from viewflow.workflow.status import PROCESS

from forms_builder.display import answer_display
from notifications.kinds import in_each_language, notification_kind
from notifications.services import notification_send
from partners.models import Partner, Role
from partners.selectors import user_has_role
from scheduling.calendar import working_days_add
from scheduling.registry import due_kind
from scheduling.services import due_item_cancel, due_item_schedule
from workflows.due import partner_member_ids
from workflows.errors import WorkflowError
from workflows.models import (
    REFERRAL_TRANSITIONS,
    Case,
    CaseEventKind,
    CaseSource,
    DeclineReason,
    LegalBasis,
    ProcessDefinition,
    Referral,
    ReferralBasis,
    ReferralStatus,
    ReferralTodo,
    ReferralTodoKind,
    ReferralUrgency,
)
from workflows.selectors.definitions import definitions_startable
from workflows.selectors.referrals import (
    REFERRAL_ROLES,
    case_shareable_answers,
    refer_step_partners,
    user_is_receiver,
    user_is_sender,
)
from workflows.services.events import case_event_record

REFERRAL_RECEIVED = notification_kind(
    "referral_received",
    label=gettext_lazy("A referral came to my partner"),
    text=gettext_lazy("%(partner)s referred %(client)s to you; please answer by %(due)s."),
)
REFERRAL_ACCEPTED = notification_kind(
    "referral_accepted",
    label=gettext_lazy("A referral we sent was accepted"),
    text=gettext_lazy("%(partner)s accepted the referral of %(client)s."),
)
REFERRAL_DECLINED = notification_kind(
    "referral_declined",
    label=gettext_lazy("A referral we sent was declined or expired"),
    text=gettext_lazy(
        "%(partner)s did not take the referral of %(client)s (%(reason)s): decide what next."
    ),
)
REFERRAL_WITHDRAWN = notification_kind(
    "referral_withdrawn",
    label=gettext_lazy("A referral to my partner was withdrawn or expired"),
    text=gettext_lazy("The referral of %(client)s from %(partner)s is closed: %(reason)s."),
)
#: The local hour, the day after the answer was due, when an unanswered referral expires.
EXPIRE_HOUR = 0


def referral_answer_due_default(*, partner: Partner | None = None) -> dt.date:
    """The default date for an answer: the receiving partner's working days to answer, else
    REFERRAL_ANSWER_DAYS, from now."""
    days = (partner and partner.referral_answer_days) or settings.REFERRAL_ANSWER_DAYS
    return working_days_add(timezone.localtime(), days).date()


def sensitive_allowed(*, basis: str, consent_sensitive: bool, legal_basis) -> bool:
    if basis == ReferralBasis.CONSENT:
        return consent_sensitive
    return bool(legal_basis and legal_basis.allows_sensitive)


def require(condition: bool, message: str) -> None:
    if not condition:
        raise WorkflowError(message)


def basis_check(
    *, basis, consent_given_by, consent_given_on, consent_until, legal_basis, today
) -> None:
    if basis == ReferralBasis.CONSENT:
        require(bool(consent_given_by.strip()), _("Say who gave consent."))
        require(
            consent_given_on is not None and consent_given_on <= today,
            _("Give the date the consent was given (today or earlier)."),
        )
        require(
            consent_until is None or consent_until >= today,
            _("This consent has already ended."),
        )
    elif basis == ReferralBasis.LEGAL:
        require(
            legal_basis is not None and legal_basis.is_active,
            _("Choose the legal basis for sharing."),
        )
    else:
        raise WorkflowError(_("Record the basis for sharing the person's data."))


def snapshot(answers, *, sensitive_allowed: bool) -> tuple[list[dict], list[dict]]:
    shared, withheld = [], []
    for answer in answers:
        field = answer.field
        row = {"key": answer.key, "label_th": field.label_th, "label_en": field.label_en}
        if answer.sensitive and not sensitive_allowed:
            withheld.append(row)
            continue
        display = in_each_language(lambda f=field, v=answer.value: answer_display(f, v))
        shared.append(
            {**row, "value": answer.value, "display_th": display["th"], "display_en": display["en"]}
        )
    return shared, withheld


def _expire_at(due_on: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(due_on + dt.timedelta(days=1), dt.time()))


def _case_link(case: Case) -> str:
    return reverse("workflows_admin:case", args=[case.pk])


def _referral_link(referral: Referral) -> str:
    return reverse("workflows_admin:referral", args=[referral.pk])


def _tell_sender(referral: Referral, kind, **params) -> None:
    recipients = partner_member_ids(referral.sending_partner_id, [Role.SUPERVISOR])
    if referral.sent_by_id:
        recipients.append(referral.sent_by_id)
    notification_send(
        recipients=recipients,
        kind=kind.name,
        partner=referral.sending_partner,
        params={
            "partner": in_each_language(lambda: referral.receiving_partner.name),
            "client": referral.client.display_name,
            **params,
        },
        link=_case_link(referral.sending_case),
    )


def _tell_receiver(referral: Referral, kind, **params) -> None:
    notification_send(
        recipients=partner_member_ids(referral.receiving_partner_id, REFERRAL_ROLES),
        kind=kind.name,
        partner=referral.receiving_partner,
        params={
            "partner": in_each_language(lambda: referral.sending_partner.name),
            "client": referral.client.display_name,
            **params,
        },
        link=_referral_link(referral),
    )


def _record(referral: Referral, kind: str, user, **details) -> None:
    case_event_record(
        case=referral.sending_case,
        kind=kind,
        user=user,
        details={"partner": referral.receiving_partner.name_th, "referral": referral.pk, **details},
    )


@transaction.atomic
def referral_send(
    *,
    case: Case,
    user,
    receiving_partner: Partner,
    reason: str,
    field_keys: list[str],
    basis: str,
    urgency: str = ReferralUrgency.NORMAL,
    answer_due_on: dt.date | None = None,
    consent_given_by: str = "",
    consent_given_on: dt.date | None = None,
    consent_scope: str = "",
    consent_sensitive: bool = False,
    consent_until: dt.date | None = None,
    consent_photo=None,
    legal_basis: LegalBasis | None = None,
    note: str = "",
) -> Referral:
    """Refer the case's client to another partner with the chosen answers and the basis."""
    from thai.dates import format_thai_date

    today = timezone.localdate()
    require(
        user_has_role(user, REFERRAL_ROLES, partner=case.partner),
        _("Only the case partner's caseworkers and supervisors can refer its cases."),
    )
    case = Case.objects.select_for_update().select_related("client").get(pk=case.pk)
    require(case.status not in (PROCESS.DONE, PROCESS.CANCELED), _("This case is closed."))
    require(
        receiving_partner.is_active and receiving_partner.pk != case.partner_id,
        _("Choose another active partner of the network."),
    )
    reason = (reason or "").strip()
    require(bool(reason), _("Say why the person is referred."))
    require(urgency in ReferralUrgency.values, _("Choose how urgent it is."))
    basis_check(
        basis=basis,
        consent_given_by=consent_given_by,
        consent_given_on=consent_given_on,
        consent_until=consent_until,
        legal_basis=legal_basis,
        today=today,
    )
    answer_due_on = answer_due_on or referral_answer_due_default(partner=receiving_partner)
    require(answer_due_on >= today, _("Choose today or a later date for the answer."))
    available = {a.key: a for a in case_shareable_answers(case=case)}
    unknown = set(field_keys) - set(available)
    require(not unknown, _("Choose the answers to share from this case's answers."))
    require(
        not Referral.objects.filter(
            sending_case=case, receiving_partner=receiving_partner, status=ReferralStatus.PENDING
        ).exists(),
        _("This case already has a referral to that partner waiting for an answer."),
    )
    shared, withheld = snapshot(
        [a for key, a in available.items() if key in set(field_keys)],
        sensitive_allowed=sensitive_allowed(
            basis=basis, consent_sensitive=consent_sensitive, legal_basis=legal_basis
        ),
    )
    consent = basis == ReferralBasis.CONSENT
    referral = Referral.objects.create(
        sending_case=case,
        sending_partner=case.partner,
        receiving_partner=receiving_partner,
        client=case.client,
        reason=reason,
        urgency=urgency,
        answer_due_on=answer_due_on,
        shared_answers=shared,
        withheld=withheld,
        basis=basis,
        consent_given_by=consent_given_by.strip() if consent else "",
        consent_given_on=consent_given_on if consent else None,
        consent_scope=consent_scope.strip() if consent else "",
        consent_sensitive=consent_sensitive if consent else False,
        consent_until=consent_until if consent else None,
        legal_basis=None if consent else legal_basis,
        note=(note or "").strip(),
        sent_by=user,
    )
    if consent and consent_photo:
        referral.consent_photo.save(consent_photo.name, consent_photo, save=True)
    due_item_schedule(
        kind="referral_expire",
        key=f"referral_expire:{referral.pk}",
        due_at=_expire_at(answer_due_on),
        target=referral,
    )
    _record(referral, CaseEventKind.REFERRAL_SENT, user)
    _tell_receiver(
        referral,
        REFERRAL_RECEIVED,
        due=in_each_language(lambda: format_thai_date(answer_due_on)),
    )
    return referral


def referral_step_send(*, task, user, receiving_partner: Partner, **details) -> Referral:
    """A referral step's task: send the referral (as `referral_send`, with the answers the step
    says travel) to one of the partners the step allows, and complete the task; all or nothing."""
    from workflows.services.cases import task_complete_acting
    from workflows.step_kinds.refer import KIND, refer_step_fields

    step = task.step
    require(step is not None and step.kind == KIND, _("This step does not refer."))
    require(
        refer_step_partners(step=step, case_partner_id=task.partner_id)
        .filter(pk=receiving_partner.pk)
        .exists(),
        _("Choose one of the partners this step refers to."),
    )
    sent: list[Referral] = []

    def act(locked) -> None:
        available = {a.key for a in case_shareable_answers(case=locked.process)}
        keys = [key for key in refer_step_fields(step) if key in available]
        sent.append(
            referral_send(
                case=locked.process,
                user=user,
                receiving_partner=receiving_partner,
                field_keys=keys,
                **details,
            )
        )

    task_complete_acting(task=task, user=user, act=act)
    return sent[0]


def _locked_for(referral: Referral, to: str) -> Referral:
    """The referral row locked, if it may still become `to`; else a message that says why not."""
    locked = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("sending_case", "sending_partner", "receiving_partner", "client")
        .get(pk=referral.pk)
    )
    if to not in REFERRAL_TRANSITIONS.get(locked.status, frozenset()):
        raise WorkflowError(
            _("This referral is no longer waiting for an answer (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    return locked


def _answered(referral: Referral, status: str, user, **fields) -> Referral:
    referral.status = status
    referral.answered_by = user
    referral.answered_at = timezone.now()
    for name, value in fields.items():
        setattr(referral, name, value)
    referral.save(
        update_fields=["status", "answered_by", "answered_at", *fields],
    )
    due_item_cancel(key=f"referral_expire:{referral.pk}")
    return referral


@transaction.atomic
def referral_accept(*, referral: Referral, user, definition: ProcessDefinition) -> Referral:
    """The receiver takes the person: a case for the same client on one of its processes, whose
    first form is pre-filled with the shared answers."""
    from workflows.services.cases import case_start

    require(
        user_is_receiver(user, referral),
        _("Only the receiving partner's caseworkers and supervisors can answer."),
    )
    referral = _locked_for(referral, ReferralStatus.ACCEPTED)
    partner = referral.receiving_partner
    require(
        definitions_startable([partner.pk]).filter(pk=definition.pk).exists(),
        _("Choose one of your partner's published processes."),
    )
    case = case_start(
        partner=partner,
        client=referral.client,
        definition=definition,
        source=CaseSource.REFERRAL,
        urgent=referral.urgency != ReferralUrgency.NORMAL,
        user=user,
    )
    _answered(referral, ReferralStatus.ACCEPTED, user, received_case=case)
    _record(referral, CaseEventKind.REFERRAL_ACCEPTED, user, received_case=case.reference)
    _tell_sender(referral, REFERRAL_ACCEPTED)
    return referral


@transaction.atomic
def referral_decline(*, referral: Referral, user, reason: str, note: str = "") -> Referral:
    require(
        user_is_receiver(user, referral),
        _("Only the receiving partner's caseworkers and supervisors can answer."),
    )
    require(reason in DeclineReason.values, _("Choose a reason for declining."))
    note = (note or "").strip()
    require(reason != DeclineReason.OTHER or bool(note), _("Say why in the note."))
    referral = _locked_for(referral, ReferralStatus.DECLINED)
    _answered(referral, ReferralStatus.DECLINED, user, decline_reason=reason, answer_note=note)
    referral_todo_open(referral=referral, kind=ReferralTodoKind.DECIDE_NEXT)
    label = DeclineReason(reason).label
    _record(referral, CaseEventKind.REFERRAL_DECLINED, user, reason=str(label), note=note)
    _tell_sender(referral, REFERRAL_DECLINED, reason=in_each_language(lambda: str(label)))
    return referral


@transaction.atomic
def referral_withdraw(*, referral: Referral, user, note: str = "") -> Referral:
    """The sender takes a pending referral back."""
    require(
        user_is_sender(user, referral),
        _("Only the sending partner's caseworkers and supervisors can withdraw it."),
    )
    referral = _locked_for(referral, ReferralStatus.WITHDRAWN)
    _answered(referral, ReferralStatus.WITHDRAWN, user, answer_note=(note or "").strip())
    _record(referral, CaseEventKind.REFERRAL_WITHDRAWN, user)
    _tell_receiver(
        referral,
        REFERRAL_WITHDRAWN,
        reason=in_each_language(lambda: str(ReferralStatus.WITHDRAWN.label)),
    )
    return referral


def referral_todo_open(*, referral: Referral, kind: str) -> ReferralTodo:
    """Give the sending case something to do because of the referral (one open of each kind)."""
    todo, _created = ReferralTodo.objects.get_or_create(
        referral=referral,
        kind=kind,
        done_at=None,
        defaults={"case": referral.sending_case, "partner": referral.sending_partner},
    )
    return todo


@transaction.atomic
def referral_todo_done(*, todo: ReferralTodo, user, note: str = "") -> ReferralTodo:
    """A caseworker or supervisor of the sending partner marks the to-do done, with a note."""
    require(
        user_has_role(user, REFERRAL_ROLES, partner=todo.partner),
        _("Only the case partner's caseworkers and supervisors can do this."),
    )
    todo = ReferralTodo.objects.select_for_update().get(pk=todo.pk)
    require(todo.is_open, _("This is already done."))
    todo.done_at = timezone.now()
    todo.done_by = user
    todo.note = (note or "").strip()
    todo.save(update_fields=["done_at", "done_by", "note"])
    case_event_record(
        case=todo.case,
        kind=CaseEventKind.REFERRAL_TODO_DONE,
        user=user,
        details={"todo_kind": todo.kind, "note": todo.note},
    )
    return todo


@due_kind("referral_expire")
def referral_expire(item) -> None:
    """No answer by the due date: the referral expires and both sides are told."""
    referral = Referral.objects.filter(pk=item.object_id).first()
    if referral is None:
        return
    try:
        referral = _locked_for(referral, ReferralStatus.EXPIRED)
    except WorkflowError:
        return  # answered meanwhile
    _answered(referral, ReferralStatus.EXPIRED, None)
    referral_todo_open(referral=referral, kind=ReferralTodoKind.DECIDE_NEXT)
    _record(referral, CaseEventKind.REFERRAL_EXPIRED, None)
    reason = in_each_language(lambda: str(ReferralStatus.EXPIRED.label))
    _tell_sender(referral, REFERRAL_DECLINED, reason=reason)
    _tell_receiver(referral, REFERRAL_WITHDRAWN, reason=reason)


__all__ = [
    "referral_accept",
    "referral_answer_due_default",
    "referral_decline",
    "referral_expire",
    "referral_send",
    "referral_step_send",
    "referral_todo_done",
    "referral_todo_open",
    "referral_withdraw",
]
