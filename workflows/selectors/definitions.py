"""Reads for the process administration: who may see and change which processes, and with what."""

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from forms_builder.models import FormVersion, VersionStatus
from partners.models import Partner, Role
from partners.selectors import (
    partners_administered_by,
    user_is_administrator,
    user_is_central_administrator,
    user_partner_ids,
)
from workflows.models import ProcessDefinition, ProcessVersion


def user_can_administer_processes(user) -> bool:
    """Central administrators and administrators of at least one partner."""
    return user_is_administrator(user)


def process_definitions_in_admin(user) -> QuerySet[ProcessDefinition]:
    """Processes the user sees in the admin: their partners' and the network-wide ones."""
    definitions = ProcessDefinition.objects.select_related("partner")
    if user_is_central_administrator(user):
        return definitions
    return definitions.filter(
        Q(partner_id__in=user_partner_ids(user, Role.ADMINISTRATOR)) | Q(partner__isnull=True)
    )


def process_definitions_listed(user) -> QuerySet[ProcessDefinition]:
    """The list page: with the current version's number and whether a draft exists."""
    versions = ProcessVersion.objects.filter(definition=OuterRef("pk"))
    published = versions.filter(status=VersionStatus.PUBLISHED).order_by("-number")
    return (
        process_definitions_in_admin(user)
        .annotate(
            current_number=Subquery(published.values("number")[:1]),
            has_draft=Exists(versions.filter(status=VersionStatus.DRAFT)),
        )
        .order_by("partner__name_th", "name_th", "pk")
    )


def process_definition_can_edit(user, definition: ProcessDefinition) -> bool:
    """Network-wide processes are central administrators', a partner's its administrators'."""
    if user_is_central_administrator(user):
        return True
    if definition.partner_id is None:
        return False
    return definition.partner_id in user_partner_ids(user, Role.ADMINISTRATOR)


def process_definition_for_admin(user, pk: int, *, edit: bool = False) -> ProcessDefinition:
    """The process if the user may see it (or change it, with `edit`); otherwise a 404."""
    definition = process_definitions_in_admin(user).filter(pk=pk).first()
    if definition is None or (edit and not process_definition_can_edit(user, definition)):
        raise Http404
    return definition


def partners_for_new_processes(user) -> QuerySet[Partner]:
    return partners_administered_by(user).filter(is_active=True).order_by("name_th")


def process_version_draft_of(definition: ProcessDefinition) -> ProcessVersion | None:
    return definition.versions.filter(status=VersionStatus.DRAFT).first()


def process_version_published_of(definition: ProcessDefinition) -> ProcessVersion | None:
    return definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


def form_versions_for_steps(definition: ProcessDefinition) -> QuerySet[FormVersion]:
    """Published form versions a step of this process may use: its partner's or network-wide."""
    owners = Q(definition__partner__isnull=True)
    if definition.partner_id is not None:
        owners |= Q(definition__partner_id=definition.partner_id)
    return (
        FormVersion.objects.filter(owners, status=VersionStatus.PUBLISHED)
        .select_related("definition__partner")
        .order_by("definition__name_th", "definition_id", "-number")
    )


def form_version_usages(*, definition, versions) -> dict[int, list[tuple[str, str | None]]]:
    """For the forms admin: which process versions use each form version."""
    from django.urls import reverse

    from workflows.models import Step

    usages: dict[int, list[tuple[str, str | None]]] = {}
    steps = (
        Step.objects.filter(form_version__in=versions)
        .select_related("version__definition")
        .order_by("version__definition__name_th", "version__number")
    )
    for step in steps:
        version = step.version
        label = f"{version.definition.name} v{version.number} · {step.name}"
        url = reverse("workflows_definitions:version", args=[version.definition_id, version.number])
        usages.setdefault(step.form_version_id, []).append((label, url))
    return usages
