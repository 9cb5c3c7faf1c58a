"""Reads for the process administration: what its steps may use, and what uses a form version.
Who sees and changes which processes: forms_builder.definition_admin.access."""

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from forms_builder.models import FormVersion, VersionStatus
from workflows.models import ProcessDefinition


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


def processes_using_earlier_versions(*, form_version: FormVersion, user) -> list:
    """Processes the user may change whose newest version (or draft) has a step filling in an
    earlier version of this form. One query."""
    from forms_builder.definition_admin.access import definition_can_edit, definitions_in_admin
    from workflows.models import ProcessVersion, Step

    newest = ProcessVersion.objects.filter(definition=OuterRef("version__definition"))
    steps = (
        Step.objects.filter(
            form_version__definition_id=form_version.definition_id,
            form_version__number__lt=form_version.number,
            version__definition__in=definitions_in_admin(ProcessDefinition, user),
        )
        .annotate(newest=Subquery(newest.order_by("-number").values("pk")[:1]))
        .filter(version_id=F("newest"))
        .select_related("version__definition__partner")
    )
    found = {
        step.version.definition_id: step.version.definition
        for step in steps
        if definition_can_edit(user, step.version.definition)
    }
    return sorted(found.values(), key=lambda d: d.name_th)


def definitions_startable(partner_ids) -> QuerySet[ProcessDefinition]:
    """Published processes of these partners, and the network's shared ones."""
    return (
        ProcessDefinition.objects.filter(Q(partner_id__in=partner_ids) | Q(partner__isnull=True))
        .filter(versions__status=VersionStatus.PUBLISHED)
        .distinct()
        .order_by("name_th")
    )
