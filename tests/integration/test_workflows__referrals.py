"""Referrals between partners: sending with a basis, what travels (never a §26 answer without the
right basis), accepting into a pre-filled case, declining, withdrawing, expiring, isolation."""

import datetime as dt

import pytest
from django.utils import timezone
from viewflow.workflow.status import STATUS

from notifications.models import Notification
from partners.models import Role
from scheduling.models import DueItem, DueState
from scheduling.services import run_scheduler
from tests.factories import PartnerFactory, member
from tests.factories_referrals import (
    case_with_answers,
    consent,
    intake_process,
    one_step_process,
    send,
)
from workflows.errors import WorkflowError
from workflows.models import (
    CaseEvent,
    CaseEventKind,
    CaseSource,
    CaseTask,
    DeclineReason,
    LegalBasis,
    Referral,
    ReferralBasis,
    ReferralStatus,
)
from workflows.selectors.clients import clients_visible_to
from workflows.selectors.prefill import task_form_initial
from workflows.selectors.referrals import (
    case_shareable_answers,
    referrals_pending_count,
    referrals_received,
    referrals_visible_to,
)
from workflows.services.referrals import (
    referral_accept,
    referral_decline,
    referral_send,
    referral_withdraw,
)


@pytest.fixture
def sender(partner):
    return member(Role.CASEWORKER, partner=partner)


@pytest.fixture
def receiver(other_partner):
    return member(Role.CASEWORKER, partner=other_partner)


@pytest.fixture
def case(partner, sender):
    return case_with_answers(partner, sender)


def shared_keys(referral):
    return [row["key"] for row in referral.shared_answers]


def test_the_case_offers_its_answers_with_their_questions(case):
    answers = {a.key: a for a in case_shareable_answers(case=case)}
    assert list(answers) == ["nationality", "age", "health", "story"]
    assert answers["health"].sensitive and not answers["age"].sensitive
    assert answers["nationality"].field.label_th == "สัญชาติ"


def test_sending_records_the_snapshot_the_event_the_timer_and_tells_the_receiver(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner, keys=("nationality", "age", "story"))
    assert referral.status == ReferralStatus.PENDING
    assert referral.client_id == case.client_id and referral.sending_partner_id == case.partner_id
    assert shared_keys(referral) == ["nationality", "age", "story"]
    nationality = referral.shared_answers[0]
    assert nationality["display_th"] == "ไทย" and nationality["display_en"] == "Thai"
    assert referral.answer_due_on > timezone.localdate()
    event = CaseEvent.objects.get(case=case, kind=CaseEventKind.REFERRAL_SENT)
    assert other_partner.name_th in event.text
    item = DueItem.objects.get(kind="referral_expire", state=DueState.PENDING)
    assert item.object_id == referral.pk
    notice = Notification.objects.get(recipient=receiver, kind="referral_received")
    assert case.client.display_name in notice.text
    assert not Notification.objects.filter(recipient=sender, kind="referral_received").exists()


def test_a_sensitive_answer_is_withheld_without_explicit_consent(case, sender, other_partner):
    referral = send(case, sender, other_partner)
    assert shared_keys(referral) == ["age", "story"]
    assert [row["key"] for row in referral.withheld] == ["health"]
    assert "เบาหวาน" not in str(referral.shared_answers)


def test_explicit_consent_lets_a_sensitive_answer_travel(case, sender, other_partner):
    referral = send(case, sender, other_partner, **consent(consent_sensitive=True))
    assert shared_keys(referral) == ["age", "health", "story"] and referral.withheld == []


@pytest.mark.parametrize(
    ("key", "travels"),
    [
        ("vital_interest", True),
        ("child_in_danger", True),
        ("destitute_persons_act", False),
        ("begging_control_act", False),
    ],
)
def test_a_legal_basis_carries_sensitive_answers_only_when_it_allows_them(
    case, sender, other_partner, key, travels
):
    basis = LegalBasis.objects.get(key=key)
    referral = send(
        case, sender, other_partner, basis=ReferralBasis.LEGAL, legal_basis=basis, note="เร่งด่วน"
    )
    assert ("health" in shared_keys(referral)) is travels
    assert referral.consent_given_by == "" and referral.legal_basis == basis


@pytest.mark.parametrize(
    "basis",
    [
        {"basis": ""},
        consent(consent_given_by=" "),
        consent(consent_given_on=None),
        consent(consent_given_on=timezone.localdate() + dt.timedelta(days=1)),
        consent(consent_until=timezone.localdate() - dt.timedelta(days=1)),
        {"basis": ReferralBasis.LEGAL, "legal_basis": None},
    ],
)
def test_nothing_leaves_without_a_valid_basis(case, sender, other_partner, basis):
    with pytest.raises(WorkflowError):
        send(case, sender, other_partner, **basis)
    assert not Referral.objects.exists()
    assert not Notification.objects.filter(kind="referral_received").exists()


def test_bad_requests_are_refused_and_change_nothing(case, sender, partner, other_partner):
    with pytest.raises(WorkflowError):
        send(case, sender, other_partner, keys=("age", "typed_in"))
    with pytest.raises(WorkflowError):
        send(case, sender, partner)
    with pytest.raises(WorkflowError):
        send(case, member(Role.CASEWORKER, partner=other_partner), PartnerFactory())
    with pytest.raises(WorkflowError):
        send(case, member(Role.COMMUNICATIONS, partner=partner), other_partner)
    with pytest.raises(WorkflowError):
        referral_send(
            case=case,
            user=sender,
            receiving_partner=other_partner,
            reason=" ",
            field_keys=[],
            **consent(),
        )
    send(case, sender, other_partner)
    with pytest.raises(WorkflowError):  # one waiting referral to the same partner at a time
        send(case, sender, other_partner)
    assert Referral.objects.count() == 1


def test_accepting_starts_a_prefilled_case_for_the_same_client_and_tells_the_sender(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    assert not clients_visible_to(receiver).filter(pk=case.client_id).exists()
    referral = referral_accept(
        referral=referral, user=receiver, definition=intake_process(other_partner)
    )
    assert referral.status == ReferralStatus.ACCEPTED and referral.answered_by == receiver
    received = referral.received_case
    assert received.partner_id == other_partner.pk and received.client_id == case.client_id
    assert received.source == CaseSource.REFERRAL
    task = CaseTask.objects.get(process=received, status=STATUS.NEW)
    initial = task_form_initial(task=task)
    assert str(initial["age"]) == "67"
    assert not initial.get("health")  # withheld: it never travelled
    assert clients_visible_to(receiver).filter(pk=case.client_id).exists()
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.REFERRAL_ACCEPTED).exists()
    assert Notification.objects.filter(recipient=sender, kind="referral_accepted").exists()
    assert DueItem.objects.get(kind="referral_expire").state == DueState.CANCELLED


def test_the_receiver_accepts_only_into_its_own_or_the_networks_processes(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    third = PartnerFactory()
    with pytest.raises(WorkflowError):
        referral_accept(
            referral=referral,
            user=receiver,
            definition=one_step_process(
                third, "theirs", [{"key": "x", "field_type": "short_text"}]
            ),
        )
    with pytest.raises(WorkflowError):  # the sender cannot answer its own referral
        referral_accept(referral=referral, user=sender, definition=intake_process(other_partner))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PENDING and referral.received_case is None


def test_declining_needs_a_reason_from_the_list_and_tells_the_sender_to_decide(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    with pytest.raises(WorkflowError):
        referral_decline(referral=referral, user=receiver, reason="because")
    with pytest.raises(WorkflowError):
        referral_decline(referral=referral, user=receiver, reason=DeclineReason.OTHER)
    referral = referral_decline(
        referral=referral, user=receiver, reason=DeclineReason.NO_CAPACITY, note="เตียงเต็ม"
    )
    assert referral.status == ReferralStatus.DECLINED and referral.answer_note == "เตียงเต็ม"
    notice = Notification.objects.get(recipient=sender, kind="referral_declined")
    assert str(case.pk) in notice.link
    event = CaseEvent.objects.get(case=case, kind=CaseEventKind.REFERRAL_DECLINED)
    assert event.details["note"] == "เตียงเต็ม"


def test_the_sender_withdraws_a_pending_referral_and_then_nobody_can_answer_it(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    with pytest.raises(WorkflowError):
        referral_withdraw(referral=referral, user=receiver)
    referral_withdraw(referral=referral, user=sender)
    assert Notification.objects.filter(recipient=receiver, kind="referral_withdrawn").exists()
    with pytest.raises(WorkflowError):
        referral_accept(referral=referral, user=receiver, definition=intake_process(other_partner))
    with pytest.raises(WorkflowError):
        referral_decline(referral=referral, user=receiver, reason=DeclineReason.NOT_ELIGIBLE)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN and referral.received_case is None


def test_no_answer_by_the_due_date_expires_it_and_both_sides_hear(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    due_end = timezone.make_aware(
        dt.datetime.combine(referral.answer_due_on + dt.timedelta(days=1), dt.time())
    )
    run_scheduler(now=due_end - dt.timedelta(minutes=1))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PENDING
    run_scheduler(now=due_end + dt.timedelta(minutes=1))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.EXPIRED
    assert Notification.objects.filter(recipient=sender, kind="referral_declined").exists()
    assert Notification.objects.filter(recipient=receiver, kind="referral_withdrawn").exists()
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.REFERRAL_EXPIRED).exists()
    with pytest.raises(WorkflowError):
        referral_accept(referral=referral, user=receiver, definition=intake_process(other_partner))


def test_a_third_partner_sees_nothing_and_the_queue_counts_only_the_receivers(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    stranger = member(Role.SUPERVISOR, partner=PartnerFactory())
    assert not referrals_visible_to(stranger).exists()
    assert not referrals_received(user=stranger).exists()
    assert referrals_pending_count(user=stranger) == 0
    assert referrals_pending_count(user=receiver) == 1
    assert referrals_pending_count(user=sender) == 0
    assert list(referrals_received(user=receiver)) == [referral]
    with pytest.raises(WorkflowError):
        referral_decline(referral=referral, user=stranger, reason=DeclineReason.NOT_OUR_AREA)


def test_the_answer_date_defaults_to_the_receivers_own_working_days(case, sender, other_partner):
    first = send(case, sender, other_partner)
    other_partner.referral_answer_days = 15
    other_partner.save(update_fields=["referral_answer_days"])
    second = send(case_with_answers(case.partner, sender), sender, other_partner)
    assert second.answer_due_on - first.answer_due_on >= dt.timedelta(days=10)
