"""Importing a definitions bundle in the admin: upload → preview (nothing written) → confirm
(exactly what was previewed, or nothing), into one's own partner, partners named by name."""

import json
import time
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

import forms_builder.serialization
from forms_builder.bundle_transfer import (
    PreviewStale,
    bundle_apply,
    bundle_preview,
    changes_fingerprint,
)
from forms_builder.models import FieldDefinition, FormDefinition, FormVersion, VersionStatus
from forms_builder.serialization import definitions_export, definitions_import
from partners.models import Role
from tests.concurrency import run_together
from tests.factories import MembershipFactory, PartnerFactory, member
from tests.factories_forms_admin import form_with_fields, text_fields
from tests.factories_processes import two_step_draft
from workflows.models import Outcome, ProcessDefinition, ProcessVersion, Step
from workflows.serialization import bundle_export, bundle_import
from workflows.services.definitions import process_version_publish

FORMS_IMPORT = reverse("forms_builder_admin:import")
PROCESS_IMPORT = reverse("workflows_definitions:import")


def upload(document):
    return SimpleUploadedFile("bundle.json", json.dumps(document).encode(), "application/json")


@pytest.fixture
def home(db):
    return PartnerFactory(code="home-town", name_th="เทศบาลบ้านเรา")


@pytest.fixture
def other(db):
    return PartnerFactory(code="other-town", name_th="เทศบาลเมืองอื่น")


@pytest.fixture
def admin_home(client, home):
    user = member(Role.ADMINISTRATOR, partner=home)
    client.force_login(user)
    return user


def counts() -> dict:
    models = (FormDefinition, FormVersion, FieldDefinition, ProcessDefinition, ProcessVersion)
    return {m.__name__: m.objects.count() for m in (*models, Step, Outcome)}


def new_version_document(definition) -> dict:
    """The form's bundle with a second published version (one more field)."""
    document = definitions_export(definitions=[definition], versions="all")
    v1 = document["forms"][0]["versions"][0]
    v2 = json.loads(json.dumps(v1)) | {"number": 2, "published_at": None}
    v2["fields"].append({**v2["fields"][0], "key": "added", "label_th": "เพิ่ม"})
    document["forms"][0]["versions"].append(v2)
    return document


def test_the_preview_writes_nothing_and_says_which_version_becomes_current(
    client, admin_home, home
):
    definition = form_with_fields(home, "intake", fields=text_fields(2), publish=True)
    document = new_version_document(definition)
    before = counts()
    response = client.post(FORMS_IMPORT, {"bundle": upload(document)})
    assert counts() == before
    lines = response.context["preview_lines"]
    assert len(lines) == 3  # v1 unchanged, v2 new, v2 becomes current instead of v1
    assert any("2" in line and "1" in line and home.name in line for line in lines[2:])
    page = response.content.decode()
    assert 'id="import-preview"' in page and 'name="token"' in page
    assert definition.versions.count() == 1


def test_the_confirmation_writes_exactly_the_preview(client, admin_home, home):
    definition = form_with_fields(home, "intake", fields=text_fields(2), publish=True)
    preview = client.post(FORMS_IMPORT, {"bundle": upload(new_version_document(definition))})
    response = client.post(FORMS_IMPORT, {"token": preview.context["token"]})
    assert response.context["report_lines"] == preview.context["preview_lines"]
    current = definition.versions.order_by("-number").first()
    assert current.number == 2 and current.status == VersionStatus.PUBLISHED
    assert [f.key for f in current.fields.all()][-1] == "added"


def test_a_confirmation_after_the_definitions_changed_previews_again_and_writes_nothing(
    client, admin_home, home
):
    definition = form_with_fields(home, "intake", fields=text_fields(2), publish=True)
    document = new_version_document(definition)
    preview = client.post(FORMS_IMPORT, {"bundle": upload(document)})
    definitions_import(document=document)  # someone imported it meanwhile
    before = counts()
    response = client.post(FORMS_IMPORT, {"token": preview.context["token"]})
    assert counts() == before
    assert response.context["stale"] and response.context["token"] != preview.context["token"]
    assert 'id="import-stale"' in response.content.decode()
    assert "report_lines" not in response.context


def test_a_forged_or_someone_elses_token_imports_nothing(client, admin_home, home):
    definition = form_with_fields(home, "intake", fields=text_fields(2), publish=True)
    preview = client.post(FORMS_IMPORT, {"bundle": upload(new_version_document(definition))})
    client.force_login(member(Role.ADMINISTRATOR, partner=home))
    response = client.post(FORMS_IMPORT, {"token": preview.context["token"]})
    assert definition.versions.count() == 1
    assert "report_lines" not in response.context
    client.post(FORMS_IMPORT, {"token": preview.context["token"] + "x"})
    assert definition.versions.count() == 1


def other_partners_process(other) -> dict:
    """A bundle exported by another partner: a process and the forms its steps use."""
    definition, version = two_step_draft(other)
    process_version_publish(version=version)
    return bundle_export(processes=[definition], versions="all")


def test_an_administrator_imports_another_partners_process_into_their_own(
    client, admin_home, home, other
):
    document = other_partners_process(other)
    form_with_fields(home, "screening", fields=text_fields(1), publish=True)  # a key that clashes
    theirs = counts()
    # Home's own "screening" has another published version 1: refused, its place named.
    refused = client.post(PROCESS_IMPORT, {"bundle": upload(document), "into": home.pk})
    errors = refused.context["import_errors"]
    assert any(f"{home.name}/screening v1" in e for e in errors), errors
    assert counts() == theirs
    FormDefinition.objects.filter(partner=home).delete()
    theirs = counts()
    preview = client.post(PROCESS_IMPORT, {"bundle": upload(document), "into": home.pk})
    assert counts() == theirs and not preview.context["clash_lines"]
    assert all(other.name not in line for line in preview.context["preview_lines"])
    client.post(PROCESS_IMPORT, {"token": preview.context["token"]})
    mine = ProcessDefinition.objects.get(partner=home, key="intake")
    steps = Step.objects.filter(version__definition=mine, form_version__isnull=False)
    assert {s.form_version.definition.partner_id for s in steps} == {home.pk}
    assert ProcessDefinition.objects.filter(partner=other).count() == 1  # theirs untouched
    # Once imported, the same keys are reported as already in use, and nothing would change.
    again = client.post(PROCESS_IMPORT, {"bundle": upload(document), "into": home.pk})
    clashes = again.context["clash_lines"]
    assert len(clashes) == 3 and all(home.name in line for line in clashes)  # 2 forms, 1 process


def test_a_bundle_for_another_partner_is_refused_naming_the_partner(
    client, admin_home, home, other
):
    document = other_partners_process(other)
    before = counts()
    response = client.post(PROCESS_IMPORT, {"bundle": upload(document)})
    errors = response.context["import_errors"]
    assert errors and all(other.name in e and "other-town" not in e for e in errors)
    assert "token" not in response.context
    # Nor can the administrator choose a partner that is not theirs.
    response = client.post(PROCESS_IMPORT, {"bundle": upload(document), "into": other.pk})
    assert response.context["form"].errors["into"]
    assert counts() == before


def test_the_partner_choice_lists_only_the_users_partners(client, admin_home, home, other):
    third = PartnerFactory(code="third")
    MembershipFactory(user=admin_home, partner=third, role=Role.ADMINISTRATOR)
    page = client.get(FORMS_IMPORT)
    assert set(page.context["form"].fields["into"].queryset) == {home, third}
    assert "other-town" not in page.content.decode() and home.name in page.content.decode()


def test_the_forms_admin_says_it_leaves_the_processes_out(client, admin_home, home):
    form_with_fields(home, "spare", fields=text_fields(1), publish=True)
    definition, version = two_step_draft(home)
    process_version_publish(version=version)
    document = bundle_export(processes=[definition], versions="all")
    FormDefinition.objects.filter(key="spare").delete()
    preview = client.post(FORMS_IMPORT, {"bundle": upload(document)})
    assert len(preview.context["notes"]) == 1


@pytest.mark.postgres
def test_two_confirmations_of_one_bundle_at_once_one_imports_the_other_is_told(
    transactional_db, on_postgres, monkeypatch
):
    partner = PartnerFactory(code="race-town")
    definition = form_with_fields(partner, "intake", fields=text_fields(2), publish=True)
    document = definitions_export(definitions=[definition])
    FormDefinition.objects.all().delete()
    importer = bundle_import
    fingerprint = changes_fingerprint(bundle_preview(importer, document, None))
    original = forms_builder.serialization.form_version_publish

    def slow_publish(**kwargs):
        time.sleep(0.5)  # the other confirmation arrives meanwhile
        return original(**kwargs)

    monkeypatch.setattr(forms_builder.serialization, "form_version_publish", slow_publish)
    results = run_together(
        lambda: bundle_apply(importer, document, None, fingerprint=fingerprint),
        lambda: bundle_apply(importer, document, None, fingerprint=fingerprint),
    )
    stale = [r for r in results if isinstance(r, PreviewStale)]
    assert len(stale) == 1, results
    assert stale[0].report.forms.versions_unchanged == 1  # what the second would do now: nothing
    assert FormDefinition.objects.filter(key="intake").count() == 1


def test_the_command_imports_without_a_preview_and_names_partners_by_name(tmp_path, home):
    definition = form_with_fields(home, "intake", fields=text_fields(2), publish=True)
    document = definitions_export(definitions=[definition], versions="all")
    document["forms"][0]["versions"][0]["fields"][0]["label_th"] = "เปลี่ยนแล้ว"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_definitions", str(path))
    assert f"{home.name}/intake v1" in str(error.value) and home.code not in str(error.value)
    path.write_text(json.dumps(new_version_document(definition)), encoding="utf-8")
    call_command("import_definitions", str(path), stdout=StringIO())
    assert definition.versions.count() == 2
