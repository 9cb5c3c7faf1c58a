"""Building published forms and processes for engine tests, without the admin."""

from django.utils import timezone

from forms_builder.models import (
    FieldDefinition,
    FieldType,
    FormDefinition,
    FormVersion,
    VersionStatus,
)
from partners.models import Partner, Role
from workflows.models import Client, ProcessKind, StepKind
from workflows.services.definitions import (
    process_definition_create,
    process_version_publish,
    step_create,
    transition_create,
)


def published_form(partner: Partner | None, key: str, fields: list[dict]) -> FormVersion:
    """A published form version with the given fields (dicts of FieldDefinition attributes)."""
    definition = FormDefinition.objects.create(partner=partner, key=key, name_th=f"แบบ {key}")
    version = FormVersion.objects.create(definition=definition, number=1)
    for order, attrs in enumerate(fields):
        FieldDefinition.objects.create(
            version=version, sort_order=order, **{"label_th": attrs["key"], **attrs}
        )
    FormVersion.objects.filter(pk=version.pk).update(
        status=VersionStatus.PUBLISHED, published_at=timezone.now()
    )
    version.refresh_from_db()
    return version


def screening_form(partner):
    return published_form(
        partner,
        "screening",
        [
            {
                "key": "nationality",
                "field_type": FieldType.SINGLE_CHOICE,
                "required": True,
                "choices": [
                    {"value": "thai", "label_th": "ไทย", "label_en": "Thai"},
                    {"value": "foreign", "label_th": "ต่างชาติ", "label_en": "Foreign"},
                ],
            },
            {"key": "age", "field_type": FieldType.INTEGER, "required": True},
            {"key": "note", "field_type": FieldType.SHORT_TEXT},
        ],
    )


def note_form(partner, key="note_form"):
    return published_form(partner, key, [{"key": "summary", "field_type": FieldType.SHORT_TEXT}])


def screening_process(partner, *, approval=False, default=True, publish=True):
    """screen ─(foreign)→ immigration end; ─(age < 18)→ child end; ─default→ assess → helped end."""
    definition = process_definition_create(
        partner=partner, key=f"screening-{partner.pk}", name_th="คัดกรอง", kind=ProcessKind.INTAKE
    )
    version = definition.versions.get()
    screen = step_create(
        version=version,
        key="screen",
        kind=StepKind.HUMAN,
        name_th="คัดกรอง",
        name_en="Screening",
        is_start=True,
        form_version=screening_form(partner),
        role=Role.CASEWORKER,
        due_hours=24,
        requires_approval=approval,
    )
    assess = step_create(
        version=version,
        key="assess",
        kind=StepKind.HUMAN,
        name_th="ประเมิน",
        form_version=note_form(partner),
        role=Role.CASEWORKER,
    )
    immigration = step_create(
        version=version,
        key="immigration",
        kind=StepKind.END,
        name_th="ส่ง ตม.",
        outcome="immigration",
    )
    child = step_create(
        version=version,
        key="child",
        kind=StepKind.END,
        name_th="คุ้มครองเด็ก",
        outcome="child_protection",
    )
    helped = step_create(
        version=version,
        key="helped",
        kind=StepKind.END,
        name_th="ช่วยเหลือแล้ว",
        outcome="helped_in_community",
    )
    row = {"field": "nationality", "operator": "equals", "value": "foreign"}
    transition_create(
        source=screen, target=immigration, label_th="ต่างชาติ", condition={"any": [{"all": [row]}]}
    )
    child_row = {"field": "age", "operator": "lt", "value": 18}
    transition_create(
        source=screen, target=child, label_th="เด็ก", condition={"any": [{"all": [child_row]}]}
    )
    if default:
        transition_create(source=screen, target=assess, label_th="ประเมินต่อ", is_default=True)
    transition_create(source=assess, target=helped, label_th="เสร็จ", is_default=True)
    if publish:
        process_version_publish(version=version)
    return definition


def client_at(partner, **fields):
    return Client.objects.create(
        registered_by=partner, **{"first_name": "สมชาย", "last_name": "ใจดี", **fields}
    )


def published_before_coverage_checks(version) -> None:
    """Publish a version as one published before publishing checked that a step's decisions
    take every answer: cases can still reach a step where no decision holds."""
    from django.utils import timezone

    from forms_builder.models import VersionStatus

    version.status, version.published_at = VersionStatus.PUBLISHED, timezone.now()
    version.save(update_fields=["status", "published_at"])
