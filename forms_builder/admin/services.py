"""Writes the forms administration needs beyond the runtime's services (forms_builder.services)."""

from django.db import transaction

from forms_builder.models import FormDefinition

DETAIL_FIELDS = ("name_th", "name_en", "description_th", "description_en", "purpose")


@transaction.atomic
def form_definition_update(*, definition: FormDefinition, **attrs) -> FormDefinition:
    """Change a form's names, description or purpose; these are not versioned."""
    unknown = set(attrs) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"form_definition_update cannot change {sorted(unknown)}")
    for name, value in attrs.items():
        setattr(definition, name, value)
    definition.full_clean()
    definition.save(update_fields=[*attrs, "updated_at"])
    return definition
