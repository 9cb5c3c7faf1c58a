"""Referral screens: refer from the case page, the receiver's queue and referral page (only what
was shared), answering, the sender's case page (status, the receiving case's step and outcome,
never its answers), and denials: a third partner gets 404s, other roles are sent back."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from viewflow.workflow.status import STATUS

from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_referrals import case_with_answers, intake_process, send
from tests.integration.test_forms__photo_cleaning import jpeg_with_gps
from thai.dates import format_thai_date
from workflows.models import Case, CaseSource, CaseTask, Referral, ReferralStatus
from workflows.services.cases import task_claim, task_complete


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


@pytest.fixture
def sender(partner):
    return member(Role.CASEWORKER, partner=partner)


@pytest.fixture
def receiver(other_partner):
    return member(Role.CASEWORKER, partner=other_partner)


@pytest.fixture
def case(partner, sender):
    return case_with_answers(partner, sender)


def be_today() -> str:
    today = timezone.localdate()
    return f"{today.day:02d}/{today.month:02d}/{today.year + 543}"


def test_a_caseworker_refers_from_the_case_page_choosing_answers_by_label(
    client, case, sender, other_partner
):
    client.force_login(sender)
    page = client.get(url("case", case.pk)).content.decode()
    assert url("case_refer", case.pk) in page
    form = client.get(url("case_refer", case.pk)).content.decode()
    assert "อายุ" in form and "โรคประจำตัว" in form and "data-sensitive-rule" in form
    response = client.post(
        url("case_refer", case.pk),
        {
            "receiving_partner": other_partner.pk,
            "reason": "ต้องการที่พัก",
            "urgency": "urgent",
            "field_keys": ["age", "health"],
            "basis": "consent",
            "consent_given_by": "ผู้รับบริการ",
            "consent_given_on": be_today(),
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response.url == url("referral", referral.pk)
    assert [row["key"] for row in referral.shared_answers] == ["age"]
    assert [row["key"] for row in referral.withheld] == ["health"]
    assert referral.consent_given_on == timezone.localdate()


def test_a_referral_without_a_basis_is_refused_with_a_message_and_nothing_sent(
    client, case, sender, other_partner
):
    client.force_login(sender)
    response = client.post(
        url("case_refer", case.pk),
        {
            "receiving_partner": other_partner.pk,
            "reason": "ต้องการที่พัก",
            "urgency": "normal",
            "field_keys": ["age"],
            "basis": "consent",
        },
    )
    assert response.status_code == 200
    assert "ระบุผู้ให้ความยินยอม" in response.content.decode()
    assert not Referral.objects.exists()


def test_the_receiver_sees_the_queue_and_only_the_shared_answers(
    client, case, sender, receiver, other_partner, django_assert_max_num_queries
):
    referral = send(case, sender, other_partner)
    for _ in range(3):
        send(case_with_answers(case.partner, sender), sender, other_partner)
    client.force_login(receiver)
    with django_assert_max_num_queries(20):
        queue = client.get(url("referral_queue")).content.decode()
    assert case.client.display_name in queue and format_thai_date(referral.answer_due_on) in queue
    with django_assert_max_num_queries(20):
        page = client.get(url("referral", referral.pk)).content.decode()
    assert "67" in page and "นอนข้างตลาด" in page
    assert "เบาหวาน" not in page  # the sensitive answer never travelled
    assert "โรคประจำตัว" in page  # …and the receiver is told it was withheld
    assert "ไทย" not in page.split("data-shared-answers")[1].split("</section>")[0]
    assert url("case", case.pk) not in page and case.reference not in page
    assert client.get(url("case", case.pk)).status_code == 404


def test_accepting_on_the_page_opens_a_case_and_the_sender_sees_its_step_not_its_answers(
    client, case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    intake = intake_process(other_partner)
    client.force_login(receiver)
    response = client.post(url("referral_action", referral.pk, "accept"), {"definition": intake.pk})
    assert response.status_code == 302
    received = Case.objects.get(source=CaseSource.REFERRAL)
    assert received.partner_id == other_partner.pk
    task = task_claim(task=CaseTask.objects.get(process=received, status=STATUS.NEW), user=receiver)
    form_page = client.get(url("task", task.pk)).content.decode()
    assert 'value="67"' in form_page
    task_complete(task=task, user=receiver, data={"age": "67", "bed": "เตียง 12 ลับมาก"})
    client.force_login(sender)
    case_page = client.get(url("case", case.pk)).content.decode()
    assert "data-referrals" in case_page and "รับแล้ว" in case_page
    assert "เตียง 12 ลับมาก" not in case_page
    referral_page = client.get(url("referral", referral.pk)).content.decode()
    assert "data-received-case" in referral_page and "เตียง 12 ลับมาก" not in referral_page
    assert url("case", received.pk) not in referral_page
    assert client.get(url("case", received.pk)).status_code == 404


def test_declining_on_the_page_needs_a_reason_and_the_sender_can_withdraw_only_pending(
    client, case, sender, receiver, other_partner
):
    referral = send(case, sender, other_partner)
    client.force_login(receiver)
    # No reason is chosen beforehand: the first one was, and declined without one noticing.
    page = client.get(url("referral", referral.pk)).content.decode()
    assert '<option value="" selected>เลือกเหตุผล</option>' in page
    for refused in ("nonsense", ""):
        client.post(url("referral_action", referral.pk, "decline"), {"reason": refused})
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.PENDING
    client.post(url("referral_action", referral.pk, "withdraw"))
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PENDING
    client.post(url("referral_action", referral.pk, "decline"), {"reason": "no_capacity"})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    client.force_login(sender)
    response = client.post(url("referral_action", referral.pk, "withdraw"), follow=True)
    assert "ไม่ได้รอคำตอบแล้ว" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR])
def test_a_third_partner_gets_a_404_everywhere(client, case, sender, other_partner, role):
    referral = send(case, sender, other_partner)
    client.force_login(member(role, partner=PartnerFactory()))
    assert client.get(url("referral", referral.pk)).status_code == 404
    for action in ("accept", "decline", "withdraw"):
        assert client.post(url("referral_action", referral.pk, action)).status_code == 404
    assert client.get(url("case_refer", case.pk)).status_code == 404
    assert referral.pk not in [r.pk for r in client.get(url("referral_queue")).context["referrals"]]
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PENDING


@pytest.mark.parametrize("role", [Role.COMMUNICATIONS, Role.ADMINISTRATOR])
def test_other_roles_are_sent_back(client, case, sender, partner, other_partner, role):
    referral = send(case, sender, other_partner)
    for at in (partner, other_partner):
        client.force_login(member(role, partner=at))
        for name, args in (
            ("referral_queue", ()),
            ("referral", (referral.pk,)),
            ("case_refer", (case.pk,)),
        ):
            assert client.get(url(name, *args)).status_code == 302
        assert client.post(url("referral_action", referral.pk, "withdraw")).status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PENDING


def test_the_consent_photo_is_kept_private_and_shown_to_both_partners_only(
    client, case, sender, receiver, other_partner
):
    client.force_login(sender)
    client.post(
        url("case_refer", case.pk),
        {
            "receiving_partner": other_partner.pk,
            "reason": "ต้องการที่พัก",
            "urgency": "normal",
            "field_keys": ["age"],
            "basis": "consent",
            "consent_given_by": "ผู้รับบริการ",
            "consent_given_on": be_today(),
            "consent_photo": SimpleUploadedFile(
                "consent.jpg", jpeg_with_gps(), content_type="image/jpeg"
            ),
        },
    )
    referral = Referral.objects.get()
    assert referral.consent_photo.storage is not default_storage
    with referral.consent_photo.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif() and "comment" not in image.info  # no GPS of the client's home
    photo = url("referral_consent_photo", referral.pk)
    for person in (sender, receiver):
        client.force_login(person)
        assert photo in client.get(url("referral", referral.pk)).content.decode()
        response = client.get(photo)
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert "no-store" in response["Cache-Control"]
    client.force_login(member(Role.CASEWORKER, partner=PartnerFactory()))
    assert client.get(photo).status_code == 404


def test_the_queue_counts_referrals_sent_and_received_by_status_and_the_wait(
    client, case, sender, receiver, partner, other_partner
):
    first = send(case, sender, other_partner)
    Referral.objects.filter(pk=first.pk).update(
        status=ReferralStatus.DECLINED,
        sent_at=timezone.now() - dt.timedelta(days=3, hours=1),
        answered_at=timezone.now(),
    )
    send(case, sender, other_partner)
    client.force_login(receiver)
    counts = client.get(url("referral_queue")).context["counts"]
    assert counts.received == {"declined": 1, "pending": 1} and counts.sent == {}
    assert counts.answer_wait.days == 3
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    response = client.get(url("referral_queue"))
    assert response.context["counts"].sent == {"declined": 1, "pending": 1}
    assert "3 วัน" not in response.content.decode()  # the sender waited, it did not answer


def test_the_queue_exports_what_it_shows_to_the_receiver_only(
    client, case, sender, receiver, other_partner
):
    import csv
    import io

    from wagtail.models import ModelLogEntry

    from workflows.views.workspace.exports import EXPORT_ACTION

    send(case, sender, other_partner)
    client.force_login(receiver)
    queue = client.get(url("referral_queue")).content.decode()
    assert url("referral_queue_export") in queue
    response = client.get(url("referral_queue_export") + "?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:2] == ["ผู้รับบริการ", "จาก"] and len(rows) == 2
    assert rows[1][0] == case.client.display_name and rows[1][1] == case.partner.name
    answered = client.get(url("referral_queue_export") + "?format=csv&status=answered")
    assert len(b"".join(answered.streaming_content).decode("utf-8-sig").splitlines()) == 1
    entry = ModelLogEntry.objects.filter(action=EXPORT_ACTION).first()
    assert entry.user == receiver and entry.data["list"] == "referrals-received"
    client.force_login(sender)  # the sending partner receives nothing
    sent = client.get(url("referral_queue_export") + "?format=csv")
    assert len(b"".join(sent.streaming_content).decode("utf-8-sig").splitlines()) == 1


def test_the_referral_screens_call_a_case_a_case(client, case, sender, receiver, other_partner):
    """The glossary's word (กรณี), not "เรื่อง", on the refer form, its back link and the
    receiver's accept button."""
    referral = send(case, sender, other_partner)
    client.force_login(sender)
    refer = client.get(url("case_refer", case.pk)).content.decode()
    assert f"ส่งต่อกรณี {case.reference}" in refer and "กลับไปที่กรณี" in refer
    client.force_login(receiver)
    answer = client.get(url("referral", referral.pk)).content.decode()
    assert "รับและเปิดกรณี" in answer and "กระบวนการทำงานที่จะเริ่ม" in answer
