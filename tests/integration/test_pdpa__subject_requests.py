"""PDPA data-subject requests: everything held about a person as a file (recorded), the
retention rule per outcome run by the worker through due items, and the legal hold that stops it."""

import datetime as dt
import json
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from partners.models import Role
from scheduling.services import run_scheduler
from tests.factories import member
from tests.factories_workspace import case_at, open_task
from workflows.models import AccessKind, AccessRecord, ClientChange, Outcome
from workflows.services.cases import case_close, task_claim, task_complete
from workflows.services.retention import client_legal_hold_set


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


@pytest.fixture
def person(partner, other_partner):
    case = case_at(
        partner, first_name="มานี", last_name="มีใจ", national_id="1101700230708", id_status="thai_id"
    )
    worker = member(Role.CASEWORKER, partner=partner)
    task_complete(
        task=task_claim(task=open_task(case), user=worker),
        user=worker,
        data={"nationality": "thai", "age": "71"},
    )
    case_at(other_partner, client=case.client)
    return case.client


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMINISTRATOR, Role.DATA_PROTECTION])
def test_everything_held_about_a_person_is_exported_and_recorded(client, partner, person, role):
    client.force_login(member(role, partner=partner))
    client.get(url("client_access_log", person.pk))  # a view the file must list
    assert client.get(url("client_subject", person.pk)).status_code == 200
    response = client.get(url("client_subject_export", person.pk), {"format": "json"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["client"]["national_id"] == "1101700230708"
    assert len(data["cases"]) == 2  # both partners' cases
    assert data["cases"][0]["answers"][0]["answers"]["age"] == 71
    assert [r["kind"] for r in data["access_log"]] == ["เปิดดู"]
    html = client.get(url("client_subject_export", person.pk), {"format": "html"})
    assert "มานี" in html.content.decode() and html.status_code == 200
    exports = AccessRecord.objects.filter(client=person, kind=AccessKind.SUBJECT_EXPORT)
    assert exports.count() == 2


def test_the_request_pages_are_refused_to_caseworkers_and_other_partners(client, person):
    client.force_login(member(Role.CASEWORKER, partner=person.registered_by))
    assert client.get(url("client_subject", person.pk)).status_code == 302
    assert client.get(url("client_subject_export", person.pk)).status_code == 302
    client.force_login(member(Role.DATA_PROTECTION))  # a third partner
    assert client.get(url("client_subject", person.pk)).status_code == 404
    assert client.get(url("client_subject_export", person.pk)).status_code == 404
    assert not AccessRecord.objects.filter(kind=AccessKind.SUBJECT_EXPORT).exists()


def close_all(person, outcome="other"):
    supervisor_of = {}
    for case in person.cases.all():
        user = supervisor_of.setdefault(
            case.partner_id, member(Role.SUPERVISOR, partner=case.partner)
        )
        case_close(case=case, user=user, outcome=outcome)


def years_later(years, days=2):
    return timezone.now() + relativedelta(years=years, days=days)


def test_identifying_details_are_removed_years_after_the_last_case_ends(person):
    Outcome.objects.filter(key="other").update(anonymise_after_years=5)
    close_all(person)
    run_scheduler(now=years_later(4))
    person.refresh_from_db()
    assert person.first_name == "มานี" and person.anonymised_at is None
    run_scheduler(now=years_later(5))
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.national_id) == ("", "", "")
    assert person.anonymised_at is not None and person.cases.count() == 2
    assert ClientChange.objects.get(client=person, reason="retention").fields


def test_an_open_case_or_an_outcome_without_a_rule_keeps_the_person(partner, person):
    Outcome.objects.filter(key="other").update(anonymise_after_years=1)
    first = person.cases.order_by("pk").first()
    case_close(case=first, user=member(Role.SUPERVISOR, partner=partner), outcome="other")
    run_scheduler(now=years_later(3))
    person.refresh_from_db()
    assert person.national_id == "1101700230708"  # the other partner's case is still open


def test_a_legal_hold_stops_the_rule_and_releasing_it_checks_again(partner, person):
    Outcome.objects.filter(key="other").update(anonymise_after_years=1)
    officer = member(Role.DATA_PROTECTION, partner=partner)
    client_legal_hold_set(
        client=person, user=officer, partner_id=partner.pk, hold=True, reason="คดีในศาล"
    )
    close_all(person)
    run_scheduler(now=years_later(2))
    person.refresh_from_db()
    assert person.first_name == "มานี" and person.legal_hold
    client_legal_hold_set(client=person, user=officer, partner_id=partner.pk, hold=False)
    # Released long after: the check planned on release acts at once, as of its time.
    person.cases.update(finished=timezone.now() - dt.timedelta(days=800))
    run_scheduler(now=timezone.now() + dt.timedelta(minutes=1))
    person.refresh_from_db()
    assert person.anonymised_at is not None and person.first_name == ""


def test_the_legal_hold_form_needs_a_reason_and_is_kept_as_a_change(client, partner, person):
    client.force_login(member(Role.DATA_PROTECTION, partner=partner))
    refused = client.post(url("client_subject", person.pk), {"hold": "on", "reason": ""})
    assert refused.status_code == 200
    person.refresh_from_db()
    assert not person.legal_hold
    client.post(url("client_subject", person.pk), {"hold": "on", "reason": "หมายศาล"})
    person.refresh_from_db()
    assert person.legal_hold and person.legal_hold_reason == "หมายศาล"
    assert ClientChange.objects.filter(client=person, fields=["legal_hold"]).count() == 1


def test_an_administrator_sets_the_years_on_an_outcome(client, partner):
    admin = member(Role.ADMINISTRATOR, partner=partner)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    outcome = Outcome.objects.get(key="other")
    response = client.get(reverse("outcomes:edit", args=[outcome.pk]))
    assert response.status_code == 200 and "anonymise_after_years" in response.content.decode()
    client.post(
        reverse("outcomes:edit", args=[outcome.pk]),
        {
            "name_th": outcome.name_th,
            "name_en": outcome.name_en,
            "sort_order": 1,
            "anonymise_after_years": "7",
        },
    )
    outcome.refresh_from_db()
    assert outcome.anonymise_after_years == 7


def test_the_outcomes_list_shows_each_outcomes_retention(
    client, partner, django_assert_max_num_queries
):
    admin = member(Role.ADMINISTRATOR, partner=partner)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    Outcome.objects.filter(key="other").update(anonymise_after_years=7)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("outcomes:index")).content.decode()
    assert "ลบข้อมูลระบุตัวตน 7 ปีหลังปิดกรณี" in page
    assert "เก็บไว้ (ไม่มีกำหนดลบ)" in page


def test_the_request_page_says_when_the_person_will_be_removed(
    client, partner, person, django_assert_max_num_queries
):
    client.force_login(member(Role.DATA_PROTECTION, partner=partner))

    def state():
        with django_assert_max_num_queries(25):
            page = client.get(url("client_subject", person.pk)).content.decode()
        return re.search(r'data-retention="(\w+)"><strong>\s*([^<]*)', page).groups()

    assert state()[0] == "open"
    close_all(person)
    assert state()[0] == "kept"  # "other" has no rule yet
    Outcome.objects.filter(key="other").update(anonymise_after_years=5)
    due, text = state()
    assert due == "due" and "จะถูกลบตั้งแต่" in text
    client_legal_hold_set(client=person, user=None, partner_id=partner.pk, hold=True, reason="คดี")
    assert state()[0] == "held"
