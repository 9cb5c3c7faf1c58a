"""Public reports: routing by DOPA area, one transaction, urgency, and closing as an outcome."""

from unittest import mock

import pytest
from viewflow.workflow.status import PROCESS, STATUS
from wagtail.models import ModelLogEntry

from forms_builder.models import AnswerFile, AnswerSet
from partners.demo import demo_username
from partners.models import Partner, Role, User
from tests.factories_reports import jpeg, report_data, report_form, report_network
from workflows.errors import TaskNotAvailable, WorkflowError
from workflows.models import Case, CaseSource, CaseTask, Client, PublicReport, ReporterContact
from workflows.selectors.reports import reference_normalize
from workflows.services.cases import CASE_CLOSE_ACTION
from workflows.services.public_reports import (
    REFERENCE_ALPHABET,
    partner_for_area,
    public_report_submit,
    report_mark_duplicate,
    report_mark_not_actionable,
)


@pytest.fixture
def network(db):
    return report_network()


def worker(partner: Partner, role=Role.CASEWORKER) -> User:
    return User.objects.get(username=demo_username(partner.code, role))


@pytest.mark.parametrize(
    ("area_code", "expected"),
    [
        ("200402", "pattaya"),  # Nong Prue
        ("200408", "pattaya"),  # Na Kluea
        ("200703", "laem-chabang"),  # Thung Sukhla
        ("200704", "laem-chabang"),
        ("200705", "laem-chabang"),
        ("200702", "chao-phraya-surasak"),  # Surasak
        ("200101", "chonburi-center"),  # Mueang Chon Buri: no municipality of the network
        ("2004", "chonburi-center"),  # only the district is known
        ("", "chonburi-center"),
    ],
)
def test_a_place_in_the_province_goes_to_the_partner_serving_it(network, area_code, expected):
    partner, outside = partner_for_area(area_code=area_code)
    assert (partner.code, outside) == (expected, False)


def test_a_place_outside_every_partners_province_goes_to_the_center_with_a_flag(network):
    partner, outside = partner_for_area(area_code="100101")  # Bangkok, Phra Nakhon
    assert (partner.code, outside) == ("chonburi-center", True)


def test_an_inactive_partner_does_not_take_reports(network):
    Partner.objects.filter(code="pattaya").update(is_active=False)
    assert partner_for_area(area_code="200402")[0].code == "chonburi-center"


def test_a_report_starts_an_urgent_case_whose_first_task_waits_in_the_partners_queue(network):
    form = report_form(report_data("200402", is_child="yes"), files={"photo": jpeg()})
    report = public_report_submit(
        form=form,
        reporter={"name": "สมศรี", "phone": "0812345678", "consent_text": "ข้าพเจ้ายินยอม"},
        consent=True,
    )
    case = report.case
    assert case.partner.code == "pattaya"
    assert (case.source, case.urgent, report.urgent) == (CaseSource.PUBLIC_REPORT, True, True)
    task = CaseTask.objects.get(process=case, step__isnull=False)
    assert (task.status, task.partner.code, task.urgent) == (STATUS.NEW, "pattaya", True)
    assert report.area_code == "200402" and not report.outside_province
    assert case.client.registered_by.code == "pattaya"
    assert case.client.found_area_code == "200402"
    assert case.client.found_place == "หน้าตลาด ต.หนองปรือ อ.บางละมุง จ.ชลบุรี"
    assert case.client.display_name == "(name unknown)" or case.client.first_name == ""
    assert AnswerFile.objects.get(answer_set=report.answer_set).field_key == "photo"
    contact = ReporterContact.objects.get(report=report)
    assert (contact.name, contact.phone, contact.consent_to_contact) == ("สมศรี", "0812345678", True)
    assert contact.consented_at is not None
    assert "name" not in report.answer_set.data and "phone" not in report.answer_set.data


def test_a_report_nobody_called_urgent_is_not_urgent(network):
    report = public_report_submit(form=report_form(report_data("200703", is_child="no")))
    assert report.case.partner.code == "laem-chabang"
    assert not report.urgent and not report.case.urgent


def test_a_report_from_bangkok_lands_at_the_center_flagged(network):
    report = public_report_submit(form=report_form(report_data("100101")))
    assert report.case.partner.code == "chonburi-center" and report.outside_province


def test_contact_without_consent_is_not_kept(network):
    report = public_report_submit(
        form=report_form(), reporter={"name": "สมศรี", "phone": "0812345678"}, consent=False
    )
    assert not ReporterContact.objects.filter(report=report).exists()


def test_a_partner_without_a_chosen_process_hands_its_reports_to_the_center(network):
    network["pattaya"].public_report_setting.delete()
    report = public_report_submit(form=report_form(report_data("200402")))
    assert report.case.partner.code == "chonburi-center"


def test_references_are_random_readable_and_unique(network):
    references = {public_report_submit(form=report_form()).reference for _ in range(5)}
    assert len(references) == 5
    assert all(len(r) == 10 and set(r) <= set(REFERENCE_ALPHABET) for r in references)
    assert reference_normalize(" k7qx-3m9 pta ") == "K7QX3M9PTA"


def test_an_error_while_starting_the_case_leaves_nothing_behind(network, settings, tmp_path):
    private = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**private, "OPTIONS": {"location": tmp_path}},
    }
    form = report_form(files={"photo": jpeg()})
    with (
        mock.patch(
            "workflows.services.public_reports.case_start", side_effect=RuntimeError("engine down")
        ),
        pytest.raises(RuntimeError),
    ):
        public_report_submit(form=form, reporter={"name": "สมศรี"}, consent=True)
    assert not PublicReport.objects.exists()
    assert not (AnswerSet.objects.exists() or AnswerFile.objects.exists())
    assert not Client.objects.exists() and not Case.objects.exists()
    assert not ReporterContact.objects.exists()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_no_center_and_no_setting_is_a_clear_error_and_nothing_is_written(db):
    network = report_network()
    for partner in network.values():
        partner.public_report_setting.delete()
    with pytest.raises(WorkflowError):
        public_report_submit(form=report_form())
    assert not PublicReport.objects.exists() and not Client.objects.exists()


def test_marking_a_duplicate_cancels_the_open_task_and_closes_the_case(network):
    pattaya = network["pattaya"]
    first = public_report_submit(form=report_form()).case
    second = public_report_submit(form=report_form()).case
    report_mark_duplicate(case=second, of_case=first, user=worker(pattaya))
    second.refresh_from_db()
    assert (second.status, second.outcome) == (PROCESS.DONE, "duplicate")
    assert second.finished is not None
    task = CaseTask.objects.get(process=second, step__isnull=False)
    assert task.status == STATUS.CANCELED
    assert PublicReport.objects.get(case=second).duplicate_of == first
    entry = ModelLogEntry.objects.get(action=CASE_CLOSE_ACTION, object_id=str(second.pk))
    assert entry.data["outcome"] == "duplicate" and entry.data["duplicate_of"] == first.pk
    with pytest.raises(WorkflowError):
        report_mark_not_actionable(case=second, user=worker(pattaya))


def test_not_actionable_closes_the_case_even_when_a_worker_holds_its_task(network):
    from workflows.services.cases import task_claim, task_complete

    pattaya = network["pattaya"]
    case = public_report_submit(form=report_form()).case
    task_claim(task=CaseTask.objects.get(process=case, step__isnull=False), user=worker(pattaya))
    report_mark_not_actionable(case=case, user=worker(pattaya, Role.SUPERVISOR))
    case.refresh_from_db()
    assert (case.status, case.outcome) == (PROCESS.DONE, "not_actionable")
    assert not CaseTask.objects.filter(process=case, status__in=["NEW", "ASSIGNED"]).exists()
    held = CaseTask.objects.get(process=case, step__isnull=False)
    with pytest.raises(WorkflowError):  # the worker who held it can no longer finish it
        task_complete(task=held, user=worker(pattaya), data={"nationality": "thai", "age": "40"})


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINISTRATOR])
def test_another_partners_people_cannot_mark_a_report(network, role):
    case = public_report_submit(form=report_form()).case
    outsider = worker(network["laem-chabang"], role)
    own = public_report_submit(form=report_form(report_data("200703"))).case
    with pytest.raises(TaskNotAvailable):
        report_mark_not_actionable(case=case, user=outsider)
    with pytest.raises(TaskNotAvailable):
        report_mark_duplicate(case=own, of_case=case, user=outsider)
    case.refresh_from_db()
    own.refresh_from_db()
    assert case.status == own.status == PROCESS.NEW


def test_a_case_not_from_the_public_cannot_be_marked(network):
    from tests.factories_workflows import client_at
    from workflows.services.cases import case_start

    pattaya = network["pattaya"]
    case = case_start(
        partner=pattaya,
        client=client_at(pattaya),
        definition=pattaya.public_report_setting.process_definition,
    )
    with pytest.raises(TaskNotAvailable):
        report_mark_not_actionable(case=case, user=worker(pattaya))
