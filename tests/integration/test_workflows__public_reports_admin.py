"""The case page's public report panel, the photo, marking a report, and choosing the process:
the handling partner sees the reporter's contact; other partners see nothing (404)."""

import pytest
from django.urls import reverse
from viewflow.workflow.status import PROCESS

from forms_builder.models import AnswerFile
from partners.demo import demo_username
from partners.models import Role, User
from tests.factories_reports import (
    jpeg,
    report_data,
    report_form,
    report_network,
    shared_process,
)
from workflows.models import (
    AccessKind,
    AccessRecord,
    Case,
    ProcessDefinition,
    PublicReportSetting,
)
from workflows.services.public_reports import public_report_submit

OUTSIDERS = [Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINISTRATOR]


@pytest.fixture
def network(db, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return report_network()


@pytest.fixture
def report(network):
    form = report_form(report_data("200402", in_danger="yes"), files={"photo": jpeg()})
    return public_report_submit(
        form=form,
        reporter={"name": "นางสมศรี แจ้งเหตุ", "phone": "0812345678", "email": "somsri@example.com"},
        consent=True,
    )


def person(code: str, role=Role.CASEWORKER) -> User:
    return User.objects.get(username=demo_username(code, role))


def photo_url(report) -> str:
    answer_file = AnswerFile.objects.get(answer_set=report.answer_set)
    return reverse("workflows_reports:answer_file", args=[answer_file.uuid])


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR])
def test_the_handling_partner_sees_the_report_its_photo_and_the_reporter(client, report, role):
    client.force_login(person("pattaya", role))
    response = client.get(reverse("workflows_admin:case", args=[report.case.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert report.reference in html and 'id="public-report"' in html
    assert "นางสมศรี แจ้งเหตุ" in html and "0812345678" in html
    assert photo_url(report) in html
    assert "ชายสูงอายุนอนอยู่ริมถนน" in html  # the answers
    assert reverse("workflows_reports:not_actionable", args=[report.case.pk]) in html
    photo = client.get(photo_url(report))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    assert "no-store" in photo["Cache-Control"]
    assert b"".join(photo.streaming_content)[:2] == b"\xff\xd8"
    download = AccessRecord.objects.get(kind=AccessKind.DOWNLOAD)
    assert download.client_id == report.case.client_id and download.label == report.case.reference


def test_the_partners_administrator_sees_the_contact_but_cannot_mark(client, report):
    client.force_login(person("pattaya", Role.ADMINISTRATOR))
    html = client.get(reverse("workflows_admin:case", args=[report.case.pk])).content.decode()
    assert "0812345678" in html
    assert reverse("workflows_reports:not_actionable", args=[report.case.pk]) not in html


@pytest.mark.parametrize("role", OUTSIDERS)
def test_another_partner_sees_no_case_no_photo_no_contact_and_cannot_mark(client, report, role):
    client.force_login(person("laem-chabang", role))
    case = report.case
    responses = [
        client.get(reverse("workflows_admin:case", args=[case.pk])),
        client.get(photo_url(report)),
        client.post(reverse("workflows_reports:not_actionable", args=[case.pk])),
        client.post(
            reverse("workflows_reports:duplicate", args=[case.pk]), {"reference": case.reference}
        ),
    ]
    if role == Role.ADMINISTRATOR:
        # Not a worker: the workspace sends them back to the dashboard before any lookup.
        assert responses[0].status_code == 404 and responses[1].status_code == 404
        assert all(r.status_code in (302, 404) for r in responses[2:])
    else:
        assert [r.status_code for r in responses] == [404, 404, 404, 404]
    for response in responses:
        assert b"0812345678" not in response.content
    case.refresh_from_db()
    assert case.status == PROCESS.NEW and case.outcome == ""


def test_communications_staff_of_the_partner_do_not_get_the_photo(client, report):
    client.force_login(person("pattaya", Role.COMMUNICATIONS))
    assert client.get(photo_url(report)).status_code in (302, 403, 404)
    assert client.get(reverse("workflows_admin:case", args=[report.case.pk])).status_code != 200


def test_a_worker_marks_a_report_as_a_duplicate_by_the_other_reports_reference(client, report):
    first = public_report_submit(form=report_form(report_data("200408")))
    client.force_login(person("pattaya"))
    url = reverse("workflows_reports:duplicate", args=[report.case.pk])
    response = client.post(url, {"reference": first.reference.lower()}, follow=True)
    assert response.status_code == 200
    case = Case.objects.get(pk=report.case.pk)
    assert (case.status, case.outcome) == (PROCESS.DONE, "duplicate")
    report.refresh_from_db()
    assert report.duplicate_of_id == first.case.pk
    html = response.content.decode()
    assert first.case.reference in html and 'data-outcome="duplicate"' in html
    assert reverse("workflows_reports:not_actionable", args=[case.pk]) not in html


def test_an_unknown_or_foreign_reference_changes_nothing(client, report, network):
    foreign = public_report_submit(form=report_form(report_data("200703")))
    client.force_login(person("pattaya"))
    url = reverse("workflows_reports:duplicate", args=[report.case.pk])
    for reference in ("ZZZZZZZZZZ", foreign.reference, foreign.case.reference, "<script>"):
        response = client.post(url, {"reference": reference}, follow=True)
        assert response.status_code == 200
        assert b"<script>" not in response.content
    assert Case.objects.get(pk=report.case.pk).status == PROCESS.NEW


def test_a_worker_marks_a_report_not_actionable(client, report):
    client.force_login(person("pattaya", Role.SUPERVISOR))
    client.post(reverse("workflows_reports:not_actionable", args=[report.case.pk]))
    case = Case.objects.get(pk=report.case.pk)
    assert (case.status, case.outcome) == (PROCESS.DONE, "not_actionable")


def test_a_get_does_not_mark(client, report):
    client.force_login(person("pattaya"))
    response = client.get(reverse("workflows_reports:not_actionable", args=[report.case.pk]))
    assert response.status_code == 405


def test_a_partner_administrator_chooses_only_their_own_partners_process(client, network):
    pattaya, laem = network["pattaya"], network["laem-chabang"]
    client.force_login(person("pattaya", Role.ADMINISTRATOR))
    listing = client.get(reverse("workflows_reports:settings")).content.decode()
    assert 'data-partner="pattaya"' in listing and 'data-partner="laem-chabang"' not in listing
    assert client.get(reverse("workflows_reports:setting_edit", args=[laem.pk])).status_code == 404
    url = reverse("workflows_reports:setting_edit", args=[pattaya.pk])
    other = laem.public_report_setting.process_definition
    response = client.post(url, {"process_definition": other.pk})
    assert response.status_code == 200  # refused: another partner's process is no choice
    unpublished = ProcessDefinition.objects.create(key="draft-only", name_th="ร่าง", kind="intake")
    assert client.post(url, {"process_definition": unpublished.pk}).status_code == 200
    assert PublicReportSetting.objects.get(partner=pattaya).process_definition.partner == pattaya
    shared = shared_process()
    assert client.post(url, {"process_definition": shared.pk}).status_code == 302
    assert PublicReportSetting.objects.get(partner=pattaya).process_definition == shared
    response = client.post(
        reverse("workflows_reports:setting_edit", args=[laem.pk]),
        {"process_definition": other.pk},
    )
    assert response.status_code == 404


def test_a_central_administrator_chooses_for_any_partner(client, network):
    laem = network["laem-chabang"]
    process = shared_process()
    client.force_login(person("chonburi-center", Role.ADMINISTRATOR))
    listing = client.get(reverse("workflows_reports:settings")).content.decode()
    assert 'data-partner="laem-chabang"' in listing and 'data-partner="pattaya"' in listing
    response = client.post(
        reverse("workflows_reports:setting_edit", args=[laem.pk]),
        {"process_definition": process.pk},
    )
    assert response.status_code == 302
    assert PublicReportSetting.objects.get(partner=laem).process_definition == process


def test_caseworkers_cannot_open_the_settings(client, network):
    client.force_login(person("pattaya"))
    assert client.get(reverse("workflows_reports:settings")).status_code == 302


def test_the_case_page_with_a_report_reads_a_bounded_number_of_rows(
    client, report, django_assert_max_num_queries
):
    client.force_login(person("pattaya"))
    url = reverse("workflows_admin:case", args=[report.case.pk])
    client.get(url)
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200
