"""Demo forms: each partner's published Thai forms for the five steps of its work, and the
network's public report form.

Keys are stable ASCII (processes route on them later): e.g. `nationality` (thai / foreign),
`is_child`, `is_pregnant`, `is_elderly`, `is_disabled`, `is_mentally_ill`,
`is_registered_performer`.
Idempotent: a form whose newest published version already matches is left alone; a changed
spec is published as a new version.
"""

from django.db import transaction

from forms_builder.demo_public_report import PUBLIC_REPORT_FORM
from forms_builder.demo_specs import DEMO_FORMS
from forms_builder.models import FieldDefinition, FormDefinition, VersionStatus
from forms_builder.serialization import field_as_dict
from forms_builder.services import (
    form_definition_create,
    form_version_draft,
    form_version_publish,
)


def _fields(specs: list[dict]) -> list[FieldDefinition]:
    defaults = {"choices": [], "validation": {}, "options": {}}
    return [FieldDefinition(**{**defaults, **spec}) for spec in specs]


def form_sync(*, partner, spec: dict) -> FormDefinition:
    """Make the partner's form match the spec, publishing a new version only when it differs."""
    definition = FormDefinition.objects.filter(partner=partner, key=spec["key"]).first()
    if definition is None:
        definition = form_definition_create(
            partner=partner,
            key=spec["key"],
            name_th=spec["name_th"],
            name_en=spec["name_en"],
            purpose=spec["purpose"],
            description_th=spec.get("description_th", ""),
            description_en=spec.get("description_en", ""),
        )
    wanted = _fields(spec["fields"])
    latest = definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    if latest and [field_as_dict(f) for f in latest.fields.all()] == [
        field_as_dict(f) for f in wanted
    ]:
        return definition
    draft = form_version_draft(definition=definition)
    draft.fields.all().delete()
    for index, field in enumerate(wanted):
        field.version, field.sort_order = draft, index
    FieldDefinition.objects.bulk_create(wanted)
    form_version_publish(version=draft)
    return definition


@transaction.atomic
def load(*, partners) -> list[FormDefinition]:
    shared = [form_sync(partner=None, spec=PUBLIC_REPORT_FORM)]
    return shared + [form_sync(partner=p, spec=spec) for p in partners for spec in DEMO_FORMS]
