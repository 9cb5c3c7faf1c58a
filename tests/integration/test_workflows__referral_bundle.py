"""Referrals in the JSON definitions bundle: a "refer" step's settings (checked by the schema),
and the legal bases, external organizations and letter templates (added by key when missing,
left alone when present, refused whole when one is invalid)."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from forms_builder.models import FormDefinition
from tests.integration.test_workflows__refer_step import refer_process
from workflows.models import ExternalOrganization, LegalBasis, LetterTemplate, ProcessDefinition
from workflows.serialization import bundle_export, bundle_import


@pytest.fixture
def lists(db):
    ExternalOrganization.objects.create(
        key="immigration_chonburi", name_th="ตรวจคนเข้าเมืองจังหวัดชลบุรี", kind="immigration"
    )
    LetterTemplate.objects.create(
        key="standard", name_th="หนังสือส่งตัว", subject="ขอส่งตัว ${client}", body="${reason}"
    )


def export(**kwargs):
    return bundle_export(
        processes=ProcessDefinition.objects.all(), forms=FormDefinition.objects.all(), **kwargs
    )


def wipe():
    ProcessDefinition.objects.all().delete()
    FormDefinition.objects.all().delete()
    ExternalOrganization.objects.all().delete()
    LetterTemplate.objects.all().delete()
    LegalBasis.objects.filter(key="court_order").delete()


def test_the_refer_step_and_the_lists_round_trip_through_an_empty_database(
    partner, other_partner, lists, tmp_path
):
    refer_process(partner, partner=other_partner.code)
    LegalBasis.objects.create(key="court_order", name_th="คำสั่งศาล", allows_sensitive=True)
    path = tmp_path / "bundle.json"
    call_command("export_definitions", output=str(path), referral_lists=True)
    first = json.loads(path.read_text(encoding="utf-8"))
    step = first["processes"][0]["versions"][0]["steps"][1]
    assert step["kind"] == "refer"
    assert step["settings"] == {
        "partner": other_partner.code,
        "kind": "",
        "fields": ["age", "health"],
    }
    assert [o["key"] for o in first["external_organizations"]] == ["immigration_chonburi"]
    assert "court_order" in [b["key"] for b in first["legal_bases"]]
    wipe()
    bundle_import(document=first)
    assert ExternalOrganization.objects.get().kind == "immigration"
    assert LetterTemplate.objects.get().subject == "ขอส่งตัว ${client}"
    assert LegalBasis.objects.get(key="court_order").allows_sensitive
    assert json.loads(json.dumps(export(referral_lists=True))) == first
    bundle_import(document=first)  # again: nothing new, nothing changed
    assert ExternalOrganization.objects.count() == 1


def test_a_partner_bundle_leaves_the_lists_out_unless_asked(partner, lists):
    assert "letter_templates" not in export()
    assert export(referral_lists=True)["letter_templates"][0]["key"] == "standard"


def test_the_schema_refuses_refer_settings_that_are_not_a_partner_a_kind_and_keys(
    partner, other_partner, lists
):
    refer_process(partner, partner=other_partner.code)
    document = export(referral_lists=True)
    wipe()
    step = document["processes"][0]["versions"][0]["steps"][1]
    for settings in (
        {"partner": other_partner.code, "kind": "spaceship", "fields": []},
        {"partner": other_partner.code, "kind": "", "fields": "age"},
        {"kind": ""},
    ):
        step["settings"] = settings
        with pytest.raises(ValidationError):
            bundle_import(document=document)
        assert not ProcessDefinition.objects.exists()


def test_an_invalid_list_row_refuses_the_whole_bundle(partner, lists):
    document = export(referral_lists=True)
    wipe()
    document["letter_templates"][0]["body"] = "${nonsense}"
    document["external_organizations"][0]["kind"] = "hospital"
    with pytest.raises(ValidationError) as error:
        bundle_import(document=document)
    assert "nonsense" in str(error.value)
    assert not ExternalOrganization.objects.exists() and not LetterTemplate.objects.exists()
    document["external_organizations"][0]["kind"] = "ufo"
    with pytest.raises(ValidationError):
        bundle_import(document=document)
