"""The JSON bundle: export -> import into an empty database -> export gives the same document."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from forms_builder import demo
from forms_builder.management.commands import export_definitions, import_definitions
from forms_builder.models import FormDefinition, FormVersion
from forms_builder.serialization import definitions_export, definitions_import, definitions_queryset
from forms_builder.services import (
    field_update,
    form_definition_copy,
    form_version_draft,
    form_version_publish,
)
from partners import demo as partners_demo
from partners.models import Partner


@pytest.fixture
def demo_forms(db):
    partners = partners_demo.load_partners()
    demo.load(partners=partners)
    # A second version and an open draft, so every kind of version travels.
    street = FormDefinition.objects.get(partner__code="pattaya", key="street_intake")
    draft = form_version_draft(definition=street)
    field_update(field=draft.fields.get(key="nickname"), label_th="ชื่อเล่น")
    shared = form_definition_copy(definition=street, to_partner=None, key="shared_intake")
    form_version_publish(version=shared.versions.get())
    return partners


def export_all() -> dict:
    return definitions_export(definitions=definitions_queryset())


def empty_forms():
    FormVersion.objects.all().delete()
    FormDefinition.objects.all().delete()


def test_round_trip_through_an_empty_database_gives_the_same_document(demo_forms):
    before = export_all()
    assert before["format"] == "thiphueng-definitions" and before["format_version"] == 1
    assert before["processes"] == []
    assert len(before["forms"]) == 22  # 4 partners × 5, shared_intake and public_report
    assert before["forms"][0]["partner"] is None  # the network's shared forms come first
    text = json.dumps(before, ensure_ascii=False)
    empty_forms()
    report = definitions_import(document=json.loads(text))
    assert (report.forms_created, report.versions_created) == (22, 23)
    assert export_all() == before
    again = definitions_import(document=json.loads(text))
    assert (again.forms_created, again.versions_created, again.versions_unchanged) == (0, 0, 22)
    assert export_all() == before


def test_latest_exports_only_the_newest_published_version(demo_forms):
    document = definitions_export(
        definitions=definitions_queryset(partner_code="pattaya", key="street_intake"),
        versions="latest",
    )
    (form,) = document["forms"]
    assert [v["number"] for v in form["versions"]] == [1]
    assert form["versions"][0]["status"] == "published"


def test_a_bad_bundle_changes_nothing_and_lists_every_problem(demo_forms):
    document = export_all()
    before = json.dumps(document)
    forms = document["forms"]
    forms[0]["versions"][0]["fields"][0]["field_type"] = "hologram"
    forms[1]["partner"] = "nowhere"
    forms[2]["versions"][0]["fields"].append({"key": "bad key", "field_type": "short_text"})
    forms[3]["key"] = "brand_new"
    forms[3]["versions"][0]["fields"][0]["label_th"] = "เปลี่ยนแล้ว"
    empty_forms()
    with pytest.raises(ValidationError) as error:
        definitions_import(document=document)
    assert len(error.value.messages) >= 3
    assert FormDefinition.objects.count() == 0
    definitions_import(document=json.loads(before))
    with pytest.raises(ValidationError):  # a published version may not come back different
        changed = json.loads(before)
        changed["forms"][0]["versions"][0]["fields"][0]["label_th"] = "อื่น"
        definitions_import(document=changed)
    with pytest.raises(ValidationError):
        definitions_import(document={"format": "something-else"})


def test_commands_export_and_import(demo_forms, tmp_path, capsys):
    # forms_builder's own commands (workflows extends them under the same names).
    export, load = export_definitions.Command, import_definitions.Command
    path = tmp_path / "forms.json"
    call_command(export(), "--partner", "laem-chabang", "-o", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert {f["partner"] for f in document["forms"]} == {"laem-chabang"}
    assert "แบบคัดกรองผู้ทำการขอทาน" in path.read_text(encoding="utf-8")
    call_command(export(), "--form", "referral", "--latest")
    assert len(json.loads(capsys.readouterr().out)["forms"]) == 4
    versions = FormVersion.objects.count()
    call_command(load(), str(path))  # the same bundle again: nothing new
    assert "0 new" in capsys.readouterr().out
    assert FormVersion.objects.count() == versions
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command(load(), str(broken))
    with pytest.raises(CommandError):
        call_command(export(), "--partner", "nowhere")
    assert Partner.objects.count() == 4
