"""A malformed definitions bundle is a list of messages, never a server error or a traceback."""

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from forms_builder import services
from forms_builder.bundle_schema import bundle_problems
from forms_builder.models import FormDefinition, FormVersion, VersionStatus
from forms_builder.serialization import definitions_export
from tests.factories_forms_admin import form_with_fields, text_fields
from tests.factories_partners import central_administrator
from workflows.bundle_schema import DEFINITIONS_BUNDLE_SCHEMA

IMPORT = reverse("forms_builder_admin:import")


def upload(body: bytes):
    return SimpleUploadedFile("bundle.json", body, content_type="application/json")


@pytest.fixture
def clean_bundle(partner):
    definition = form_with_fields(partner, "intake", fields=text_fields(2), publish=True)
    document = definitions_export(definitions=[definition])
    FormDefinition.objects.all().delete()
    return document


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def spoiled(bundle: dict, change) -> dict:
    document = copy.deepcopy(bundle)
    change(document)
    return document


def _set(path, value):
    def change(document):
        target = document
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


FIRST_FORM = ("forms", 0)
FIRST_FIELD = ("forms", 0, "versions", 0, "fields", 0)
MALFORMED = {
    "partner as a list": _set((*FIRST_FORM, "partner"), ["a", "b"]),
    "partner as an object": _set((*FIRST_FORM, "partner"), {"code": "x"}),
    "key as a number": _set((*FIRST_FORM, "key"), 5),
    "label as a number": _set((*FIRST_FIELD, "label_th"), 12),
    "options as a list": _set((*FIRST_FIELD, "options"), ["radio"]),
    "choices as a string": _set((*FIRST_FIELD, "choices"), "a,b"),
    "validation as a list": _set((*FIRST_FIELD, "validation"), [1]),
    "condition as text": _set((*FIRST_FIELD, "condition"), "age > 3"),
    "version −1": _set(("forms", 0, "versions", 0, "number"), -1),
    "version 10^30": _set(("forms", 0, "versions", 0, "number"), 10**30),
    "version as text": _set(("forms", 0, "versions", 0, "number"), "1"),
    "forms as an object": _set(("forms",), {"a": 1}),
    "versions as a string": _set((*FIRST_FORM, "versions"), "1"),
    "a field as a list": _set(("forms", 0, "versions", 0, "fields"), [[1]]),
    "deep condition": _set((*FIRST_FIELD, "condition"), json.loads(nested(500))),
    "deep options": _set((*FIRST_FIELD, "options"), {"x": json.loads(nested(500))}),
    "huge label": _set((*FIRST_FIELD, "label_th"), "ก" * 10_000),
}
PROCESS_SECTIONS = {
    "processes as text": _set(("processes",), "none"),
    "an outcome as a list": _set(("outcomes",), [["a"]]),
    "a step's form as a number": _set(
        ("processes",),
        [
            {
                "key": "p",
                "versions": [
                    {
                        "number": 1,
                        "status": "draft",
                        "steps": [{"key": "s", "kind": "human", "form": 3}],
                        "transitions": [],
                    }
                ],
            }
        ],
    ),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_the_admin_import_answers_every_malformed_bundle_with_messages(client, clean_bundle, name):
    client.force_login(central_administrator())
    document = spoiled(clean_bundle, MALFORMED[name])
    response = client.post(IMPORT, {"bundle": upload(json.dumps(document).encode())})
    assert response.status_code == 200
    assert response.context.get("import_errors") or response.context["form"].errors
    assert not FormDefinition.objects.exists()


@pytest.mark.parametrize("name", [*MALFORMED, *PROCESS_SECTIONS])
def test_the_schema_names_the_place_of_each_problem(clean_bundle, name):
    change = MALFORMED.get(name) or PROCESS_SECTIONS[name]
    problems = bundle_problems(spoiled(clean_bundle, change), DEFINITIONS_BUNDLE_SCHEMA)
    assert problems
    assert all(isinstance(p, str) and ": " in p for p in problems) or len(problems) == 1


def test_the_clean_bundle_passes_the_schema(clean_bundle):
    assert bundle_problems(clean_bundle, DEFINITIONS_BUNDLE_SCHEMA) == []


def test_the_messages_are_thai(clean_bundle):
    document = spoiled(clean_bundle, _set((*FIRST_FORM, "partner"), ["a"]))
    (problem,) = bundle_problems(document)
    assert problem.startswith("forms/1/partner: ")
    assert "ข้อความ" in problem


def test_a_file_nested_beyond_the_parser_is_invalid_json(client, db):
    client.force_login(central_administrator())
    body = b'{"format": "thiphueng-definitions", "forms": ' + nested(100_000).encode() + b"}"
    response = client.post(IMPORT, {"bundle": upload(body)})
    assert response.status_code == 200
    assert response.context["form"].errors["bundle"] == ["ไฟล์นี้ไม่ใช่ JSON ที่ถูกต้อง"]


def test_the_command_refuses_deep_nesting_without_a_traceback(tmp_path, db):
    path = tmp_path / "deep.json"
    path.write_text(nested(100_000))
    with pytest.raises(CommandError, match="nested too deeply"):
        call_command("import_definitions", str(path))


def test_the_command_lists_schema_problems(tmp_path, clean_bundle):
    path = tmp_path / "bad.json"
    document = spoiled(clean_bundle, _set(("forms", 0, "versions", 0, "number"), 10**30))
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError, match="forms/1/versions/1/number"):
        call_command("import_definitions", str(path))


def test_a_newer_version_while_a_draft_is_open_here_is_a_message(client, partner):
    definition = form_with_fields(partner, "intake", fields=text_fields(2), publish=True)
    services.form_version_draft(definition=definition)  # v2, open here
    document = definitions_export(definitions=[definition], versions="latest")
    document["forms"][0]["versions"][0]["number"] = 3  # a v3 published elsewhere
    client.force_login(central_administrator())
    response = client.post(IMPORT, {"bundle": upload(json.dumps(document).encode())})
    assert response.status_code == 200
    (problem,) = response.context["import_errors"]
    assert "มีฉบับร่างเปิดอยู่" in problem
    assert not FormVersion.objects.filter(definition=definition, number=3).exists()
    assert definition.versions.get(number=2).status == VersionStatus.DRAFT


@pytest.mark.parametrize("name", [*MALFORMED, *PROCESS_SECTIONS])
def test_the_command_refuses_every_malformed_bundle_and_imports_nothing(
    tmp_path, clean_bundle, name
):
    path = tmp_path / "bad.json"
    change = MALFORMED.get(name) or PROCESS_SECTIONS[name]
    path.write_text(json.dumps(spoiled(clean_bundle, change)))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_definitions", str(path))
    assert not FormDefinition.objects.exists()
