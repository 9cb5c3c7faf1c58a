"""Retention removes the person everywhere the network wrote them down, in one transaction, and
deletes their files only after it commits; a legal hold stops all of it."""

from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.log_actions import log

from forms_builder.models import AnswerFile, AnswerSet, private_storage
from partners.models import Role
from scheduling.services import run_scheduler
from tests.factories import member
from tests.factories_referrals import ANSWERS, consent, intake_process, screening_with_sensitive
from tests.factories_reports import jpeg, report_data, report_form, report_network
from tests.factories_workspace import open_task
from workflows.models import (
    AccessKind,
    Case,
    ClientChange,
    ClientImport,
    ExternalOrganization,
    LetterTemplate,
    Outcome,
    PublicReport,
    ReferralTodo,
)
from workflows.services.audit import record_access
from workflows.services.cases import case_close, case_start, task_claim, task_complete
from workflows.services.letters import referral_letter_write
from workflows.services.public_reports import public_report_submit
from workflows.services.referrals import referral_accept, referral_send, referral_todo_done
from workflows.services.retention import client_anonymise, client_legal_hold_set

# Everything that identifies the person, each unusual enough to be found anywhere by a scan.
PERSON = {
    "first_name": "ประพันธ์ศักดิ์",
    "last_name": "วงศ์ไพบูลย์ทรัพย์",
    "name_en": "Praphansak Wongpaiboon",
    "aliases": "ลุงพันธ์ทองคำ",
    "national_id": "3100600256521",
    "document_number": "AA7719243",
    "source_reference": "REG-OLD-55127",
}
CASE_REFERENCE = "ทะเบียนเดิม-88431"
REPORTER = {"name": "นางสุดารัตน์ผู้แจ้ง", "phone": "0819988776", "email": "sudarat.x@example.org"}
PLACE = "ซอยวัดหนองใหญ่ 14"
LATITUDE, LONGITUDE = "12.934871", "100.883519"
TRACES = [*PERSON.values(), CASE_REFERENCE, *REPORTER.values(), PLACE, LATITUDE, LONGITUDE]


def text_of(value) -> str:
    return str(value) if value is not None else ""


def traces_left() -> list[str]:
    """Every row of every table that still holds one of the person's details."""
    found = []
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(
                f, models.CharField | models.TextField | models.JSONField | models.DecimalField
            )
        ]
        if not fields or model._meta.proxy:
            continue
        for row in model.objects.values_list(*fields):
            text = " ".join(text_of(value) for value in row)
            found += [f"{model._meta.label}: {t}" for t in TRACES if t.lower() in text.lower()]
    return found


@pytest.fixture
def known_everywhere(db):
    """A person reported by the public, then served at one partner and referred to another."""
    network = report_network()
    pattaya, receiver = network["pattaya"], network["chonburi-center"]
    report = public_report_submit(
        form=report_form(
            report_data(location_5=PLACE, description=f"{PERSON['first_name']} นอนริมถนน"),
            files={"photo": jpeg()},
        ),
        reporter=REPORTER,
        consent=True,
    )
    PublicReport.objects.filter(pk=report.pk).update(
        latitude=Decimal(LATITUDE), longitude=Decimal(LONGITUDE)
    )
    person = report.case.client
    for name, value in PERSON.items():
        setattr(person, name, value)
    person.photo.save("face.jpg", ContentFile(b"face"), save=False)
    person.save()
    log(instance=person, action="wagtail.edit", title=person.display_name)

    worker = member(Role.CASEWORKER, partner=pattaya)
    case = case_start(partner=pattaya, client=person, definition=screening_with_sensitive(pattaya))
    Case.objects.filter(pk=case.pk).update(source_reference=CASE_REFERENCE)
    task_complete(
        task=task_claim(task=open_task(case), user=worker),
        user=worker,
        data={**ANSWERS, "story": f"{PERSON['aliases']} เล่าว่าเคยอยู่ {PLACE}"},
    )
    referral = referral_send(
        case=case,
        user=worker,
        receiving_partner=receiver,
        reason=f"{PERSON['first_name']} ต้องการที่พัก",
        field_keys=["age", "health", "story"],
        consent_photo=jpeg("consent.jpg"),
        **consent(consent_given_by=PERSON["first_name"], consent_sensitive=True),
    )
    referral_accept(
        referral=referral,
        user=member(Role.CASEWORKER, partner=receiver),
        definition=intake_process(receiver),
    )
    letter = referral_letter_write(
        case=case,
        user=worker,
        organization=ExternalOrganization.objects.create(
            key="hospital", name_th="โรงพยาบาล", kind="hospital"
        ),
        template=LetterTemplate.objects.create(
            key="std", name_th="หนังสือ", subject="ส่งตัว ${client}", body="${client_details}"
        ),
        reason="รักษา",
        field_keys=["age", "story"],
        **{k: v for k, v in consent().items() if k != "consent_scope"},
    )
    referral_todo_done(
        todo=ReferralTodo.objects.get(letter=letter),
        user=worker,
        note=f"{PERSON['first_name']} ถึงแล้ว",
    )
    record_access(None, kind=AccessKind.SEARCH, user=worker, detail={"q": PERSON["national_id"]})
    Query.get(PERSON["last_name"]).add_hit()
    kept = private_storage().save("imports/register.csv", ContentFile(PERSON["national_id"]))
    ClientImport.objects.create(
        partner=pattaya, created_by=worker, file_name="register.csv", file_path=kept, status="done"
    )
    return person


def files_of(person) -> list[tuple]:
    """(storage, name) of every file about the person."""
    files = [(person.photo.storage, person.photo.name)]
    files += [(a.file.storage, a.file.name) for a in AnswerFile.objects.all()]
    files += [(r.consent_photo.storage, r.consent_photo.name) for r in person.referrals.all()]
    files += [(private_storage(), i.file_path) for i in ClientImport.objects.all()]
    return files


def exist(files) -> list[bool]:
    return [storage.exists(name) for storage, name in files]


def end_all_cases_and_wait(person, years=2):
    Outcome.objects.filter(key="other").update(anonymise_after_years=1)
    for case in Case.objects.filter(client=person):
        case_close(case=case, user=member(Role.SUPERVISOR, partner=case.partner), outcome="other")
    run_scheduler(now=timezone.now() + relativedelta(years=years))
    person.refresh_from_db()


def test_retention_leaves_nothing_identifying_anywhere(
    known_everywhere, django_capture_on_commit_callbacks
):
    person = known_everywhere
    stored = files_of(person)
    assert exist(stored) == [True] * 4
    assert len(set(traces_left())) >= len(TRACES) - 1  # the scan sees the person before
    countable = {a.pk: a.data.get("age") for a in AnswerSet.objects.filter(data__has_key="age")}
    with django_capture_on_commit_callbacks(execute=True):
        end_all_cases_and_wait(person)
    assert person.anonymised_at is not None
    assert traces_left() == []
    assert exist(stored) == [False] * 4
    assert not person.photo and not AnswerFile.objects.exists()
    # What can be counted stays: the cases, their outcomes, ages and choices.
    assert Case.objects.filter(client=person, outcome="other").count() == 3
    assert {
        a.pk: a.data.get("age") for a in AnswerSet.objects.filter(pk__in=countable)
    } == countable


def test_a_legal_hold_keeps_everything(known_everywhere):
    person = known_everywhere
    officer = member(Role.DATA_PROTECTION, partner=person.registered_by)
    client_legal_hold_set(
        client=person, user=officer, partner_id=person.registered_by_id, hold=True, reason="คดี"
    )
    stored = files_of(person)
    before = sorted(traces_left())
    end_all_cases_and_wait(person, years=5)
    assert person.anonymised_at is None and person.national_id == PERSON["national_id"]
    assert sorted(traces_left()) == before
    assert exist(stored) == [True] * 4


def test_a_retention_that_fails_half_way_changes_nothing_and_keeps_the_files(
    known_everywhere, monkeypatch
):
    person = known_everywhere
    stored = files_of(person)
    before = sorted(traces_left())

    def refuse(**_kwargs):
        raise RuntimeError("disk full")

    # The last write of the anonymisation fails: everything before it must roll back.
    monkeypatch.setattr(ClientChange.objects, "create", refuse)
    with pytest.raises(RuntimeError):
        client_anonymise(client=person, reason="retention")
    person.refresh_from_db()
    assert person.anonymised_at is None and sorted(traces_left()) == before
    assert exist(stored) == [True] * 4
