"""Two administrators doing the same thing at the same moment: one wins, the other gets a
message or the same result, never a server error (PostgreSQL row locks and unique constraints)."""

import time

import pytest
from django.core.exceptions import ValidationError

import forms_builder.serialization
from forms_builder.models import FormDefinition, VersionStatus
from forms_builder.serialization import definitions_export, definitions_import
from tests.concurrency import run_together
from tests.factories_forms_admin import form_with_fields, text_fields
from tests.factories_processes import two_step_draft
from workflows.models import ProcessVersion
from workflows.services.definitions import process_version_draft, process_version_publish

pytestmark = pytest.mark.postgres


def test_two_process_drafts_started_at_once_are_the_same_draft(
    transactional_db, on_postgres, partner, monkeypatch
):
    definition, version = two_step_draft(partner)
    process_version_publish(version=version)
    manager = ProcessVersion.objects
    original = manager.create

    def slow_create(**kwargs):
        time.sleep(0.5)  # the other administrator reaches the same check meanwhile
        return original(**kwargs)

    monkeypatch.setattr(manager, "create", slow_create)
    results = run_together(
        lambda: process_version_draft(definition=definition),
        lambda: process_version_draft(definition=definition),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    assert results[0].pk == results[1].pk
    assert definition.versions.filter(status=VersionStatus.DRAFT).count() == 1


def test_two_imports_of_a_new_form_at_once_one_imports_the_other_is_told(
    transactional_db, on_postgres, partner, monkeypatch
):
    definition = form_with_fields(partner, "intake", fields=text_fields(2), publish=True)
    document = definitions_export(definitions=[definition])
    FormDefinition.objects.all().delete()
    original = forms_builder.serialization.form_version_publish

    def slow_publish(**kwargs):
        time.sleep(0.5)  # hold the new form's row while the other import inserts the same key
        return original(**kwargs)

    monkeypatch.setattr(forms_builder.serialization, "form_version_publish", slow_publish)
    results = run_together(
        lambda: definitions_import(document=document),
        lambda: definitions_import(document=document),
    )
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 1, results
    assert "ในเวลาเดียวกัน" in refused[0].messages[0]
    assert FormDefinition.objects.filter(key="intake").count() == 1
    assert definitions_import(document=document).versions_unchanged == 1
