"""Factories and helpers for forms_builder tests."""

import factory

from forms_builder.models import FieldDefinition, FieldType, FormDefinition, FormVersion
from forms_builder.services import form_version_publish
from tests.factories import PartnerFactory


class FormDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormDefinition

    partner = factory.SubFactory(PartnerFactory)
    key = factory.Sequence(lambda n: f"form_{n}")
    name_th = factory.Sequence(lambda n: f"แบบฟอร์มทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test form {n}")


class FormVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormVersion

    definition = factory.SubFactory(FormDefinitionFactory)
    number = 1


class FieldDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldDefinition

    version = factory.SubFactory(FormVersionFactory)
    sort_order = factory.Sequence(lambda n: n)
    key = factory.Sequence(lambda n: f"field_{n}")
    field_type = FieldType.SHORT_TEXT
    label_th = factory.Sequence(lambda n: f"คำถาม {n}")
    label_en = factory.Sequence(lambda n: f"Question {n}")


CHOICES = [
    {"value": "thai", "label_th": "ไทย", "label_en": "Thai"},
    {"value": "foreign", "label_th": "ต่างชาติ", "label_en": "Foreign"},
]


def field(key: str, field_type: str = FieldType.SHORT_TEXT, **attrs) -> FieldDefinition:
    """An unsaved field definition (enough for FieldBuilder and the runtime)."""
    attrs.setdefault("label_th", f"ป้าย {key}")
    attrs.setdefault("label_en", f"Label {key}")
    if field_type in (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE):
        attrs.setdefault("choices", CHOICES)
    return FieldDefinition(key=key, field_type=field_type, **attrs)


def version_with(
    specs: list[FieldDefinition], *, publish: bool = True, **definition
) -> FormVersion:
    """A saved version holding these fields (published unless asked otherwise)."""
    version = FormVersionFactory(definition=FormDefinitionFactory(**definition))
    for index, spec in enumerate(specs):
        spec.version, spec.sort_order = version, index
        spec.save()
    if publish:
        version = form_version_publish(version=version)
    return version
