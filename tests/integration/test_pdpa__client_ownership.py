"""PDPA: the partner that registered a person owns who they are; another partner that works
with them corrects only where they were found; every change is kept and shown with its partner."""

import pytest
from django.urls import reverse

from partners.models import Role
from tests.concurrency import run_together
from tests.factories import member
from tests.factories_workflows import client_at
from tests.factories_workspace import case_at
from workflows.models import Client, ClientChange
from workflows.services.clients import ClientFieldsOwned, client_update


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


def form_data(person, **fields) -> dict:
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "id_status": person.id_status,
        "national_id": person.national_id,
        "sex": person.sex,
        "found_place": person.found_place,
    }
    return {**data, **fields}


@pytest.fixture
def person(partner, other_partner):
    """Registered by the partner; the other partner opened a case after finding them by ID."""
    person = client_at(
        partner, first_name="มานี", last_name="มีใจ", id_status="thai_id", national_id="1101700230708"
    )
    case_at(other_partner, client=person)
    return person


def test_the_registering_partner_corrects_who_the_person_is(client, partner, person):
    worker = member(Role.CASEWORKER, partner=partner, first_name="สมชาย")
    client.force_login(worker)
    response = client.post(
        url("client_edit", person.pk),
        form_data(person, first_name="มาณี", reason="เห็นบัตรประชาชน"),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.first_name == "มาณี"
    change = ClientChange.objects.get(client=person)
    assert change.fields == ["first_name"] and change.previous == {"first_name": "มานี"}
    assert change.partner == partner and change.reason == "เห็นบัตรประชาชน"
    page = client.get(url("client", person.pk)).content.decode()
    assert "data-client-changes" in page and partner.name in page and "เห็นบัตรประชาชน" in page


def test_another_partner_cannot_overwrite_who_the_person_is(client, other_partner, person):
    client.force_login(member(Role.CASEWORKER, partner=other_partner))
    form = client.get(url("client_edit", person.pk))
    assert "data-owned-by" in form.content.decode()
    response = client.post(
        url("client_edit", person.pk),
        form_data(
            person, first_name="ชื่ออื่น", national_id="", id_status="none", found_place="ตลาดนาเกลือ"
        ),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.national_id) == ("มานี", "1101700230708")
    assert person.found_place == "ตลาดนาเกลือ"  # where they were found is theirs to correct
    change = ClientChange.objects.get(client=person)
    assert change.fields == ["found_place"] and change.partner == other_partner


def test_the_service_refuses_a_non_owner_changing_an_identifying_field(
    partner, other_partner, person
):
    worker = member(Role.CASEWORKER, partner=other_partner)
    with pytest.raises(ClientFieldsOwned):
        client_update(client=person, user=worker, partner_id=other_partner.pk, first_name="ใหม่")
    person.refresh_from_db()
    assert person.first_name == "มานี" and not ClientChange.objects.exists()


def test_a_partner_without_a_case_cannot_reach_the_form(client, person):
    client.force_login(member(Role.CASEWORKER))
    assert client.get(url("client_edit", person.pk)).status_code == 404


@pytest.mark.postgres
def test_two_corrections_at_once_each_keep_their_earlier_value(
    transactional_db, on_postgres, partner
):
    person = client_at(partner, first_name="มานี", found_place="ก")
    worker = member(Role.CASEWORKER, partner=partner)

    def correct(place):
        def run():
            client_update(
                client=Client.objects.get(pk=person.pk),
                user=worker,
                partner_id=partner.pk,
                found_place=place,
            )

        return run

    results = run_together(correct("ข"), correct("ค"))
    assert results == [None, None]
    changes = list(ClientChange.objects.filter(client=person).order_by("id"))
    assert len(changes) == 2
    # Locked: the second saw the first's value, so the history chains without a gap.
    assert changes[0].previous == {"found_place": "ก"}
    person.refresh_from_db()
    assert changes[1].previous == {"found_place": "ข" if person.found_place == "ค" else "ค"}
