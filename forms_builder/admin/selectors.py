"""Reads for the forms administration: who may see and change which form definitions."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from forms_builder.models import FieldDefinition, FormDefinition, FormVersion, VersionStatus
from partners.models import Partner, Role
from partners.selectors import (
    partners_administered_by,
    user_is_administrator,
    user_is_central_administrator,
    user_partner_ids,
)


def user_can_administer_forms(user) -> bool:
    """Central administrators and administrators of at least one partner."""
    return user_is_administrator(user)


def form_definitions_in_admin(user) -> QuerySet[FormDefinition]:
    """Forms the user sees in the admin: their partners' forms and the network-wide ones."""
    definitions = FormDefinition.objects.select_related("partner")
    if user_is_central_administrator(user):
        return definitions
    return definitions.filter(
        Q(partner_id__in=user_partner_ids(user, Role.ADMINISTRATOR)) | Q(partner__isnull=True)
    )


def form_definition_can_edit(user, definition: FormDefinition) -> bool:
    """Network-wide forms belong to central administrators, a partner's to its administrators."""
    if user_is_central_administrator(user):
        return True
    if definition.partner_id is None:
        return False
    return definition.partner_id in user_partner_ids(user, Role.ADMINISTRATOR)


def form_definition_for_admin(user, pk: int, *, edit: bool = False) -> FormDefinition:
    """The definition if the user may see it (or change it, with `edit`); otherwise a 404."""
    definition = form_definitions_in_admin(user).filter(pk=pk).first()
    if definition is None or (edit and not form_definition_can_edit(user, definition)):
        raise Http404
    return definition


def partners_for_new_forms(user) -> QuerySet[Partner]:
    """Partners the user may create or copy forms for."""
    return partners_administered_by(user).filter(is_active=True).order_by("name_th")


def form_version_draft_of(definition: FormDefinition) -> FormVersion | None:
    return definition.versions.filter(status=VersionStatus.DRAFT).first()


def form_version_current(definition: FormDefinition) -> FormVersion | None:
    """The newest published version: the one caseworkers fill in."""
    return definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


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
    allowed = set(partners_for_new_forms(user).values_list("code", flat=True))
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
