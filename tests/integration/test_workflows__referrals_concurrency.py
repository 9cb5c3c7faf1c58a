"""Accepting and withdrawing one referral at the same moment: exactly one wins (PostgreSQL)."""

import time

import pytest

import workflows.services.referrals as referral_services
from partners.models import Role
from tests.concurrency import run_together as _run_together
from tests.factories import member
from tests.factories_referrals import case_with_answers, intake_process, send
from workflows.errors import WorkflowError
from workflows.models import Case, CaseSource, Referral, ReferralStatus
from workflows.services.referrals import referral_accept, referral_withdraw

pytestmark = pytest.mark.postgres


def test_accept_and_withdraw_at_once_one_wins(
    transactional_db, on_postgres, partner, other_partner, monkeypatch
):
    sender = member(Role.CASEWORKER, partner=partner)
    receiver = member(Role.CASEWORKER, partner=other_partner)
    referral = send(case_with_answers(partner, sender), sender, other_partner)
    intake = intake_process(other_partner)
    original = referral_services._locked_for

    def slow_locked_for(referral, to):
        locked = original(referral, to)
        time.sleep(0.5)  # hold the row lock while the other action waits for it
        return locked

    monkeypatch.setattr(referral_services, "_locked_for", slow_locked_for)
    results = _run_together(
        lambda: referral_accept(
            referral=Referral.objects.get(pk=referral.pk), user=receiver, definition=intake
        ),
        lambda: referral_withdraw(referral=Referral.objects.get(pk=referral.pk), user=sender),
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], WorkflowError), results
    referral.refresh_from_db()
    started = Case.objects.filter(source=CaseSource.REFERRAL).count()
    if referral.status == ReferralStatus.ACCEPTED:
        assert started == 1 and referral.received_case_id
    else:
        assert referral.status == ReferralStatus.WITHDRAWN and started == 0
