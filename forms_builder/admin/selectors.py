"""Reads of the forms administration beyond who sees what (definition_admin.access)."""

from forms_builder.models import FieldDefinition, FormDefinition, VersionStatus


def published_field_keys(definition: FormDefinition) -> set[str]:
    """Keys frozen by publishing: answers may already be stored under them."""
    return set(
        FieldDefinition.objects.filter(
            version__definition=definition, version__status=VersionStatus.PUBLISHED
        ).values_list("key", flat=True)
    )
