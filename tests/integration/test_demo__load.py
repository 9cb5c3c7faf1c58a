from django.core.management import call_command

from partners.models import Membership, Partner, User


def test_load_demo_is_idempotent_and_serves_the_thai_home_page(db, client):
    call_command("load_demo")
    call_command("load_demo")
    assert Partner.objects.count() == 4
    assert Membership.objects.count() == 20  # 4 partners × 5 roles
    assert User.objects.filter(username="pattaya.caseworker").exists()
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="th"' in response.content.decode()


def test_admin_login_page_is_served(db, client):
    assert client.get("/admin/login/").status_code == 200


def test_the_sample_register_imports_cleanly_into_the_demo(db):
    from pathlib import Path

    from workflows.services.imports import client_import_commit

    call_command("load_demo")
    pattaya = Partner.objects.get(memberships__user__username="pattaya.supervisor")
    supervisor = User.objects.get(username="pattaya.supervisor")
    data = (Path(__file__).parents[2] / "docs/samples/clients-register.csv").read_bytes()
    plan = client_import_commit(partner=pattaya, user=supervisor, data=data, name="sample.csv")
    assert plan.problems == [] and plan.total == 20


def test_the_sample_case_follow_up_and_people_registers_import_cleanly_into_the_demo(db):
    """After the sample client register: its cases (ended in past fiscal years, and open at a
    step), their planned follow-ups, and Pattaya's new people; importing again changes nothing."""
    from pathlib import Path

    from partners.demo import demo_username
    from partners.models import Role
    from workflows.models import Case, FollowUp
    from workflows.services.imports import client_import_commit
    from workflows.services.register_imports import KINDS, register_import_commit

    call_command("load_demo")
    samples = Path(__file__).parents[2] / "docs/samples"
    supervisor = User.objects.get(username="pattaya.supervisor")
    administrator = User.objects.get(username=demo_username("pattaya", Role.ADMINISTRATOR))
    pattaya = Partner.objects.get(code="pattaya")
    data = (samples / "clients-register.csv").read_bytes()
    client_import_commit(partner=pattaya, user=supervisor, data=data, name="clients.csv")
    expected = {
        "cases": (supervisor, "cases-register.csv", {"new": 8}),
        "follow-ups": (supervisor, "follow-ups-register.csv", {"new": 3}),
        "people": (administrator, "people-register.csv", {"new": 3, "updated": 1}),
    }
    for key, (user, name, counts) in expected.items():
        for again in (False, True):
            plan = register_import_commit(
                kind=KINDS[key],
                partner=pattaya,
                user=user,
                data=(samples / name).read_bytes(),
                name=name,
            )
            assert plan.problems == [], (name, plan.problems)
            total = sum(counts.values())
            wanted = {"unchanged": total} if again else counts
            assert {k: v for k, v in plan.counts.items() if v} == wanted, name
    cases = Case.objects.filter(partner=pattaya).exclude(source_reference="")
    assert cases.filter(status="DONE").count() == 5
    assert cases.exclude(status="DONE").count() == 3
    assert FollowUp.objects.filter(case__in=cases).count() == 3


def test_the_demo_has_a_case_waiting_at_pattayas_refer_step_to_the_provincial_center(db):
    """Pattaya's street process version 2 refers admissions to chonburi-center; one demo case
    waits at that step, and sending it completes the step (loading twice adds nothing)."""
    from django.utils import timezone

    from partners.models import Role
    from workflows.models import Case, CaseTask, ProcessVersion, Referral, ReferralBasis
    from workflows.services.cases import task_claim
    from workflows.services.referrals import referral_step_send

    call_command("load_demo")
    call_command("load_demo")
    version = ProcessVersion.objects.get(definition__partner__code="pattaya", number=2)
    step = version.steps.get(key="refer_to_center")
    assert step.kind == "refer" and step.settings["partner"] == "chonburi-center"
    case = Case.objects.get(client__last_name="รอส่งต่อ")
    assert case.process_version == version and case.current_step == step
    task = CaseTask.objects.get(process=case, step=step, status__in=["NEW", "ASSIGNED"])
    worker = User.objects.get(
        memberships__partner__code="pattaya", memberships__role=Role.CASEWORKER
    )
    task = task_claim(task=task, user=worker)
    referral = referral_step_send(
        task=task,
        user=worker,
        receiving_partner=Partner.objects.get(code="chonburi-center"),
        reason="ต้องการที่พักในสถานคุ้มครอง",
        basis=ReferralBasis.CONSENT,
        consent_given_by="ผู้รับบริการ",
        consent_given_on=timezone.localdate(),
        consent_scope="การส่งต่อครั้งนี้",
    )
    assert Referral.objects.filter(pk=referral.pk, status="pending").exists()
    assert {a["key"] for a in referral.shared_answers} >= {"assessment_summary", "needs"}
    case.refresh_from_db()
    # Sending ends the case as referred (whatever the answer: a decline gives a to-do).
    assert case.current_step.key == "referred" and case.outcome == "referred_to_partner"
