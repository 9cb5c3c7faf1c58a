"""Processes in the JSON bundle: export → import into an empty database → export is the same."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from forms_builder.models import FormDefinition
from tests.factories import PartnerFactory
from tests.factories_processes import two_step_draft
from workflows.models import ProcessDefinition, ProcessVersion
from workflows.serialization import bundle_export, bundle_import
from workflows.services.definitions import (
    process_version_draft,
    process_version_publish,
    step_save,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def everything(versions="all") -> dict:
    return bundle_export(
        processes=ProcessDefinition.objects.all(),
        forms=FormDefinition.objects.all(),
        versions=versions,
    )


def wipe() -> None:
    ProcessDefinition.objects.all().delete()
    FormDefinition.objects.all().delete()


@pytest.fixture
def published_twice_with_a_draft(db):
    partner = PartnerFactory(code="pattaya")
    definition, v1 = two_step_draft(partner)
    process_version_publish(version=v1)
    v2 = process_version_draft(definition=definition)
    step_save(version=v2, step=v2.steps.get(key="assess"), name_th="ประเมิน (ใหม่)", due_hours=72)
    process_version_publish(version=v2)
    v3 = process_version_draft(definition=definition)
    step_save(version=v3, step=v3.steps.get(key="screen"), name_en="Screening")
    return definition


def test_round_trip_through_an_empty_database(published_twice_with_a_draft, tmp_path):
    first = everything()
    assert [v["number"] for v in first["processes"][0]["versions"]] == [1, 2, 3]
    screen = first["processes"][0]["versions"][0]["steps"][0]
    assert screen["form"] == {"partner": "pattaya", "key": "screening", "version": 1}
    path = tmp_path / "bundle.json"
    call_command("export_definitions", output=str(path))
    assert json.loads(path.read_text(encoding="utf-8")) == first
    wipe()
    assert not ProcessVersion.objects.exists()
    call_command("import_definitions", str(path))
    assert everything() == first
    # Importing again changes nothing.
    report = bundle_import(document=first)
    assert report.versions_unchanged == 2 and report.versions_created == 0
    assert everything() == first


def test_latest_carries_the_form_versions_its_steps_use(published_twice_with_a_draft):
    document = bundle_export(
        processes=ProcessDefinition.objects.all(), forms=None, versions="latest"
    )
    assert [v["number"] for v in document["processes"][0]["versions"]] == [2]
    assert {f["key"] for f in document["forms"]} == {"screening", "note_intake"}
    wipe()
    bundle_import(document=document)
    assert ProcessVersion.objects.get().number == 2


def test_a_broken_bundle_imports_nothing(published_twice_with_a_draft):
    document = everything()
    wipe()
    broken = json.loads(json.dumps(document))
    broken["processes"][0]["versions"][1]["transitions"][0]["to"] = "nowhere"
    with pytest.raises(ValidationError) as error:
        bundle_import(document=broken)
    assert "nowhere" in " ".join(error.value.messages)
    assert not FormDefinition.objects.exists() and not ProcessDefinition.objects.exists()
    missing_form = json.loads(json.dumps(document))
    missing_form["forms"] = []
    with pytest.raises(ValidationError) as error:
        bundle_import(document=missing_form)
    label = published_twice_with_a_draft.partner.name  # partners are named, never coded
    assert f"{label}/screening" in " ".join(error.value.messages)
    assert not ProcessDefinition.objects.exists()


def test_a_changed_published_version_is_refused(published_twice_with_a_draft):
    document = everything()
    document["processes"][0]["versions"][0]["steps"][0]["name_th"] = "แก้แล้ว"
    with pytest.raises(ValidationError) as error:
        bundle_import(document=document)
    assert "already exists with other steps" in " ".join(error.value.messages)


def test_a_steps_due_settings_travel_and_an_older_bundle_without_them_is_the_same(
    published_twice_with_a_draft,
):
    from workflows.models import Step

    Step.objects.filter(kind="human").update(due_working_days=True, grace_hours=12)
    document = everything()
    step = document["processes"][0]["versions"][0]["steps"][0]
    assert step["grace_hours"] == 12 and step["due_working_days"] is True
    Step.objects.update(due_working_days=False, grace_hours=None)
    older = everything()
    for process in older["processes"]:
        for version in process["versions"]:
            for step in version["steps"]:
                del step["due_working_days"], step["grace_hours"]
    report = bundle_import(document=older)
    assert report.versions_unchanged == 2 and report.versions_created == 0
