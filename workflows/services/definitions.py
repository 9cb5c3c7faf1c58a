"""Defining processes: drafts, steps, transitions, publishing (with graph validation)."""

from collections import defaultdict, deque

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_builder.conditions import condition_validate
from forms_builder.models import FieldDefinition, FieldType, VersionStatus
from workflows.models import ProcessDefinition, ProcessVersion, Step, Transition
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


def _reachable(start: Step, edges: dict[int, list[int]]) -> set[int]:
    seen, todo = {start.pk}, deque([start.pk])
    while todo:
        for nxt in edges[todo.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def process_version_problems(*, version: ProcessVersion) -> list[str]:
    """Every reason the version cannot be published, each naming the step and what to fix."""
    steps = {s.pk: s for s in version.steps.select_related("form_version__definition")}
    transitions = list(version.transitions.all())
    problems: list[str] = []
    starts = [s for s in steps.values() if s.is_start]
    if len(starts) != 1:
        problems.append(
            _("A process needs exactly one start step (it has %(n)d).") % {"n": len(starts)}
        )
    forward: dict[int, list[int]] = defaultdict(list)
    backward: dict[int, list[int]] = defaultdict(list)
    for t in transitions:
        forward[t.source_id].append(t.target_id)
        backward[t.target_id].append(t.source_id)
    for step in steps.values():
        problems += _step_problems(step, forward[step.pk], version.definition.partner_id)
    if len(starts) == 1:
        reachable = _reachable(starts[0], forward)
        for step in steps.values():
            if step.pk not in reachable:
                problems.append(
                    _("Step “%(step)s” cannot be reached from the start.") % {"step": step.name}
                )
        ends = [s for s in steps.values() if s.is_end]
        leads_to_end = set().union(*(_reachable(e, backward) for e in ends)) if ends else set()
        for pk in reachable:
            if pk not in leads_to_end and not steps[pk].is_end:
                problems.append(
                    _("From step “%(step)s” no path reaches an end.") % {"step": steps[pk].name}
                )
        problems += _condition_problems(steps, transitions, backward)
    return problems


def _step_problems(step: Step, targets: list[int], partner_id: int | None) -> list[str]:
    return step.kind_spec.problems(step, targets=targets, partner_id=partner_id)


def _condition_problems(steps, transitions, backward) -> list[str]:
    """A condition may use only fields of forms filled in on a path to its step (the step too)."""
    problems = []
    for t in transitions:
        if t.condition is None:
            continue
        fields = _fields_of(steps[pk] for pk in _reachable(steps[t.source_id], backward))
        for problem in condition_validate(t.condition, fields):
            problems.append(
                _("Decision “%(label)s” of step “%(step)s”: %(problem)s")
                % {"label": t.label, "step": steps[t.source_id].name, "problem": problem}
            )
    return problems


def _fields_of(steps) -> dict[str, FieldDefinition]:
    """The fields of these steps' forms a decision can test, by key, in the steps' order."""
    form_version_ids = [
        s.form_version_id for s in sorted(steps, key=lambda s: (s.sort_order, s.pk))
    ]
    fields: dict[str, FieldDefinition] = {}
    rows = FieldDefinition.objects.filter(version_id__in=[i for i in form_version_ids if i])
    by_version: dict[int, list[FieldDefinition]] = defaultdict(list)
    for f in rows.order_by("sort_order", "pk"):
        by_version[f.version_id].append(f)
    for version_id in form_version_ids:
        for f in by_version.get(version_id, []):
            if f.field_type != FieldType.HEADING:
                fields[f.key] = f
    return fields


def step_fields_before(*, step: Step) -> dict[str, FieldDefinition]:
    """Fields a decision out of `step` may test: those of the forms filled in on a way to it."""
    steps = {s.pk: s for s in step.version.steps.all()}
    backward: dict[int, list[int]] = defaultdict(list)
    for source_id, target_id in step.version.transitions.values_list("source_id", "target_id"):
        backward[target_id].append(source_id)
    return _fields_of(steps[pk] for pk in _reachable(steps[step.pk], backward))


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
    """The definition's draft; a new one copies the newest version's steps and transitions."""
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
