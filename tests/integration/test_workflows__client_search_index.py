"""Client search on indexes: the exact national ID on the unique index, fragments on a trigram
index (PostgreSQL), visibility as EXISTS per client found, and a capped count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at
from tests.factories_workspace import case_at
from workflows.benchmarks.data import bench_setup, clients_create, national_id_valid
from workflows.benchmarks.plans import indexes_used
from workflows.selectors.clients import clients_search

VALID_ID = "1101700230708"


def test_a_whole_national_id_reads_the_unique_index_not_a_like(partner, other_partner):
    here = client_at(partner, first_name="มานี", national_id=VALID_ID)
    elsewhere_id = national_id_valid("310170023070")
    client_at(other_partner, first_name="ประยูร", national_id=elsewhere_id)
    worker = member(Role.CASEWORKER, partner=partner)
    with CaptureQueriesContext(connection) as queries:
        found = list(clients_search(user=worker, query="1-1017-00230-70-8"))
    assert [(c.pk, c.visible_here) for c in found] == [(here.pk, True)]
    assert "LIKE" not in queries[-1]["sql"].upper()
    [other] = clients_search(user=worker, query=elsewhere_id)
    assert other.first_name == "ประยูร" and other.visible_here is False


def test_a_client_with_a_case_here_is_found_by_a_thai_fragment(partner, other_partner):
    registered_elsewhere = client_at(other_partner, first_name="บุญช่วย", last_name="ศรีวงศ์")
    client_at(other_partner, first_name="บุญมี")  # no case here: not found
    case_at(partner, client=registered_elsewhere)
    worker = member(Role.CASEWORKER, partner=partner)
    found = clients_search(user=worker, query="ช่วย ศรี")
    assert [c.pk for c in found] == [registered_elsewhere.pk]
    assert [c.first_name for c in clients_search(user=worker, query="บุญ")] == ["บุญช่วย"]


def test_a_search_that_finds_a_great_many_says_more_than_the_cap(
    client, partner, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("workflows.views.workspace.base.COUNT_CAP", 3)
    for number in range(6):
        client_at(partner, first_name=f"สมชาย{number}")
    client_at(partner, first_name="มานี")
    client.force_login(member(Role.CASEWORKER, partner=partner))
    with django_assert_max_num_queries(17):  # with the search's access record
        response = client.get(reverse("workflows_admin:client_index"), {"q": "สมชาย"})
    page = response.context["page"]
    assert page.capped and page.paginator.count == 4
    assert "ผู้รับบริการมากกว่า 3 คน" in response.content.decode()
    exact = client.get(reverse("workflows_admin:client_index"), {"q": "มานี"}).context["page"]
    assert not exact.capped and exact.paginator.count == 1


@pytest.mark.postgres
def test_at_size_fragments_read_the_trigram_index_and_an_id_the_unique_one(on_postgres):
    partner, worker, _version = bench_setup()
    clients_create(partner=partner, count=20_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE workflows_client")
    assert "client_search_trgm_idx" in indexes_used(clients_search(user=worker, query="ชัยมงคล0001"))
    assert clients_search(user=worker, query="ชัยมงคล0001").exists()
    whole = national_id_valid(f"8{1234:011d}")
    assert indexes_used(clients_search(user=worker, query=whole))[0] == "client_unique_national_id"


def test_the_page_selects_its_ids_first_then_fetches_only_those_rows(
    partner, django_assert_max_num_queries
):
    from workflows.selectors.clients import clients_found_in_order
    from workflows.views.workspace.base import page_of_capped

    for number in range(30):
        client_at(partner, first_name=f"สมชาย{number:02d}")
    worker = member(Role.CASEWORKER, partner=partner)
    with CaptureQueriesContext(connection) as queries:
        page = page_of_capped(
            clients_search(user=worker, query="สมชาย"), 2, few=clients_found_in_order
        )
        names = [c.first_name for c in page.object_list]
    assert names == [f"สมชาย{number:02d}" for number in range(25, 30)]
    assert all(c.visible_here for c in page.object_list)
    # memberships, the capped count, the page's ids, their rows
    assert len(queries) == 4
    ids, rows = queries[-2]["sql"], queries[-1]["sql"]
    assert ids.startswith('SELECT "workflows_client"."id" AS "pk" FROM') and "OFFSET 25" in ids
    assert rows.rstrip(")").endswith(", ".join(str(c.pk) for c in page.object_list))
    assert "ORDER BY" not in rows  # the order is the ids'; the rows are not sorted again


@pytest.mark.postgres
def test_at_size_the_age_filter_reads_the_birth_date_and_estimated_age_indexes(on_postgres):
    import datetime as dt

    partner, worker, _version = bench_setup()
    clients_create(partner=partner, count=20_000)  # no birth date, no estimated age
    born = client_at(partner, first_name="อายุสี่สิบ", birth_date=dt.date.today().replace(day=1))
    born.birth_date = born.birth_date.replace(year=born.birth_date.year - 40)
    born.save()
    guessed = client_at(partner, first_name="ราวสี่สิบ", estimated_age=41)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE workflows_client")
    found = clients_search(user=worker, age=40)
    used = indexes_used(found[:25])
    assert "client_birth_date_idx" in used and "client_estimated_age_idx" in used
    assert {c.pk for c in found} == {born.pk, guessed.pk}
