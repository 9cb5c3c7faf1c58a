"""The workspace on a phone (390 px): a case's referrals and follow-ups, and the referral queue,
are cards, not tables wider than the screen; the queue's "overdue only" tick box is square."""

import datetime as dt

from django.utils import timezone

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member
from tests.factories_referrals import case_with_answers, send
from tests.integration.test_workflows__follow_ups import follow_up_process
from workflows.services.followups import follow_up_add

OVERFLOW = """() => Array.from(document.querySelectorAll('[data-referrals], [data-follow-ups]'))
    .map(s => [s.scrollWidth, s.clientWidth])"""


def test_a_cases_referrals_and_follow_ups_are_cards_on_a_phone(phone_page, partner, other_partner):
    worker = member(Role.CASEWORKER, partner=partner, username="phone.worker")
    case = case_with_answers(partner, worker)
    send(case, worker, other_partner)
    follow_up_add(
        case=case,
        user=worker,
        due_on=timezone.localdate() + dt.timedelta(days=30),
        reason="เยี่ยมบ้านหลังกลับคืนครอบครัว",
        process_definition=follow_up_process(partner),
    )
    admin_login(phone_page, worker.username)
    phone_page.goto(f"/admin/work/cases/{case.pk}/")
    for scroll_width, client_width in phone_page.evaluate(OVERFLOW):
        assert scroll_width <= client_width + 1
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    row = phone_page.locator("[data-referrals] tr[data-referral]")
    assert row.evaluate("e => getComputedStyle(e).display") == "block"
    # Each cell says which column it is: "ส่งเมื่อ" (sent) above the date.
    sent = row.locator("td").nth(1)
    label = sent.evaluate("e => getComputedStyle(e, '::before').content")
    assert "ส่งเมื่อ" in label
    assert (
        phone_page.locator("[data-follow-ups] tr[data-follow-up]").evaluate(
            "e => getComputedStyle(e).display"
        )
        == "block"
    )


def test_the_overdue_tick_box_is_square(phone_page, partner):
    worker = member(Role.CASEWORKER, partner=partner, username="tick.worker")
    admin_login(phone_page, worker.username)
    for url in ("/admin/work/queue/", "/admin/work/inbox/"):
        phone_page.goto(url)
        box = phone_page.locator("input[name=overdue]").bounding_box()
        assert abs(box["width"] - box["height"]) <= 1, box


def test_the_referral_queue_is_cards_on_a_phone(phone_page, partner, other_partner):
    """The referrals a partner received read as one card per referral, like a case's referrals,
    each cell under its column's name, nothing wider than the screen."""
    worker = member(Role.CASEWORKER, partner=partner, username="queue.sender")
    send(case_with_answers(partner, worker), worker, other_partner)
    receiver = member(Role.CASEWORKER, partner=other_partner, username="queue.receiver")
    admin_login(phone_page, receiver.username)
    phone_page.goto("/admin/work/referrals/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    queue = phone_page.locator("[data-referral-queue]")
    assert queue.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    row = queue.locator("tr[data-referral]")
    assert row.evaluate("e => getComputedStyle(e).display") == "block"
    sender = row.locator("td").nth(1)
    assert "จาก" in sender.evaluate("e => getComputedStyle(e, '::before').content")
    assert partner.name in sender.inner_text()
