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
