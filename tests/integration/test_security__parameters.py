"""Malformed query and form parameters are refused or ignored, never a server error."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Role
from tests.factories import UserFactory, member
from tests.factories_partners import central_administrator
from tests.factories_workflows import client_at
from workflows.views.workspace.base import id_param


@pytest.mark.parametrize("value", ["²", "١٢", "๑๒", "1e3", "-1", " 1", "9" * 40, "", None])
def test_an_id_parameter_is_ascii_digits_within_a_big_integer(value):
    assert id_param(value) is None


def test_an_id_parameter_reads_plain_digits():
    assert id_param("42") == 42


@pytest.mark.parametrize("value", ["%C2%B2", "%E0%B9%91", "9" * 40, "abc"])
def test_case_start_with_a_malformed_client_shows_the_search(client, partner, value):
    client.force_login(member(Role.CASEWORKER, partner=partner))
    response = client.get(reverse("workflows_admin:case_start") + f"?client={value}")
    assert response.status_code == 200
    assert "search_form" in response.context


def test_case_start_checks_the_role_before_reading_any_client(client, partner):
    chosen = client_at(partner)
    client.force_login(member(Role.COMMUNICATIONS, partner=partner))
    url = reverse("workflows_admin:case_start") + f"?client={chosen.pk}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 302
    assert not [q for q in queries.captured_queries if "workflows_client" in q["sql"]]


def _admin_search_urls() -> list[str]:
    return [
        reverse("partners_admin:person_index"),
        reverse("workflows_admin:client_index"),
        reverse("workflows_admin:case_start"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_pages:search"),
    ]


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "p=%00", "%00=1", "client=%00&id=%00"])
def test_a_nul_character_in_a_query_is_a_bad_request(client, partner, query):
    client.force_login(UserFactory(is_superuser=True))
    for url in _admin_search_urls():
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, url
        assert "ไม่สามารถอ่านคำขอได้" in response.content.decode()


def test_a_nul_character_in_a_form_is_a_bad_request(client, partner):
    client.force_login(central_administrator())
    response = client.post(reverse("partners_admin:person_add"), {"username": "a\x00b"})
    assert response.status_code == 400


def test_the_public_search_refuses_a_nul_character(client, db):
    assert client.get("/search/?q=%00").status_code == 400


def test_ordinary_searches_still_work(client, partner):
    worker, administrator = member(Role.SUPERVISOR, partner=partner), central_administrator()
    superuser = UserFactory(is_superuser=True)
    users = [administrator, worker, worker, superuser, superuser]
    for user, url in zip(users, _admin_search_urls(), strict=True):
        client.force_login(user)
        assert client.get(f"{url}?q=สมชาย").status_code == 200, url
