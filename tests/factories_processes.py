"""Helpers for the process administration tests: small drafts built through the services."""

from forms_builder.models import FieldType, FormVersion
from partners.models import Role
from tests.factories_workflows import note_form, published_form, screening_form
from workflows.models import ProcessKind, StepKind
from workflows.services.definitions import process_definition_create, step_save, transition_save


def human(version, key, form, *, start=False, **attrs):
    return step_save(
        version=version,
        key=key,
        kind=StepKind.HUMAN,
        name_th=attrs.pop("name_th", f"ขั้นตอน {key}"),
        is_start=start,
        form_version=form,
        role=Role.CASEWORKER,
        **attrs,
    )


def end(version, key, outcome="helped_in_community", **attrs):
    return step_save(
        version=version,
        key=key,
        kind=StepKind.END,
        name_th=attrs.pop("name_th", f"จบ {key}"),
        outcome=outcome,
        **attrs,
    )


def decide(source, target, label="ต่อไป", **attrs):
    return transition_save(source=source, target=target, label_th=label, **attrs)


def rule(field, operator, value=None) -> dict:
    row = {"field": field, "operator": operator}
    if value is not None:
        row["value"] = value
    return {"any": [{"all": [row]}]}


def empty_process(partner, key="intake"):
    definition = process_definition_create(
        partner=partner, key=key, name_th="รับเรื่อง", kind=ProcessKind.INTAKE
    )
    return definition, definition.versions.get()


def two_step_draft(partner, key="intake"):
    """screen (start, screening form) ─foreign→ immigration end; ─default→ assess → done end."""
    definition, version = empty_process(partner, key)
    existing = FormVersion.objects.filter(definition__partner=partner, definition__key="screening")
    form = existing.first() or screening_form(partner)
    screen = human(version, "screen", form, start=True)
    assess = human(version, "assess", note_form(partner, key=f"note_{key}"))
    immigration = end(version, "immigration", "immigration")
    done = end(version, "done")
    decide(screen, immigration, "ต่างชาติ", condition=rule("nationality", "equals", "foreign"))
    decide(screen, assess, "ประเมินต่อ", is_default=True)
    decide(assess, done, "เสร็จ", is_default=True)
    return definition, version


def yes_no_form(partner, key="flags"):
    return published_form(
        partner, key, [{"key": "urgent_flag", "field_type": FieldType.YES_NO, "required": True}]
    )
