"""PDPA: every read and write of a person's data is one access record (who, when, from where,
what, which kind); the pages that record stay within their query bounds."""

import pytest
from django.urls import reverse

from partners.models import Role
from tests.factories import member
from tests.factories_workflows import client_at
from tests.factories_workspace import case_at, open_task
from workflows.models import AccessKind, AccessRecord
from workflows.services.cases import task_claim

ADDRESS = "203.0.113.7"


@pytest.fixture
def caseworker(partner):
    return member(Role.CASEWORKER, partner=partner, username="somchai")


def url(name, *args):
    return reverse(f"workflows_admin:{name}", args=args)


def kinds(**filters) -> list[str]:
    return list(
        AccessRecord.objects.filter(**filters).order_by("id").values_list("kind", flat=True)
    )


def test_viewing_a_client_a_case_and_a_task_is_recorded_with_who_and_where(
    client, partner, caseworker
):
    case = case_at(partner, first_name="มานี")
    task = open_task(case)
    client.force_login(caseworker)
    client.get(url("client", case.client.pk), REMOTE_ADDR=ADDRESS)
    client.get(url("case", case.pk), REMOTE_ADDR=ADDRESS)
    client.get(url("task", task.pk), REMOTE_ADDR=ADDRESS)
    records = list(AccessRecord.objects.filter(client=case.client).order_by("id"))
    assert [r.kind for r in records] == [AccessKind.VIEW] * 3
    assert {r.user_id for r in records} == {caseworker.pk}
    assert {r.username for r in records} == {"somchai"}
    assert {r.address for r in records} == {ADDRESS}
    assert {r.partner_id for r in records} == {partner.pk}
    assert [r.label for r in records][1] == case.reference
    assert "มานี" not in "".join(r.label for r in records)  # labels name no identifying field


def test_the_address_is_the_one_behind_the_trusted_proxy(client, settings, partner, caseworker):
    settings.THIPHUENG_TRUSTED_PROXY_COUNT = 1
    case = case_at(partner)
    client.force_login(caseworker)
    client.get(
        url("case", case.pk),
        HTTP_X_FORWARDED_FOR="not-an-address, 198.51.100.4",
        REMOTE_ADDR="10.0.0.2",
    )
    assert AccessRecord.objects.get(kind=AccessKind.VIEW).address == "198.51.100.4"
    client.get(url("case", case.pk), HTTP_X_FORWARDED_FOR="forged", REMOTE_ADDR="10.0.0.2")
    views = AccessRecord.objects.filter(kind=AccessKind.VIEW)
    assert views.filter(address__isnull=True).count() == 1  # never a 500


def test_claiming_and_completing_a_task_are_recorded(client, partner, caseworker):
    case = case_at(partner)
    task = open_task(case)
    client.force_login(caseworker)
    client.post(url("task_claim", task.pk))
    client.post(url("task_release", task.pk))
    assert kinds(client=case.client) == [AccessKind.CLAIM, AccessKind.RELEASE]


def test_searches_and_the_national_id_lookup_are_recorded(
    client, partner, other_partner, caseworker
):
    theirs = client_at(other_partner, national_id="1101700230708", id_status="thai_id")
    client.force_login(caseworker)
    client.get(url("client_index"), {"q": "มานี"})
    search = AccessRecord.objects.get(kind=AccessKind.SEARCH, detail__q="มานี")
    assert search.detail["q"] == "มานี" and search.client_id is None
    client.get(url("inbox"), {"client": "1-1017-00230-70-8"})
    assert AccessRecord.objects.filter(kind=AccessKind.SEARCH).count() == 2
    response = client.get(url("case_start"), {"client": theirs.pk, "id": "1101700230708"})
    assert response.status_code == 200
    lookup = AccessRecord.objects.get(kind=AccessKind.LOOKUP)
    assert lookup.client_id == theirs.pk and lookup.partner_id == other_partner.pk


def test_a_refused_page_records_nothing(client, partner, other_partner, caseworker):
    case = case_at(other_partner)
    client.force_login(caseworker)
    assert client.get(url("case", case.pk)).status_code == 404
    assert client.get(url("client", case.client.pk)).status_code == 404
    assert not AccessRecord.objects.exclude(kind=AccessKind.LOGIN).exists()


def test_exports_are_recorded_with_their_rows(client, partner, caseworker):
    case_at(partner)
    client.force_login(caseworker)
    response = client.get(url("client_export"), {"format": "csv"})
    b"".join(response.streaming_content)
    export = AccessRecord.objects.get(kind=AccessKind.EXPORT)
    assert export.detail["list"] == "clients" and export.detail["rows"] == 1


def test_logins_are_recorded_successful_and_failed(client, partner, caseworker):
    login = reverse("wagtailadmin_login")
    client.post(login, {"username": "somchai", "password": "wrong"}, REMOTE_ADDR=ADDRESS)
    client.post(login, {"username": "somchai", "password": "secret-pass-123"}, REMOTE_ADDR=ADDRESS)
    failed, signed_in = AccessRecord.objects.order_by("id")
    assert (failed.kind, failed.username, failed.user_id, failed.address) == (
        AccessKind.LOGIN_FAILED,
        "somchai",
        None,
        ADDRESS,
    )
    assert (signed_in.kind, signed_in.user_id) == (AccessKind.LOGIN, caseworker.pk)
    assert "wrong" not in str(failed.detail)


def test_recording_costs_one_insert(client, partner, caseworker, django_assert_num_queries):
    from django.test import RequestFactory

    from workflows.services.audit import record_access

    case = case_at(partner)
    request = RequestFactory().get("/", REMOTE_ADDR=ADDRESS)
    request.user = caseworker
    record_access(request, case)  # the content type is cached after the first
    with django_assert_num_queries(1):
        record_access(request, case, AccessKind.VIEW)


def test_completing_a_task_is_recorded(client, partner, caseworker):
    case = case_at(partner)
    task = task_claim(task=open_task(case), user=caseworker)
    client.force_login(caseworker)
    response = client.post(url("task", task.pk), {"nationality": "thai", "age": "30"})
    assert response.status_code == 302
    assert kinds(client=case.client) == [AccessKind.COMPLETE]


def test_publishing_a_form_is_recorded_with_its_partner(client, partner):
    from tests.factories_forms_admin import form_with_fields, text_fields

    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    definition = form_with_fields(partner, "intake", fields=text_fields(2))
    response = client.post(reverse("forms_builder_admin:publish", args=[definition.pk]))
    assert response.status_code == 302
    published = AccessRecord.objects.get(kind=AccessKind.PUBLISH)
    assert published.partner_id == partner.pk and published.detail == {"version": 1}


def test_a_referral_is_recorded_when_sent_and_answered(partner, other_partner, client):
    from tests.factories_referrals import case_with_answers, send

    worker = member(Role.CASEWORKER, partner=partner)
    case = case_with_answers(partner, worker)
    referral = send(case, worker, other_partner)
    client.force_login(member(Role.CASEWORKER, partner=other_partner))
    client.get(url("referral", referral.pk))
    client.post(url("referral_action", referral.pk, "decline"), {"reason": "no_capacity"})
    assert kinds(client=case.client) == [AccessKind.VIEW, AccessKind.CHANGE]
