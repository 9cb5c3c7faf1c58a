"""PDPA: "who has seen this person" for the partner's supervisors, administrators and data
protection officers; a partner's own log for its administrators; denials for everyone else."""

import pytest
from django.urls import reverse

from partners.models import Role
from partners.services import ROLE_GROUP_NAMES
from partners.two_factor.policy import two_factor_required
from tests.factories import member
from tests.factories_workspace import case_at
from workflows.models import AccessKind, AccessRecord


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


@pytest.fixture
def seen(partner, other_partner, client):
    """A client of the partner, seen by its caseworker and (through a case there) by the other's."""
    case = case_at(partner, first_name="มานี")
    theirs = case_at(other_partner, client=case.client)
    client.force_login(member(Role.CASEWORKER, partner=partner, first_name="สมชาย"))
    client.get(url("case", case.pk))
    client.force_login(member(Role.CASEWORKER, partner=other_partner, first_name="สมหญิง"))
    client.get(url("case", theirs.pk))
    client.logout()
    return case.client


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMINISTRATOR, Role.DATA_PROTECTION])
def test_who_has_seen_this_person_lists_every_access_with_its_partner(
    client, partner, other_partner, seen, role
):
    client.force_login(member(role, partner=partner))
    response = client.get(url("client_access_log", seen.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "สมชาย" in html and "สมหญิง" in html and other_partner.name in html
    assert AccessRecord.objects.filter(client=seen, detail__page="access_log").count() == 1


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.COMMUNICATIONS])
def test_caseworkers_and_communications_staff_are_sent_back(client, partner, seen, role):
    client.force_login(member(role, partner=partner))
    assert client.get(url("client_access_log", seen.pk)).status_code == 302


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMINISTRATOR, Role.DATA_PROTECTION])
def test_a_partner_that_does_not_hold_the_person_sees_nothing(client, seen, role):
    client.force_login(member(role))  # at a new, third partner
    assert client.get(url("client_access_log", seen.pk)).status_code == 404


def test_the_client_page_links_to_the_log_for_supervisors_only(client, partner, seen):
    link = url("client_access_log", seen.pk)
    client.force_login(member(Role.SUPERVISOR, partner=partner))
    assert link in client.get(url("client", seen.pk)).content.decode()
    client.force_login(member(Role.CASEWORKER, partner=partner))
    assert link not in client.get(url("client", seen.pk)).content.decode()


def test_a_partners_administrator_reads_its_own_log_only(client, partner, other_partner, seen):
    login = reverse("wagtailadmin_login")
    member(Role.CASEWORKER, partner=other_partner, username="outsider")
    client.post(login, {"username": "outsider", "password": "wrong"})
    member(Role.CASEWORKER, partner=partner, username="insider")
    client.post(login, {"username": "insider", "password": "wrong"})
    admin = member(Role.ADMINISTRATOR, partner=partner)
    client.force_login(admin)
    page = client.get(url("access_log")).context["page"]
    records = list(page)
    assert records and {r.partner_id for r in records} <= {partner.pk, None}
    assert "สมหญิง" not in {r.user.first_name for r in records if r.user}
    failed = [r.username for r in records if r.kind == AccessKind.LOGIN_FAILED]
    assert failed == ["insider"]
    only_views = client.get(url("access_log"), {"kind": "view", "partner": other_partner.pk})
    assert not list(only_views.context["page"])  # another partner's id reads nothing


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.CASEWORKER, Role.COMMUNICATIONS])
def test_the_partner_log_is_refused_to_other_roles(client, partner, role):
    client.force_login(member(role, partner=partner))
    assert client.get(url("access_log")).status_code == 302


def test_the_data_protection_officer_is_a_role_with_its_group_and_two_factor(settings, partner):
    settings.THIPHUENG_TWO_FACTOR_REQUIRED = True
    officer = member(Role.DATA_PROTECTION, partner=partner)
    assert officer.groups.filter(name=ROLE_GROUP_NAMES[Role.DATA_PROTECTION]).exists()
    assert two_factor_required(officer)


def test_the_access_pages_stay_within_their_query_bounds(
    client, partner, seen, django_assert_max_num_queries
):
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    client.get(url("access_log"))
    with django_assert_max_num_queries(25):
        assert client.get(url("client_access_log", seen.pk)).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(url("access_log")).status_code == 200
