"""Reads of the forms administration beyond who sees what (definition_admin.access)."""

from django.utils.translation import gettext

from forms_builder.definition_admin.access import partners_for_new_definitions
from forms_builder.models import FieldDefinition, FormDefinition, VersionStatus
from partners.selectors import user_is_central_administrator


def published_field_keys(definition: FormDefinition) -> set[str]:
    """Keys frozen by publishing: answers may already be stored under them."""
    return set(
        FieldDefinition.objects.filter(
            version__definition=definition, version__status=VersionStatus.PUBLISHED
        ).values_list("key", flat=True)
    )


def bundle_permission_problems(user, document: dict) -> list[str]:
    """Forms of a bundle the user may not import: other partners', or network-wide ones for a
    partner administrator. The bundle's own shape is checked by forms_builder.serialization."""
    items = document.get("forms") if isinstance(document, dict) else None
    if not isinstance(items, list) or user_is_central_administrator(user):
        return []
    allowed = set(partners_for_new_definitions(user).values_list("code", flat=True))
    problems = []
    for item in items:
        if not isinstance(item, dict):
            continue
        code = item.get("partner")
        if not code:
            problems.append(
                gettext("%(key)s: only central administrators import network-wide forms.")
                % {"key": item.get("key")}
            )
        elif code not in allowed:
            problems.append(
                gettext("%(key)s: you do not administer the partner “%(code)s”.")
                % {"key": item.get("key"), "code": code}
            )
    return problems
