"""Defining processes: drafts, steps, transitions, publishing (with graph validation)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_builder.models import FormVersion, VersionStatus
from workflows.models import ProcessDefinition, ProcessVersion, Step, Transition
from workflows.services.publish_checks import process_version_problems
from workflows.step_kinds import STEP_KINDS


class VersionImmutable(ValidationError):
    pass


def _require_draft(version: ProcessVersion) -> None:
    if version.is_published:
        raise VersionImmutable(_("A published process version cannot change; edit a new draft."))


def _lock_draft(version_pk: int) -> ProcessVersion:
    """Re-read the version under a row lock, so no edit slips in while it is being published."""
    version = ProcessVersion.objects.select_for_update().get(pk=version_pk)
    _require_draft(version)
    return version


@transaction.atomic
def process_definition_create(
    *, partner, key: str, name_th: str, kind: str, name_en: str = "", user=None
) -> ProcessDefinition:
    definition = ProcessDefinition(
        partner=partner, key=key, name_th=name_th, name_en=name_en, kind=kind
    )
    definition.full_clean()
    definition.save()
    ProcessVersion.objects.create(definition=definition, number=1, created_by=user)
    return definition


def step_create(*, version: ProcessVersion, **attrs) -> Step:
    _require_draft(version)
    attrs.setdefault("sort_order", version.steps.count())
    step = Step(version=version, **attrs)
    step.full_clean()
    step.save()
    return step


def _step_clean_kind(step: Step) -> None:
    """A step keeps only what its kind uses: the other kinds' attributes go back to empty."""
    own = step.kind_spec.attrs
    for kind in STEP_KINDS.values():
        for name, empty in kind.attrs.items():
            if name not in own:
                setattr(step, name, empty)
    if "settings" not in own:
        step.settings = {}


@transaction.atomic
def step_save(*, version: ProcessVersion, step: Step | None = None, **attrs) -> Step:
    """Create or change a step of a draft; marking it the start moves the start to it."""
    version = _lock_draft(version.pk)
    if step is not None and step.version_id != version.pk:
        raise ValueError("the step belongs to another version")
    step = step or Step(version=version, sort_order=version.steps.count())
    for name, value in attrs.items():
        setattr(step, name, value)
    _step_clean_kind(step)
    if step.is_start:
        version.steps.exclude(pk=step.pk).filter(is_start=True).update(is_start=False)
    step.full_clean()
    step.save()
    if step.is_end:
        step.outgoing.all().delete()  # An end leads nowhere.
    return step


@transaction.atomic
def step_delete(*, step: Step) -> None:
    """Remove a step of a draft with the decisions that lead to it or out of it."""
    _lock_draft(step.version_id)
    step.delete()


def transition_create(*, source: Step, target: Step, **attrs) -> Transition:
    _require_draft(source.version)
    attrs.setdefault("sort_order", source.outgoing.count())
    transition = Transition(version=source.version, source=source, target=target, **attrs)
    transition.full_clean()
    transition.save()
    return transition


@transaction.atomic
def transition_save(*, source: Step, transition: Transition | None = None, **attrs) -> Transition:
    """Create or change a decision of a draft. Making it the default takes that from another."""
    _lock_draft(source.version_id)
    if source.is_end:
        raise ValidationError(_("An end step cannot lead anywhere."))
    transition = transition or Transition(
        version=source.version, source=source, sort_order=source.outgoing.count()
    )
    for name, value in attrs.items():
        setattr(transition, name, value)
    if transition.target.version_id != source.version_id:
        raise ValidationError(_("A decision must lead to a step of the same version."))
    if transition.is_default:
        transition.condition = None  # The default is taken when no other decision holds.
        source.outgoing.exclude(pk=transition.pk).filter(is_default=True).update(is_default=False)
    transition.full_clean()
    transition.save()
    return transition


@transaction.atomic
def transition_delete(*, transition: Transition) -> None:
    _lock_draft(transition.version_id)
    transition.delete()


@transaction.atomic
def process_version_publish(*, version: ProcessVersion, user=None) -> ProcessVersion:
    version = ProcessVersion.objects.select_for_update().get(pk=version.pk)
    _require_draft(version)
    problems = process_version_problems(version=version)
    if problems:
        raise ValidationError(problems)
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = user
    version.save(update_fields=["status", "published_at", "published_by"])
    return version


@transaction.atomic
def process_version_draft(*, definition: ProcessDefinition, user=None) -> ProcessVersion:
    """The definition's draft; a new one copies the newest version's steps and transitions.
    The definition row is locked first, so two administrators starting a draft at once get the
    same one (the second waits, then finds it)."""
    ProcessDefinition.objects.select_for_update().filter(pk=definition.pk).first()
    existing = definition.versions.filter(status=VersionStatus.DRAFT).first()
    if existing is not None:
        return existing
    latest = definition.versions.order_by("-number").first()
    draft = ProcessVersion.objects.create(
        definition=definition, number=(latest.number + 1 if latest else 1), created_by=user
    )
    if latest is not None:
        copies = {}
        for step in latest.steps.all():
            old_pk = step.pk
            step.pk = None
            step.version = draft
            step.save()
            copies[old_pk] = step
        for t in latest.transitions.all():
            t.pk = None
            t.version = draft
            t.source = copies[t.source_id]
            t.target = copies[t.target_id]
            t.save()
    return draft


@transaction.atomic
def process_drafts_adopt_form_version(
    *, form_version: FormVersion, definitions, user=None
) -> list[ProcessVersion]:
    """For each process, a draft (made from its newest version if it has none) whose steps fill
    in `form_version` instead of an earlier version of the same form. Publishing stays the
    administrator's: the drafts are checked and published like any other."""
    drafts = []
    for definition in definitions:
        draft = _lock_draft(process_version_draft(definition=definition, user=user).pk)
        draft.steps.filter(
            form_version__definition_id=form_version.definition_id,
            form_version__number__lt=form_version.number,
        ).update(form_version=form_version)
        drafts.append(draft)
    return drafts
