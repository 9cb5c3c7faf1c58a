"""Referral letters to organizations outside the network: administrators keep the organizations
and templates; a caseworker writes a letter on a basis for sharing (a §26 answer only when the
basis allows it), reads it as a print view and a Thai PDF, and the case asks to confirm the person
arrived. Another partner sees nothing."""

import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_partners import central_administrator
from tests.factories_referrals import case_with_answers, consent
from thai.dates import format_thai_date
from workflows.errors import WorkflowError
from workflows.letters_pdf import letter_pdf
from workflows.models import (
    CaseEvent,
    CaseEventKind,
    ExternalOrganization,
    LegalBasis,
    LetterTemplate,
    ReferralLetter,
    ReferralTodo,
    ReferralTodoKind,
)
from workflows.services.letters import referral_letter_write
from workflows.services.referrals import referral_todo_done

BODY = (
    "ด้วย ${partner} ขอส่งตัว ${client} เพื่อรับบริการ\n"
    "ข้อมูลผู้รับบริการ\n${client_details}\nเหตุผล ${reason}\nติดต่อ ${contact}"
)


@pytest.fixture
def worker(partner):
    return member(Role.CASEWORKER, partner=partner)


@pytest.fixture
def case(partner, worker):
    partner.phone, partner.contact_person = "038-000-111", "คุณสมศรี"
    partner.save(update_fields=["phone", "contact_person"])
    return case_with_answers(partner, worker)


@pytest.fixture
def hospital(db):
    return ExternalOrganization.objects.create(
        key="chonburi_hospital",
        name_th="โรงพยาบาลชลบุรี",
        kind="hospital",
        address="69 ถนนสุขุมวิท ตำบลบ้านโขด อำเภอเมืองชลบุรี",
    )


@pytest.fixture
def template(db):
    return LetterTemplate.objects.create(
        key="standard", name_th="หนังสือส่งตัวทั่วไป", subject="ขอส่งตัว ${client}", body=BODY
    )


def write(case, worker, hospital, template, **overrides):
    details = {
        "reason": "ต้องการการรักษา",
        "field_keys": ["age", "health"],
        **consent(),
        **overrides,
    }
    details.pop("consent_scope", None)
    return referral_letter_write(
        case=case, user=worker, organization=hospital, template=template, **details
    )


def test_a_letter_fills_the_template_withholds_section_26_and_asks_to_confirm_arrival(
    case, worker, hospital, template
):
    letter = write(case, worker, hospital, template)
    name = case.client.display_name
    assert letter.subject == f"ขอส่งตัว {name}"
    assert f"ขอส่งตัว {name}" in letter.body and "ต้องการการรักษา" in letter.body
    assert "อายุ: 67" in letter.body and "038-000-111" in letter.body
    assert "เบาหวาน" not in letter.body and [w["key"] for w in letter.withheld] == ["health"]
    todo = ReferralTodo.objects.get(letter=letter)
    assert todo.kind == ReferralTodoKind.CONFIRM_ARRIVAL and todo.case == case
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.REFERRAL_LETTER).exists()
    referral_todo_done(todo=todo, user=worker, note="ถึงโรงพยาบาลแล้ว")


def test_a_basis_allowing_sensitive_data_lets_the_answer_into_the_letter(
    case, worker, hospital, template
):
    vital = LegalBasis.objects.get(key="vital_interest")
    letter = write(case, worker, hospital, template, basis="legal", legal_basis=vital)
    assert ("เบาหวาน" in letter.body) == vital.allows_sensitive


def test_nothing_is_written_without_a_basis_a_reason_or_by_another_partner(
    case, worker, hospital, template
):
    with pytest.raises(WorkflowError):
        write(case, worker, hospital, template, consent_given_by="")
    with pytest.raises(WorkflowError):
        write(case, worker, hospital, template, reason=" ")
    stranger = member(Role.CASEWORKER, partner=PartnerFactory())
    with pytest.raises(WorkflowError):
        write(case, stranger, hospital, template)
    hospital.is_active = False
    hospital.save(update_fields=["is_active"])
    with pytest.raises(WorkflowError):
        write(case, worker, hospital, template)
    assert not ReferralLetter.objects.exists() and not ReferralTodo.objects.exists()


def test_a_template_with_an_unknown_placeholder_is_refused_in_the_admin(client, db):
    client.force_login(central_administrator())
    response = client.post(
        reverse("letter_templates:add"),
        {"key": "bad", "name_th": "ผิด", "subject": "x", "body": "${nonsense}", "is_active": "on"},
    )
    assert response.status_code == 200 and "nonsense" in response.content.decode()
    assert not LetterTemplate.objects.exists()
    response = client.post(
        reverse("external_organizations:add"),
        {"key": "immigration", "name_th": "ตม.ชลบุรี", "kind": "immigration", "is_active": "on"},
    )
    assert response.status_code == 302 and ExternalOrganization.objects.get().kind == "immigration"


def test_partner_staff_do_not_open_the_lists(client, partner):
    for name in ("external_organizations", "letter_templates"):
        for role in (Role.ADMINISTRATOR, Role.SUPERVISOR, Role.CASEWORKER):
            client.force_login(member(role, partner=partner))
            assert client.get(reverse(f"{name}:index")).status_code == 302


def test_the_case_page_writes_a_letter_shown_for_print_and_as_a_pdf(
    client, case, worker, hospital, template
):
    client.force_login(worker)
    page = client.get(reverse("workflows_admin:case", args=[case.pk])).content.decode()
    write_url = reverse("workflows_admin:case_letter", args=[case.pk])
    assert write_url in page
    form = client.get(write_url).content.decode()
    assert "โรงพยาบาลชลบุรี" in form and "data-sensitive-rule" in form
    today = timezone.localdate()
    response = client.post(
        write_url,
        {
            "organization": hospital.pk,
            "template": template.pk,
            "reason": "ต้องการการรักษา",
            "field_keys": ["age"],
            "basis": "consent",
            "consent_given_by": "ผู้รับบริการ",
            "consent_given_on": f"{today.day:02d}/{today.month:02d}/{today.year + 543}",
        },
    )
    letter = ReferralLetter.objects.get()
    assert response.url == reverse("workflows_admin:letter", args=[letter.pk])
    view = client.get(response.url).content.decode()
    assert format_thai_date(today, language="th") in view and str(today.year + 543) in view
    assert "โรงพยาบาลชลบุรี" in view and "letter.css" in view
    pdf = client.get(reverse("workflows_admin:letter_pdf", args=[letter.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    page = client.get(reverse("workflows_admin:case", args=[case.pk])).content.decode()
    assert 'data-referral-todo="confirm_arrival"' in page and "ไปถึงแล้ว" in page
    stranger = member(Role.CASEWORKER, partner=PartnerFactory())
    client.force_login(stranger)
    assert client.get(reverse("workflows_admin:letter", args=[letter.pk])).status_code == 404
    assert client.get(reverse("workflows_admin:letter_pdf", args=[letter.pk])).status_code == 404
    assert client.get(write_url).status_code == 404


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_reads_back_in_thai_with_the_buddhist_era_date(
    case, worker, hospital, template, tmp_path
):
    letter = write(case, worker, hospital, template)
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter_pdf(letter))
    reader = [shutil.which("pdftotext"), str(path), "-"]
    text = subprocess.run(reader, capture_output=True, text=True, check=True).stdout  # noqa: S603
    text = "".join(text.split())  # the reader may split a mark from its letter; glyphs are right
    assert "โรงพยาบาลชลบุรี" in text and "ต้องการการรักษา" in text and "ขอส่งตัว" in text
    assert str(timezone.localdate().year + 543) in text


def test_the_demo_network_bundle_has_chonburis_organizations_and_a_template(db):
    from forms_builder.demo import demo_bundle
    from workflows.serialization import bundle_import

    bundle_import(document=demo_bundle("network"))
    kinds = set(ExternalOrganization.objects.values_list("kind", flat=True))
    assert {"hospital", "immigration", "child_protection"} <= kinds
    template = LetterTemplate.objects.get(key="standard_referral")
    template.full_clean()
    assert "${client_details}" in template.body


SIGNED = "ขอแสดงความนับถือ\nผู้ประสานงาน ${contact}\nวันที่ ${date}"


@pytest.mark.parametrize("person", ["คุณสมศรี", ""])
def test_the_coordinator_is_the_contact_person_and_the_hotline_is_a_phone(
    case, worker, hospital, template, person, tmp_path
):
    """Not "ผู้ประสานงาน 1337": the coordinator line names the partner's contact person (none
    when it has none), the number is labelled a phone, also in a template that wrote
    "ผู้ประสานงาน" before ${contact} itself (as the demo's did), on the page and in the PDF."""
    partner = case.partner
    partner.phone, partner.email, partner.contact_person = "1337", "pattaya@example.org", person
    partner.save(update_fields=["phone", "email", "contact_person"])
    template.body = SIGNED
    template.save(update_fields=["body"])
    letter = write(case, worker, hospital, template)
    lines = letter.body.splitlines()
    assert "โทรศัพท์ 1337" in lines and "อีเมล pattaya@example.org" in lines
    assert "ผู้ประสานงาน 1337" not in letter.body and "ผู้ประสานงาน โทรศัพท์" not in letter.body
    if person:
        assert lines.count("ผู้ประสานงาน คุณสมศรี") == 1
    else:
        assert "ผู้ประสานงาน" not in letter.body
    assert lines[0] == "ขอแสดงความนับถือ" and lines[-1].startswith("วันที่ ")
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter_pdf(letter))
    if shutil.which("pdftotext"):
        reader = [shutil.which("pdftotext"), str(path), "-"]
        text = subprocess.run(reader, capture_output=True, text=True, check=True).stdout  # noqa: S603
        text = "".join(text.split())
        assert "โทรศัพท์1337" in text and "ผู้ประสานงาน1337" not in text
        assert ("ผู้ประสานงานคุณสมศรี" in text) == bool(person)


def test_the_letter_page_labels_the_partners_phone(client, case, worker, hospital, template):
    letter = write(case, worker, hospital, template)
    client.force_login(worker)
    page = client.get(reverse("workflows_admin:letter", args=[letter.pk])).content.decode()
    assert "<p data-letter-contact>โทรศัพท์ 038-000-111</p>" in page


def test_the_demo_template_signs_with_the_contact_lines_alone():
    from pathlib import Path

    bundle = Path("demo/definitions/network.json").read_text(encoding="utf-8")
    assert "${contact}" in bundle and "ผู้ประสานงาน ${contact}" not in bundle
