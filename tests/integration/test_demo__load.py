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
