"""Reads about referrals: what a case can share, who sees which referral, and what the sender may
know of the receiving case (its current step and outcome, never its answers)."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from viewflow.workflow.status import STATUS

from forms_builder.models import FieldDefinition, FieldType
from partners.menus import scalar_count
from partners.models import Partner, Role
from partners.selectors import partners_accepting_referrals, user_partner_ids
from workflows.models import CaseTask, Referral, ReferralStatus, ReferralTodo

#: Who works with referrals at a partner: the same people who work its cases.
REFERRAL_ROLES = (Role.SUPERVISOR, Role.CASEWORKER)
#: Answers that cannot travel as a snapshot (uploads stay in the sender's private storage).
NOT_SHAREABLE = (FieldType.FILE, FieldType.HEADING)


@dataclass(frozen=True)
class ShareableAnswer:
    key: str
    field: FieldDefinition
    value: Any

    @property
    def sensitive(self) -> bool:
        return self.field.sensitive


def case_shareable_answers(*, case) -> list[ShareableAnswer]:
    """The case's answers that may be chosen for a referral, each with its question (the newest
    form version's, when a key was answered more than once), in the order they were given."""
    rows = list(
        CaseTask.objects.filter(process=case, status=STATUS.DONE, answer_set__isnull=False)
        .order_by("finished", "pk")
        .values_list("answer_set__form_version_id", "answer_set__data")
    )
    fields = {
        (f.version_id, f.key): f
        for f in FieldDefinition.objects.filter(version_id__in={v for v, _ in rows}).exclude(
            field_type__in=NOT_SHAREABLE
        )
    }
    answers: dict[str, ShareableAnswer] = {}
    for version_id, data in rows:
        data = data or {}
        asked = sorted(
            (f for (v, key), f in fields.items() if v == version_id and key in data),
            key=lambda f: (f.sort_order, f.pk),
        )
        for field in asked:
            key, value = field.key, data[field.key]
            if value in (None, "", [], {}):
                continue
            answers.pop(key, None)
            answers[key] = ShareableAnswer(key=key, field=field, value=value)
    return list(answers.values())


def referral_partner_ids(user) -> set[int]:
    return user_partner_ids(user, REFERRAL_ROLES)


def referrals_visible_to(user) -> QuerySet[Referral]:
    """Referrals the user's partners sent or received."""
    ids = referral_partner_ids(user)
    return Referral.objects.filter(Q(sending_partner_id__in=ids) | Q(receiving_partner_id__in=ids))


def referrals_received(*, user, status: str | None = ReferralStatus.PENDING) -> QuerySet[Referral]:
    """The receiving partner's referral queue: what comes, from whom, how urgent, due when."""
    referrals = Referral.objects.filter(receiving_partner_id__in=referral_partner_ids(user))
    if status:
        referrals = referrals.filter(status=status)
    return referrals.select_related("sending_partner", "receiving_partner", "client").order_by(
        "answer_due_on", "sent_at", "pk"
    )


def _pending(ids) -> QuerySet[Referral]:
    return Referral.objects.filter(receiving_partner_id__in=ids, status=ReferralStatus.PENDING)


def referral_queue(*, user, answered: bool) -> QuerySet[Referral]:
    """The queue page's list: waiting for an answer (soonest due first), or answered (latest
    answer first)."""
    referrals = referrals_received(user=user, status=None)
    if answered:
        return referrals.exclude(status=ReferralStatus.PENDING).order_by("-answered_at", "-pk")
    return referrals.filter(status=ReferralStatus.PENDING)


def referrals_pending_count(*, user) -> int:
    ids = referral_partner_ids(user)
    return _pending(ids).count() if ids else 0


def referrals_pending_count_query(user) -> QuerySet | None:
    """The menu's number of referrals waiting for an answer, as one scalar subquery."""
    ids = referral_partner_ids(user)
    return scalar_count(_pending(ids)) if ids else None


@dataclass(frozen=True)
class ReferralCounts:
    sent: dict[str, int]
    received: dict[str, int]
    #: Average time from sending to an answer (accepted or declined) of referrals received.
    answer_wait: object | None

    @property
    def answer_wait_hours(self) -> int | None:
        """The average wait in whole hours, for waits shorter than a day."""
        if self.answer_wait is None or self.answer_wait.days:
            return None
        return self.answer_wait.seconds // 3600

    @property
    def rows(self) -> list[tuple[str, str, int, int]]:
        return [
            (value, label, self.sent.get(value, 0), self.received.get(value, 0))
            for value, label in ReferralStatus.choices
        ]


def _by_status(referrals) -> dict[str, int]:
    return dict(referrals.values("status").annotate(n=Count("pk")).values_list("status", "n"))


def referral_counts(*, user) -> ReferralCounts:
    """Referrals the user's partners sent and received, by status, and how long answers took."""
    ids = referral_partner_ids(user)
    received = Referral.objects.filter(receiving_partner_id__in=ids)
    wait = (
        received.filter(status__in=(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED))
        .annotate(
            wait=ExpressionWrapper(F("answered_at") - F("sent_at"), output_field=DurationField())
        )
        .aggregate(average=Avg("wait"))["average"]
    )
    return ReferralCounts(
        sent=_by_status(Referral.objects.filter(sending_partner_id__in=ids)),
        received=_by_status(received),
        answer_wait=wait,
    )


def referrals_of_case(*, case) -> list[Referral]:
    """A case's referrals as its sender sees them, with the receiving case's place and outcome."""
    return list(
        Referral.objects.filter(sending_case=case)
        .select_related("receiving_partner", "received_case__current_step", "legal_basis")
        .order_by("-sent_at", "-pk")
    )


def referral_todos_of_case(*, case) -> list[ReferralTodo]:
    """What the case's partner must still do because of its referrals."""
    return list(
        ReferralTodo.objects.filter(case=case, done_at=None)
        .select_related("referral__receiving_partner", "letter__organization")
        .order_by("created_at", "pk")
    )


def referral_todos_open(*, user) -> QuerySet[ReferralTodo]:
    """The open to-dos of the user's partners, oldest first, with their case and client."""
    return (
        ReferralTodo.objects.filter(partner_id__in=referral_partner_ids(user), done_at=None)
        .select_related("case__client", "referral__receiving_partner", "letter__organization")
        .order_by("created_at", "pk")
    )


def refer_step_partners(*, step, case_partner_id: int) -> QuerySet[Partner]:
    """The partners a referral step may send to: its fixed partner, or those accepting its kind
    (never the case's own partner)."""
    settings = step.settings or {}
    if settings.get("partner"):
        partners = Partner.objects.filter(code=settings["partner"], is_active=True)
    elif settings.get("kind"):
        partners = partners_accepting_referrals(settings["kind"])
    else:
        partners = Partner.objects.none()
    return partners.exclude(pk=case_partner_id).order_by("name_th")


def user_is_receiver(user, referral: Referral) -> bool:
    return referral.receiving_partner_id in referral_partner_ids(user)


def user_is_sender(user, referral: Referral) -> bool:
    return referral.sending_partner_id in referral_partner_ids(user)


__all__ = [
    "REFERRAL_ROLES",
    "ReferralCounts",
    "ShareableAnswer",
    "case_shareable_answers",
    "refer_step_partners",
    "referral_counts",
    "referral_partner_ids",
    "referrals_of_case",
    "referrals_pending_count",
    "referral_todos_of_case",
    "referral_todos_open",
    "referrals_received",
    "referrals_visible_to",
    "user_is_receiver",
    "user_is_sender",
]
