from django.core.management import call_command

from partners.models import Membership, Partner, User


def test_load_demo_is_idempotent_and_serves_the_thai_home_page(db, client):
    call_command("load_demo")
    call_command("load_demo")
    assert Partner.objects.count() == 4
    assert Membership.objects.count() == 16
    assert User.objects.filter(username="pattaya.caseworker").exists()
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="th"' in response.content.decode()


def test_admin_login_page_is_served(db, client):
    assert client.get("/admin/login/").status_code == 200
