"""Clients: Thai substring and ID search, approximate age, visibility, registering and correcting,
and opening a case for a new client."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at
from tests.factories_workspace import case_at, open_task, screening_definition
from workflows.models import AccessKind, AccessRecord, Case, Client, IdStatus
from workflows.selectors.clients import clients_search, clients_visible_to

VALID_ID = "1101700230708"


@pytest.fixture
def caseworker(partner):
    return member(Role.CASEWORKER, partner=partner)


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


def names(clients) -> list[str]:
    return [c.first_name for c in clients]


def test_search_finds_a_thai_name_by_any_part_and_an_id_typed_with_dashes(partner, caseworker):
    client_at(partner, first_name="สมชาย", last_name="ใจดี", aliases="ลุงชาย")
    client_at(partner, first_name="มานี", last_name="มีนา", national_id=VALID_ID, id_status="thai_id")
    client_at(partner, first_name="Somsak", last_name="", name_en="Somsak Dee")
    assert names(clients_search(user=caseworker, query="ชาย")) == ["สมชาย"]
    assert names(clients_search(user=caseworker, query="ลุง")) == ["สมชาย"]
    assert names(clients_search(user=caseworker, query="1-1017-00230-70-8")) == ["มานี"]
    assert names(clients_search(user=caseworker, query="๑๑๐๑๗")) == ["มานี"]
    assert names(clients_search(user=caseworker, query="SOMSAK")) == ["Somsak"]


def test_search_by_approximate_age(partner, caseworker):
    today = timezone.localdate()
    client_at(partner, first_name="ก", estimated_age=40, estimated_on=today)
    client_at(partner, first_name="ข", birth_date=today - dt.timedelta(days=365 * 62))
    client_at(partner, first_name="ค", estimated_age=15, estimated_on=today)
    assert names(clients_search(user=caseworker, age=43)) == ["ก"]
    assert names(clients_search(user=caseworker, age=60)) == ["ข"]


def test_clients_come_in_thai_dictionary_order(partner, caseworker):
    for name in ("เอก", "กมล", "ขวัญ", "ไก่"):
        client_at(partner, first_name=name, last_name="")
    assert names(clients_search(user=caseworker)) == ["กมล", "ไก่", "ขวัญ", "เอก"]


def test_a_user_sees_clients_registered_here_or_with_a_case_here(
    partner, other_partner, caseworker
):
    mine = client_at(partner, first_name="ของเรา")
    theirs = client_at(other_partner, first_name="ของเขา")
    shared = client_at(other_partner, first_name="มีเคสที่เรา")
    case_at(partner, client=shared)
    assert set(clients_visible_to(caseworker)) == {mine, shared}
    assert theirs not in clients_visible_to(caseworker)
    communications = member(Role.COMMUNICATIONS, partner=partner)
    assert not clients_visible_to(communications).exists()


def test_the_client_page_lists_every_case_the_user_may_see(
    client, partner, other_partner, caseworker
):
    person = client_at(partner)
    here = case_at(partner, client=person)
    elsewhere = case_at(other_partner, client=person)
    client.force_login(caseworker)
    content = client.get(url("client", person.pk)).content.decode()
    assert here.reference in content and elsewhere.reference not in content
    viewed = AccessRecord.objects.get(client=person, kind=AccessKind.VIEW)
    assert viewed.user == caseworker and viewed.partner_id == partner.pk


def form_data(**fields) -> dict:
    return {"first_name": "บุญมี", "last_name": "ดีใจ", "id_status": "none", "sex": "male", **fields}


def test_registering_a_client_checks_the_national_id(client, partner, caseworker):
    client.force_login(caseworker)
    bad = client.post(
        url("client_add"), form_data(id_status="thai_id", national_id="1101700230707")
    )
    assert bad.status_code == 200 and "national_id" in bad.context["form"].errors
    missing = client.post(url("client_add"), form_data(id_status="thai_id"))
    assert "national_id" in missing.context["form"].errors
    good = client.post(
        url("client_add"), form_data(id_status="thai_id", national_id="1-1017-00230-70-8")
    )
    assert good.status_code == 302, good.context["form"].errors
    person = Client.objects.get()
    assert good.url == url("client", person.pk)
    assert (person.national_id, person.registered_by) == (VALID_ID, partner)
    again = client.post(url("client_add"), form_data(id_status="thai_id", national_id=VALID_ID))
    assert "national_id" in again.context["form"].errors
    assert ModelLogEntry.objects.for_instance(person).filter(action="wagtail.create").exists()


@pytest.mark.parametrize("status", [IdStatus.NONE, IdStatus.STATELESS])
def test_no_id_and_stateless_are_answers_not_errors(client, caseworker, status):
    client.force_login(caseworker)
    client.post(url("client_add"), form_data(id_status=status, estimated_age="50"))
    person = Client.objects.get()
    assert person.id_status == status and person.national_id == ""
    assert person.estimated_age == 50 and person.estimated_on == timezone.localdate()


def test_a_foreign_document_needs_its_number(client, caseworker):
    client.force_login(caseworker)
    response = client.post(url("client_add"), form_data(id_status="foreign_document"))
    assert "document_number" in response.context["form"].errors
    client.post(
        url("client_add"),
        form_data(id_status="foreign_document", document_number="MM123", nationality="เมียนมา"),
    )
    assert Client.objects.get().document_number == "MM123"


def test_a_client_is_corrected_and_the_change_logged(client, partner, caseworker):
    person = client_at(partner)
    client.force_login(caseworker)
    page = client.get(url("client_edit", person.pk)).content.decode()
    assert "สมชาย" in page
    client.post(
        url("client_edit", person.pk), form_data(first_name="สมชาติ", birth_date="01/02/2500")
    )
    person.refresh_from_db()
    assert person.first_name == "สมชาติ" and person.birth_date == dt.date(1957, 2, 1)
    entry = ModelLogEntry.objects.for_instance(person).get(action="wagtail.edit")
    assert "first_name" in entry.data["fields"]


def test_a_new_client_then_a_case_for_them(client, partner, caseworker):
    definition = screening_definition(partner)
    client.force_login(caseworker)
    search = client.get(url("case_start"), {"q": "บุญมี"}).content.decode()
    assert "?start=1" in search
    response = client.post(url("client_add") + "?start=1", form_data())
    person = Client.objects.get()
    assert response.url == url("case_start") + f"?client={person.pk}"
    choose = client.get(response.url).content.decode()
    assert definition.name_th in choose
    response = client.post(
        url("case_start"), {"client": person.pk, "partner": partner.pk, "definition": definition.pk}
    )
    case = Case.objects.get()
    assert response.url == url("case", case.pk)
    assert (case.client, case.partner, case.opened_by) == (person, partner, caseworker)
    assert open_task(case).step.key == "screen"


def test_a_process_of_another_partner_is_not_offered_and_not_accepted(
    client, partner, other_partner, caseworker
):
    foreign = screening_definition(other_partner)
    person = client_at(partner)
    client.force_login(caseworker)
    assert foreign.name_th + "</option>" not in client.get(
        url("case_start"), {"client": person.pk}
    ).content.decode().replace(screening_definition(partner).name_th + "</option>", "")
    response = client.post(
        url("case_start"), {"client": person.pk, "partner": partner.pk, "definition": foreign.pk}
    )
    assert response.status_code == 200
    assert not Case.objects.exists()


def test_the_client_list_searches_over_http(client, partner, caseworker):
    client_at(partner, first_name="ประยูร")
    client_at(partner, first_name="สมหมาย")
    client.force_login(caseworker)
    content = client.get(url("client_index"), {"q": "ยูร"}).content.decode()
    assert "ประยูร" in content and "สมหมาย" not in content


def test_an_administrator_sees_clients_but_is_not_offered_to_open_cases(client, partner):
    person = client_at(partner)
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    for page in (url("client_index"), url("client", person.pk)):
        content = client.get(page).content.decode()
        assert "สมชาย" in content and url("case_start") not in content
    assert client.get(url("case_start")).status_code == 302


def test_a_whole_valid_national_id_finds_its_holder_across_the_network(
    client, partner, other_partner
):
    elsewhere = client_at(other_partner, first_name="ประยูร", national_id=VALID_ID)
    worker_here = member(Role.CASEWORKER, partner=partner)
    assert names(clients_search(user=worker_here, query="1-1017-00230-70-8")) == ["ประยูร"]
    # Anything less than the whole valid ID finds nothing of another partner's.
    assert names(clients_search(user=worker_here, query=VALID_ID[:10])) == []
    assert names(clients_search(user=worker_here, query="ประยูร")) == []
    client.force_login(worker_here)
    assert client.get(url("client", elsewhere.pk)).status_code == 404
    page = client.get(url("case_start"), {"q": VALID_ID}).content.decode()
    assert f"?client={elsewhere.pk}&amp;id={VALID_ID}" in page
    assert url("client", elsewhere.pk) not in page


def test_a_case_is_opened_here_for_a_person_registered_elsewhere_only_with_their_id(
    client, partner, other_partner
):
    elsewhere = client_at(other_partner, first_name="ประยูร", national_id=VALID_ID)
    worker_here = member(Role.CASEWORKER, partner=partner)
    definition = screening_definition(partner)
    client.force_login(worker_here)
    data = {"client": elsewhere.pk, "partner": partner.pk, "definition": definition.pk}
    assert client.post(url("case_start"), data).status_code == 404
    assert client.post(url("case_start"), {**data, "id": "1101700230707"}).status_code == 404
    response = client.post(url("case_start"), {**data, "id": VALID_ID})
    case = Case.objects.get()
    assert response.url == url("case", case.pk)
    assert (case.client, case.partner) == (elsewhere, partner)
    assert client.get(url("client", elsewhere.pk)).status_code == 200
