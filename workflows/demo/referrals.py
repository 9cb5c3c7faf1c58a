"""Demo referrals: each partner refers open cases to the next partner, one in every status
(waiting, accepted into the receiver's street process, declined, withdrawn, expired), through the
same services people use; the expired one is made due now and expires through its own handler."""

from django.utils import timezone
from django.utils.translation import gettext as _
from viewflow.workflow.status import STATUS

from partners.demo import demo_username
from partners.models import Partner, Role, User
from scheduling.services import due_item_act, due_item_schedule
from workflows.models import (
    Case,
    DeclineReason,
    ExternalOrganization,
    LegalBasis,
    LetterTemplate,
    ProcessDefinition,
    Referral,
    ReferralBasis,
    ReferralUrgency,
)
from workflows.selectors.referrals import case_shareable_answers
from workflows.services.letters import referral_letter_write
from workflows.services.referrals import (
    referral_accept,
    referral_decline,
    referral_send,
    referral_withdraw,
)

#: What happens to each demo referral a partner sends, in order.
PLAN = ("accepted", "declined", "withdrawn", "expired", "pending")


def _worker(partner: Partner) -> User | None:
    return User.objects.filter(username=demo_username(partner.code, Role.CASEWORKER)).first()


def _basis(index: int) -> dict:
    if index % 2 == 0:
        return {
            "basis": ReferralBasis.CONSENT,
            "consent_given_by": _("The client, in person"),
            "consent_given_on": timezone.localdate(),
            "consent_scope": _("This referral and the answers in it"),
        }
    return {
        "basis": ReferralBasis.LEGAL,
        "legal_basis": LegalBasis.objects.filter(key="destitute_persons_act").first(),
    }


def _send_from(partner: Partner, receiver: Partner, process_key: str) -> None:
    sender, answerer = _worker(partner), _worker(receiver)
    if sender is None or answerer is None:
        return
    cases = list(
        Case.objects.filter(partner=partner)
        .exclude(status__in=(STATUS.DONE, STATUS.CANCELED))
        .order_by("pk")
    )
    intake = ProcessDefinition.objects.filter(partner=receiver, key=process_key).first()
    if not cases or intake is None:
        return
    for index, plan in enumerate(PLAN):
        case = cases[index % len(cases)]
        keys = [a.key for a in case_shareable_answers(case=case)]
        referral = referral_send(
            case=case,
            user=sender,
            receiving_partner=receiver,
            reason=_("Needs shelter and care the receiving partner provides"),
            urgency=ReferralUrgency.URGENT if plan == "pending" else ReferralUrgency.NORMAL,
            field_keys=keys,
            **_basis(index),
        )
        if plan == "accepted":
            referral_accept(referral=referral, user=answerer, definition=intake)
        elif plan == "declined":
            referral_decline(
                referral=referral,
                user=answerer,
                reason=DeclineReason.NO_CAPACITY,
                note=_("No bed free this month"),
            )
        elif plan == "withdrawn":
            referral_withdraw(referral=referral, user=sender)
        elif plan == "expired":
            item = due_item_schedule(
                kind="referral_expire",
                key=f"referral_expire:{referral.pk}",
                due_at=timezone.now(),
                target=referral,
            )
            due_item_act(item_id=item.pk)


def _letter_from(partner: Partner) -> None:
    """One referral letter to the provincial hospital, on a legal basis (its to-do: arrival)."""
    worker = _worker(partner)
    organization = ExternalOrganization.objects.filter(key="chonburi_hospital").first()
    template = LetterTemplate.objects.filter(key="standard_referral").first()
    case = (
        Case.objects.filter(partner=partner)
        .exclude(status__in=(STATUS.DONE, STATUS.CANCELED))
        .order_by("pk")
        .first()
    )
    if not (worker and organization and template and case):
        return
    referral_letter_write(
        case=case,
        user=worker,
        organization=organization,
        template=template,
        reason=_("Needs a medical examination before admission"),
        field_keys=[a.key for a in case_shareable_answers(case=case)],
        **_basis(1),
    )


def load(*, partners: list[Partner], process_key: str) -> None:
    if len(partners) < 2 or Referral.objects.filter(sending_partner__in=partners).exists():
        return  # loaded before, or nobody to refer to
    for index, partner in enumerate(partners):
        _send_from(partner, partners[(index + 1) % len(partners)], process_key)
    _letter_from(partners[0])
