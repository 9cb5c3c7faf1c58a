"""A declined or expired referral gives the sending case the to-do "referral declined — decide
what next"; a caseworker of the sending partner marks it done with a note, nobody else can."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import Role
from scheduling.services import run_scheduler
from tests.factories import PartnerFactory, member
from tests.factories_referrals import case_with_answers, intake_process, send
from workflows.errors import WorkflowError
from workflows.models import CaseEvent, CaseEventKind, DeclineReason, ReferralTodo, ReferralTodoKind
from workflows.services.referrals import (
    referral_accept,
    referral_decline,
    referral_todo_done,
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


def test_declining_gives_the_sending_case_a_decide_what_next_todo(
    case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    assert not ReferralTodo.objects.exists()
    referral_decline(referral=referral, user=receiver, reason=DeclineReason.NO_CAPACITY)
    todo = ReferralTodo.objects.get()
    assert (todo.case, todo.partner, todo.referral) == (case, case.partner, referral)
    assert todo.kind == ReferralTodoKind.DECIDE_NEXT and todo.is_open


def test_expiry_gives_the_same_todo(case, sender, other_partner):
    referral = send(case, sender, other_partner)
    due_end = timezone.make_aware(
        dt.datetime.combine(referral.answer_due_on + dt.timedelta(days=1), dt.time())
    )
    run_scheduler(now=due_end + dt.timedelta(minutes=1))
    todo = ReferralTodo.objects.get()
    assert todo.referral == referral and todo.kind == ReferralTodoKind.DECIDE_NEXT


def test_accepting_or_withdrawing_gives_no_todo(case, sender, receiver, other_partner):
    referral_accept(
        referral=send(case, sender, other_partner),
        user=receiver,
        definition=intake_process(other_partner),
    )
    referral_withdraw(
        referral=send(case_with_answers(case.partner, sender), sender, other_partner), user=sender
    )
    assert not ReferralTodo.objects.exists()


def test_only_the_sending_partner_marks_it_done_once(case, sender, receiver, other_partner):
    referral = send(case, sender, other_partner)
    referral_decline(referral=referral, user=receiver, reason=DeclineReason.NOT_OUR_AREA)
    todo = ReferralTodo.objects.get()
    stranger = member(Role.SUPERVISOR, partner=PartnerFactory())
    for user in (receiver, stranger):
        with pytest.raises(WorkflowError):
            referral_todo_done(todo=todo, user=user)
    referral_todo_done(todo=todo, user=sender, note="ส่งต่อไปบ้านพักเด็กแทน")
    todo.refresh_from_db()
    assert not todo.is_open and todo.done_by == sender and todo.note == "ส่งต่อไปบ้านพักเด็กแทน"
    event = CaseEvent.objects.get(case=case, kind=CaseEventKind.REFERRAL_TODO_DONE)
    assert "ตัดสินใจขั้นต่อไป" in event.text or "decide what next" in event.text
    with pytest.raises(WorkflowError):
        referral_todo_done(todo=todo, user=sender)


def test_the_case_page_and_the_queue_show_it_and_the_form_marks_it_done(
    client, case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    referral_decline(referral=referral, user=receiver, reason=DeclineReason.NO_CAPACITY)
    todo = ReferralTodo.objects.get()
    client.force_login(sender)
    page = client.get(reverse("workflows_admin:case", args=[case.pk])).content.decode()
    assert 'data-referral-todo="decide_next"' in page and "ตัดสินใจขั้นต่อไป" in page
    queue = client.get(reverse("workflows_admin:referral_queue")).content.decode()
    assert f'data-referral-todo="{todo.pk}"' in queue
    client.force_login(receiver)
    done_url = reverse("workflows_admin:referral_todo_done", args=[todo.pk])
    assert client.post(done_url, {"note": "x"}).status_code == 404
    queue = client.get(reverse("workflows_admin:referral_queue")).content.decode()
    assert "data-referral-todos" not in queue
    client.force_login(sender)
    response = client.post(done_url, {"note": "ปิดเรื่อง"})
    assert response.status_code == 302
    todo.refresh_from_db()
    assert not todo.is_open
    page = client.get(reverse("workflows_admin:case", args=[case.pk])).content.decode()
    assert "data-referral-todo=" not in page


def test_an_answer_within_the_day_is_counted_in_hours(
    client, case, sender, receiver, other_partner
):
    import datetime as dt

    from workflows.models import Referral

    referral = send(case, sender, other_partner)
    referral_decline(referral=referral, user=receiver, reason=DeclineReason.NO_CAPACITY)
    Referral.objects.filter(pk=referral.pk).update(
        answered_at=referral.sent_at + dt.timedelta(hours=5, minutes=10)
    )
    client.force_login(receiver)
    queue = client.get(reverse("workflows_admin:referral_queue")).content.decode()
    assert "5 ชั่วโมง" in queue


def test_a_declined_referrals_todo_is_marked_done_from_the_case_page_after_the_case_ended(
    client, case, sender, receiver, other_partner
):
    """A refer step ends the case as it sends; a decline comes later. The to-do's note and
    button are still on the case page (the "refer" buttons are not: the case has ended)."""
    from workflows.services.cases import case_close

    referral = send(case, sender, other_partner)
    case_close(case=case, user=sender, outcome="other")
    referral_decline(referral=referral, user=receiver, reason=DeclineReason.NO_CAPACITY)
    todo = ReferralTodo.objects.get()
    client.force_login(sender)
    page = client.get(reverse("workflows_admin:case", args=[case.pk])).content.decode()
    assert f'action="{reverse("workflows_admin:referral_todo_done", args=[todo.pk])}"' in page
    assert "data-refer>" not in page
    response = client.post(
        reverse("workflows_admin:referral_todo_done", args=[todo.pk]), {"note": "ติดต่อที่อื่น"}
    )
    assert response.status_code == 302
    todo.refresh_from_db()
    assert not todo.is_open and todo.note == "ติดต่อที่อื่น"
