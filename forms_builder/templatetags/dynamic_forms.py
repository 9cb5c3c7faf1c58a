"""{% dynamic_form form %} renders a runtime form; {% answers_table rows %} renders past answers.

Everything an administrator typed is escaped by the templates; conditions go to the browser as JSON
in a data attribute for conditions.js, and the form still works (and is judged) without it.
"""

import json

from django import template

from forms_builder.display import condition_describe
from forms_builder.models import FieldType

register = template.Library()

GROUP_TYPES = {
    FieldType.SINGLE_CHOICE,
    FieldType.MULTIPLE_CHOICE,
    FieldType.YES_NO,
    FieldType.NATIONAL_ID,
    FieldType.THAI_ADDRESS,
    FieldType.LOCATION,
    FieldType.DATETIME,
}


def _item(form, bound_field) -> dict:
    definition = form.definitions[bound_field.name]
    is_group = definition.field_type in GROUP_TYPES and not (
        definition.field_type == FieldType.SINGLE_CHOICE
        and (definition.options or {}).get("widget") == "dropdown"
    )
    return {
        "bound_field": bound_field,
        "definition": definition,
        "is_heading": definition.field_type == FieldType.HEADING,
        "is_group": is_group,
        # Where the error summary links to: a group of radio buttons or boxes has no label
        # target of its own (Django gives ""), so its first choice.
        "anchor": bound_field.id_for_label or f"{bound_field.auto_id}_0",
        "condition_json": json.dumps(definition.condition) if definition.condition else "",
        "condition_text": condition_describe(definition.condition, form.definitions),
    }


@register.inclusion_tag("forms_builder/dynamic_form.html")
def dynamic_form(form) -> dict:
    items = [_item(form, bound_field) for bound_field in form]
    types = {item["definition"].field_type for item in items}
    return {
        "form": form,
        "items": items,
        "has_address": FieldType.THAI_ADDRESS in types,
        "has_location": FieldType.LOCATION in types,
    }


@register.inclusion_tag("forms_builder/answers_table.html")
def answers_table(rows) -> dict:
    return {"rows": rows}
