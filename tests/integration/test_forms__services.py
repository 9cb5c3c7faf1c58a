"""Version lifecycle: drafts, publishing (every problem at once), frozen keys, copies."""

import pytest
from django.core.exceptions import ValidationError

from forms_builder.models import FieldType, FormPurpose, VersionImmutableError, VersionStatus
from forms_builder.selectors import (
    form_definitions_administered_by,
    form_definitions_for_user,
    form_version_for,
)
from forms_builder.services import (
    field_create,
    field_delete,
    field_update,
    fields_reorder,
    form_definition_copy,
    form_definition_create,
    form_version_draft,
    form_version_publish,
)
from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_forms import CHOICES


def new_form(partner, key="street_intake"):
    return form_definition_create(
        partner=partner, key=key, name_th="แบบรับแจ้ง", purpose=FormPurpose.INTAKE, user=None
    )


def test_create_add_fields_publish_and_edit_makes_a_new_draft(partner):
    definition = new_form(partner)
    draft = definition.versions.get()
    assert (draft.number, draft.status) == (1, VersionStatus.DRAFT)
    assert form_version_draft(definition=definition) == draft
    field_create(version=draft, key="age", field_type=FieldType.INTEGER, label_th="อายุ")
    field_create(version=draft, key="name", field_type=FieldType.SHORT_TEXT, label_th="ชื่อ")
    fields_reorder(version=draft, keys=["name", "age"])
    assert list(draft.fields.values_list("key", flat=True)) == ["name", "age"]
    published = form_version_publish(version=draft)
    assert published.is_published and published.published_at
    with pytest.raises(VersionImmutableError):
        published.fields.first().save()
    with pytest.raises(ValidationError):
        field_create(version=published, key="x", field_type=FieldType.SHORT_TEXT, label_th="x")
    with pytest.raises(ValidationError):
        form_version_publish(version=published)
    v2 = form_version_draft(definition=definition)
    assert v2.number == 2 and list(v2.fields.values_list("key", flat=True)) == ["name", "age"]
    assert published.fields.count() == 2


def test_a_published_key_never_changes_but_a_new_one_may(partner):
    definition = new_form(partner)
    draft = definition.versions.get()
    field_create(version=draft, key="age", field_type=FieldType.INTEGER, label_th="อายุ")
    form_version_publish(version=draft)
    v2 = form_version_draft(definition=definition)
    with pytest.raises(ValidationError):
        field_update(field=v2.fields.get(key="age"), key="years")
    extra = field_create(version=v2, key="nickname", field_type=FieldType.SHORT_TEXT, label_th="ช")
    assert field_update(field=extra, key="alias").key == "alias"


def test_keys_are_ascii_identifiers_unique_in_the_version(partner):
    draft = new_form(partner).versions.get()
    with pytest.raises(ValidationError):
        field_create(version=draft, key="ชื่อ", field_type=FieldType.SHORT_TEXT, label_th="ชื่อ")
    field_create(version=draft, key="name", field_type=FieldType.SHORT_TEXT, label_th="ชื่อ")
    with pytest.raises(ValidationError):
        field_create(version=draft, key="name", field_type=FieldType.SHORT_TEXT, label_th="ซ้ำ")


def test_publish_lists_every_problem(partner):
    draft = new_form(partner).versions.get()
    add = draft.fields.create
    add(
        sort_order=1,
        key="age",
        field_type=FieldType.INTEGER,
        label_th="อายุ",
        validation={"min_value": 10, "max_value": 5},
    )
    add(
        sort_order=2,
        key="kind",
        field_type=FieldType.SINGLE_CHOICE,
        label_th="ชนิด",
        choices=[{"value": "Bad Value", "label_th": ""}],
    )
    add(
        sort_order=3,
        key="note",
        field_type=FieldType.SHORT_TEXT,
        label_th="",
        validation={"pattern": "(unclosed"},
        condition={"any": [{"all": [{"field": "later", "operator": "equals", "value": 1}]}]},
    )
    add(
        sort_order=4,
        key="child",
        field_type=FieldType.YES_NO,
        label_th="เด็ก",
        condition={"any": [{"all": [{"field": "age", "operator": "lt", "value": "18"}]}]},
    )
    add(sort_order=5, key="later", field_type=FieldType.INTEGER, label_th="ทีหลัง")
    with pytest.raises(ValidationError) as error:
        form_version_publish(version=draft)
    messages = error.value.messages
    assert len(messages) == 7, messages
    assert all(m.split(":")[0] in {"age", "kind", "note", "child"} for m in messages)
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_an_empty_form_cannot_be_published(partner):
    with pytest.raises(ValidationError):
        form_version_publish(version=new_form(partner).versions.get())


def test_copy_to_another_partner_makes_a_draft_of_the_published_fields(partner, other_partner):
    definition = new_form(partner)
    draft = definition.versions.get()
    field_create(
        version=draft,
        key="kind",
        field_type=FieldType.SINGLE_CHOICE,
        label_th="ชนิด",
        choices=CHOICES,
    )
    form_version_publish(version=draft)
    v2 = form_version_draft(definition=definition)
    field_delete(field=v2.fields.get())  # an unpublished change is not copied
    copy = form_definition_copy(definition=definition, to_partner=other_partner, user=None)
    assert copy.partner == other_partner and copy.copied_from == definition
    version = copy.versions.get()
    assert version.status == VersionStatus.DRAFT
    assert list(version.fields.values_list("key", flat=True)) == ["kind"]
    with pytest.raises(ValidationError):
        form_definition_copy(definition=definition, to_partner=other_partner, user=None)


def test_who_sees_which_forms(partner, other_partner):
    mine, theirs = new_form(partner), new_form(other_partner)
    shared = form_definition_create(partner=None, key="shared", name_th="ร่วม", user=None)
    caseworker = member(Role.CASEWORKER, partner=partner)
    administrator = member(Role.ADMINISTRATOR, partner=partner)
    assert set(form_definitions_for_user(caseworker)) == {mine, shared}
    assert set(form_definitions_administered_by(caseworker)) == set()
    assert set(form_definitions_administered_by(administrator)) == {mine}
    central = member(Role.ADMINISTRATOR, partner=PartnerFactory(kind="center"))
    assert set(form_definitions_for_user(central)) == {mine, theirs, shared}


def test_form_version_for_prefers_the_partner_then_the_shared_form(partner, other_partner):
    shared = form_definition_create(partner=None, key="intake", name_th="ร่วม", user=None)
    field_create(
        version=shared.versions.get(), key="q", field_type=FieldType.SHORT_TEXT, label_th="ถาม"
    )
    form_version_publish(version=shared.versions.get())
    assert form_version_for(partner=partner, key="intake").definition == shared
    own = new_form(partner, key="intake")
    field_create(
        version=own.versions.get(), key="q", field_type=FieldType.SHORT_TEXT, label_th="ถาม"
    )
    form_version_publish(version=own.versions.get())
    assert form_version_for(partner=partner, key="intake").definition == own
    assert form_version_for(partner=other_partner, key="intake").definition == shared
    assert form_version_for(partner=partner, key="nothing") is None
