"""A Pattaya caseworker refers a case to the provincial center with recorded consent; the center's
caseworker is told, sees only the shared answers, accepts into an intake process whose form is
pre-filled; the Pattaya case page shows the referral accepted, the center case's step and, once
it ends, its outcome (never its answers)."""

from django.utils import timezone
from viewflow.workflow.status import STATUS

from notifications.models import Notification
from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import PartnerFactory, member
from tests.factories_referrals import case_with_answers, intake_process
from workflows.models import Case, CaseSource, CaseTask, Referral
from workflows.services.cases import task_complete


def test_a_referral_with_consent_is_accepted_into_a_prefilled_intake(page):
    pattaya = PartnerFactory(code="pattaya", name_th="เมืองพัทยา")
    center = PartnerFactory(code="center", name_th="ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี")
    sender = member(Role.CASEWORKER, partner=pattaya, username="pattaya.worker")
    receiver = member(Role.CASEWORKER, partner=center, username="center.worker")
    case = case_with_answers(pattaya, sender)
    intake = intake_process(center)

    admin_login(page, sender.username)
    page.goto(f"/admin/work/cases/{case.pk}/")
    page.click("[data-refer]")
    page.wait_for_url(f"**/admin/work/cases/{case.pk}/refer/")
    page.select_option("#id_receiving_partner", str(center.pk))
    page.fill("#id_reason", "ผู้สูงอายุไร้ที่พึ่ง ต้องการที่พัก")
    page.check("input[name=field_keys][value=age]")
    page.check("input[name=field_keys][value=story]")
    page.check("input[name=basis][value=consent]")
    page.fill("#id_consent_given_by", "ผู้รับบริการ")
    today = timezone.localdate()
    page.fill("#id_consent_given_on", f"{today.day:02d}/{today.month:02d}/{today.year + 543}")
    page.click("[data-referral-form] button[type=submit]")
    referral = Referral.objects.get()
    page.wait_for_url(f"**/admin/work/referrals/{referral.pk}/")
    assert Notification.objects.filter(recipient=receiver, kind="referral_received").exists()

    page.context.clear_cookies()
    admin_login(page, receiver.username)
    page.goto("/admin/work/referrals/")
    page.click(f"[data-referral='{referral.pk}'] a")
    page.wait_for_url(f"**/admin/work/referrals/{referral.pk}/")
    shared = page.locator("[data-shared-answers]").inner_text()
    assert "67" in shared and "นอนข้างตลาด" in shared and "เบาหวาน" not in shared
    page.select_option("[data-accept] select[name=definition]", str(intake.pk))
    page.click("[data-accept] button[type=submit]")
    page.wait_for_url(f"**/admin/work/referrals/{referral.pk}/")
    received = Case.objects.get(source=CaseSource.REFERRAL)
    task = CaseTask.objects.get(process=received, status=STATUS.NEW)
    page.goto("/admin/work/queue/")
    page.locator(f"[data-task='{task.pk}'] [data-claim]").click()
    page.wait_for_url(f"**/admin/work/tasks/{task.pk}/")
    assert page.input_value("[name=age]") == "67"

    page.context.clear_cookies()
    admin_login(page, sender.username)
    page.goto(f"/admin/work/cases/{case.pk}/")
    row = page.locator(f"[data-referrals] tr[data-referral='{referral.pk}']")
    assert row.get_attribute("data-status") == "accepted"
    assert "ขั้นตอน work" in row.locator("[data-current-step]").inner_text()

    task_complete(task=CaseTask.objects.get(pk=task.pk), user=receiver, data={"bed": "เตียง 3"})
    page.reload()
    row = page.locator(f"[data-referrals] tr[data-referral='{referral.pk}']")
    assert row.locator("[data-outcome]").inner_text() != "—"
    assert "เตียง 3" not in page.content()
