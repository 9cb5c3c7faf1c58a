"""Legal bases for sharing in the admin: central administrators keep them, nobody else."""

from django.urls import reverse

from partners.models import Role
from tests.factories import member
from tests.factories_partners import central_administrator
from workflows.models import LegalBasis

INDEX = reverse("legal_bases:index")
ADD = reverse("legal_bases:add")


def test_the_seeded_bases_are_listed_and_a_central_administrator_adds_one(db, client):
    client.force_login(central_administrator())
    listing = client.get(INDEX).content.decode()
    assert "พระราชบัญญัติควบคุมการขอทาน พ.ศ. 2559" in listing
    response = client.post(
        ADD,
        {
            "key": "court_order",
            "name_th": "คำสั่งศาล",
            "name_en": "A court order",
            "allows_sensitive": "on",
            "is_active": "on",
            "sort_order": "9",
        },
    )
    assert response.status_code == 302
    assert LegalBasis.objects.get(key="court_order").allows_sensitive


def test_partner_staff_do_not_open_the_legal_bases(client, partner):
    for role in (Role.ADMINISTRATOR, Role.SUPERVISOR, Role.CASEWORKER):
        client.force_login(member(role, partner=partner))
        assert client.get(INDEX).status_code == 302
        assert client.post(ADD, {"key": "x", "name_th": "x"}).status_code == 302
    assert not LegalBasis.objects.filter(key="x").exists()
