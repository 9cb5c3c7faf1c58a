"""Who may see and change versioned definitions (forms, processes), for every definition type,
and the other configuration a partner or the whole network owns (outcomes).

Administrators of a partner see their partners' definitions and the network-wide ones, and
change their partners' own; central administrators see and change everything. Another partner's
definition is a 404; people who administer nothing are turned away before any lookup.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from wagtail.permission_policies import BasePermissionPolicy

from forms_builder.models import AbstractDefinition, VersionStatus
from partners.models import Partner, Role
from partners.selectors import (
    partners_administered_by,
    user_is_administrator,
    user_is_central_administrator,
    user_partner_ids,
)


def definitions_in_admin(model: type[AbstractDefinition], user) -> QuerySet:
    """Definitions the user sees in the admin: their partners' and the network-wide ones."""
    definitions = model.objects.select_related("partner")
    if user_is_central_administrator(user):
        return definitions
    return definitions.filter(
        Q(partner_id__in=user_partner_ids(user, Role.ADMINISTRATOR)) | Q(partner__isnull=True)
    )


def version_model_of(model: type[AbstractDefinition]):
    """FormVersion for FormDefinition, ProcessVersion for ProcessDefinition, …"""
    return model._meta.get_field("versions").related_model


def definitions_listed(model: type[AbstractDefinition], user) -> QuerySet:
    """The list: each with its current version's number and whether a draft is open."""
    versions = version_model_of(model).objects.filter(definition=OuterRef("pk"))
    published = versions.filter(status=VersionStatus.PUBLISHED).order_by("-number")
    return definitions_in_admin(model, user).annotate(
        current_number=Subquery(published.values("number")[:1]),
        has_draft=Exists(versions.filter(status=VersionStatus.DRAFT)),
    )


def definition_can_edit(user, definition: AbstractDefinition) -> bool:
    """Network-wide definitions are central administrators', a partner's its administrators'."""
    if user_is_central_administrator(user):
        return True
    if definition.partner_id is None:
        return False
    return definition.partner_id in user_partner_ids(user, Role.ADMINISTRATOR)


def definition_for_admin(model: type[AbstractDefinition], user, pk, *, edit: bool = False):
    """The definition if the user may see it (or change it, with `edit`); otherwise a 404.
    Someone who administers nothing gets PermissionDenied first, whatever the pk."""
    if not user_is_administrator(user):
        raise PermissionDenied
    definition = definitions_in_admin(model, user).filter(pk=pk).first()
    if definition is None or (edit and not definition_can_edit(user, definition)):
        raise Http404
    return definition


def partners_for_new_definitions(user) -> QuerySet[Partner]:
    """Partners the user may create (or copy) definitions for."""
    return partners_administered_by(user).filter(is_active=True).order_by("name_th")


def version_draft_of(definition: AbstractDefinition):
    return definition.versions.filter(status=VersionStatus.DRAFT).first()


def version_current_of(definition: AbstractDefinition):
    """The newest published version: the one in use."""
    return definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


class PartnerOwnedPermissionPolicy(BasePermissionPolicy):
    """Wagtail's permission checks for a definition model (or any configuration a partner or the
    network owns, such as outcomes), decided by the rules above rather than by Django model
    permissions (roles are per partner, not global)."""

    def user_has_permission(self, user, action) -> bool:
        return action in ("add", "change", "view") and user_is_administrator(user)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if action == "view":
            return definitions_in_admin(self.model, user).filter(pk=instance.pk).exists()
        return definition_can_edit(user, instance)

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        definitions = definitions_in_admin(self.model, user)
        if action == "view" or user_is_central_administrator(user):
            return definitions
        return definitions.filter(partner_id__in=user_partner_ids(user, Role.ADMINISTRATOR))
