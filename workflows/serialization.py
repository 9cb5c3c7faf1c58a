"""Processes in the JSON bundle of definitions, next to the forms (docs/definitions.md).

A step names its form by partner code (null: network-wide), form key and version number, so a
bundle carries the forms its processes use. Import is all or nothing and idempotent, like forms.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_builder.bundle_report import (
    DRAFT_REPLACED,
    NEW_DEFINITION,
    NEW_VERSION,
    UNCHANGED,
    Change,
    current_number,
    place,
    record_current,
    unknown_partner_message,
)
from forms_builder.bundle_schema import bundle_check
from forms_builder.models import FormDefinition, FormVersion, VersionStatus
from forms_builder.serialization import (
    BUNDLE_FORMAT,
    ImportReport,
    concurrent_change_message,
    definitions_export,
    definitions_import,
    definitions_queryset,
)
from partners.models import Partner
from workflows.bundle_schema import DEFINITIONS_BUNDLE_SCHEMA
from workflows.models import (
    Outcome,
    ProcessDefinition,
    ProcessKind,
    ProcessVersion,
    Step,
    Transition,
)
from workflows.serialization_lists import referral_lists_export, referral_lists_import
from workflows.services.definitions import process_version_problems

PROCESS_ATTRS = ("key", "name_th", "name_en", "description_th", "description_en", "kind")
STEP_ATTRS = ("key", "kind", "name_th", "name_en", "is_start", "role", "due_hours")
STEP_ATTRS += ("due_working_days", "grace_hours", "requires_approval", "outcome")
#: Step attributes added after format version 1, as a bundle without them means them.
STEP_DEFAULTS = {"due_working_days": False, "grace_hours": None}
TRANSITION_ATTRS = ("label_th", "label_en", "condition", "is_default")
OUTCOME_ATTRS = ("name_th", "name_en", "sort_order")


def _form_ref(form_version: FormVersion | None) -> dict | None:
    if form_version is None:
        return None
    definition = form_version.definition
    return {
        "partner": definition.partner.code if definition.partner_id else None,
        "key": definition.key,
        "version": form_version.number,
    }


def process_version_as_dict(version: ProcessVersion) -> dict:
    steps = list(
        version.steps.select_related("form_version__definition__partner").order_by(
            "sort_order", "pk"
        )
    )
    keys = {s.pk: s.key for s in steps}
    position = {s.pk: index for index, s in enumerate(steps)}
    transitions = sorted(
        version.transitions.all(), key=lambda t: (position[t.source_id], t.sort_order, t.pk)
    )
    return {
        "number": version.number,
        "status": version.status,
        "published_at": version.published_at.isoformat() if version.published_at else None,
        "steps": [
            {
                **{a: getattr(s, a) for a in STEP_ATTRS},
                "form": _form_ref(s.form_version),
                **({"settings": s.settings} if s.settings else {}),
            }
            for s in steps
        ],
        "transitions": [
            {
                "from": keys[t.source_id],
                "to": keys[t.target_id],
                **{a: getattr(t, a) for a in TRANSITION_ATTRS},
            }
            for t in transitions
        ],
    }


def _chosen(definition: ProcessDefinition, versions: str) -> list[ProcessVersion]:
    every = sorted(definition.versions.all(), key=lambda v: v.number)
    if versions == "all":
        return every
    published = [v for v in every if v.is_published]
    return (published or every)[-1:]


def processes_export(
    *, definitions: Iterable[ProcessDefinition], versions: str = "all"
) -> list[dict]:
    items = [
        {
            "partner": d.partner.code if d.partner_id else None,
            **{a: getattr(d, a) for a in PROCESS_ATTRS},
            "versions": [process_version_as_dict(v) for v in _chosen(d, versions)],
        }
        for d in definitions
    ]
    return sorted(items, key=lambda p: (p["partner"] or "", p["key"]))


def _used_forms(processes: list[dict]) -> set[tuple[str | None, str, int]]:
    return {
        (s["form"]["partner"], s["form"]["key"], s["form"]["version"])
        for p in processes
        for v in p["versions"]
        for s in v["steps"]
        if s["form"]
    }


def bundle_export(
    *,
    processes: Iterable[ProcessDefinition],
    forms: Iterable[FormDefinition] | None = None,
    versions: str = "all",
    referral_lists: bool = False,
) -> dict:
    """The bundle of these forms and processes. Every form version a step uses travels with it,
    even when `forms` leaves its form out or `versions="latest"` would skip that version. With
    `referral_lists`, the network's legal bases, external organizations and letter templates."""
    process_items = processes_export(definitions=processes, versions=versions)
    used = _used_forms(process_items)
    chosen = {f.pk: f for f in forms or []}
    named = {(f.partner.code if f.partner_id else None, f.key) for f in chosen.values()}
    for partner, key, _number in used:
        owner = {"partner__code": partner} if partner else {"partner__isnull": True}
        form = definitions_queryset(key=key).filter(**owner).first()
        if form is not None:
            chosen.setdefault(form.pk, form)
    document = definitions_export(definitions=chosen.values(), versions="all")
    if versions == "latest":
        newest = definitions_export(definitions=chosen.values(), versions="latest")["forms"]
        for item, latest in zip(document["forms"], newest, strict=True):
            owner = (item["partner"], item["key"])
            keep = {number for p, k, number in used if (p, k) == owner}
            if owner in named:
                keep |= {v["number"] for v in latest["versions"]}
            item["versions"] = [v for v in item["versions"] if v["number"] in keep]
    document["processes"] = process_items
    document["outcomes"] = _outcomes_export(process_items)
    if referral_lists:
        document.update(referral_lists_export())
    return document


def _outcomes_export(processes: list[dict]) -> list[dict]:
    """The outcomes the processes' end steps record, so that another installation has them."""
    keys = {s["outcome"] for p in processes for v in p["versions"] for s in v["steps"]}
    outcomes = Outcome.objects.filter(key__in=keys - {""}).select_related("partner")
    return [
        {"partner": o.partner.code if o.partner_id else None, "key": o.key}
        | {attr: getattr(o, attr) for attr in OUTCOME_ATTRS}
        for o in sorted(outcomes, key=lambda o: o.key)
    ]


def _outcomes_import(items, report) -> list[str]:
    """Outcomes the installation lacks are added (by key); those it has stay as they are."""
    if not isinstance(items, list):
        return [_("“outcomes” must be a list.")]
    problems = []
    known = set(Outcome.objects.values_list("key", flat=True))
    for item in items:
        key = item.get("key") if isinstance(item, dict) else None
        if not key or key in known:
            continue
        code = item.get("partner")
        partner = Partner.objects.filter(code=code).first() if code else None
        if code and partner is None:
            problems.append(unknown_partner_message(_("Outcome “%(key)s”") % {"key": key}, code))
            continue
        outcome = Outcome(
            key=key,
            partner=partner,
            name_th=item.get("name_th") or "",
            name_en=item.get("name_en") or "",
            sort_order=item.get("sort_order") or 0,
        )
        try:
            outcome.full_clean()
        except ValidationError as error:
            problems += [f"{key}: {m}" for m in error.messages]
            continue
        outcome.save()
        known.add(key)
        report.process_changes.append(
            Change("outcome", NEW_DEFINITION, outcome.partner_id, key, outcome.name_th)
        )
    return problems


@dataclass
class BundleReport:
    forms: ImportReport
    processes_created: int = 0
    versions_created: int = 0
    versions_unchanged: int = 0
    drafts_replaced: int = 0
    process_changes: list[Change] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        return [*self.forms.changes, *self.process_changes]

    def note(self, definition, action: str, existed: bool, **values) -> None:
        self.process_changes.append(
            Change(
                "process",
                action,
                definition.partner_id,
                definition.key,
                definition.name_th,
                existed,
                **values,
            )
        )


class _Problems(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems


def bundle_import(*, document: dict, user=None) -> BundleReport:
    """Import the bundle's forms, then its processes, in one transaction: all or nothing.
    The whole document is checked against the bundle's schema before anything is read."""
    if isinstance(document, dict) and document.get("format") == BUNDLE_FORMAT:
        bundle_check(document, DEFINITIONS_BUNDLE_SCHEMA)
    try:
        with transaction.atomic():
            report = BundleReport(forms=definitions_import(document=document, user=user))
            problems = referral_lists_import(document)
            problems += _outcomes_import(document.get("outcomes") or [], report)
            problems += _import_processes(document.get("processes") or [], report)
            if problems:
                raise _Problems(problems)
    except _Problems as failure:
        raise ValidationError(failure.problems) from None
    except IntegrityError:
        raise ValidationError(concurrent_change_message()) from None
    return report


def _import_processes(items, report) -> list[str]:
    if not isinstance(items, list):
        return [_("“processes” must be a list.")]
    codes = {i.get("partner") for i in items if isinstance(i, dict) and i.get("partner")}
    partners = {p.code: p for p in Partner.objects.filter(code__in=codes)}
    problems: list[str] = []
    for item in items:
        if not isinstance(item, dict) or not item.get("key"):
            problems.append(_("Every process needs a key."))
            continue
        code = item.get("partner")
        if code and code not in partners:
            problems.append(unknown_partner_message(item["key"], code))
            continue
        where = place(partners.get(code), item["key"])
        try:
            definition = _definition_for(item, partners.get(code), report)
        except ValidationError as error:
            problems += [f"{where}: {m}" for m in error.messages]
            continue
        before = current_number(definition)
        for version in item.get("versions") or []:
            number = version.get("number") if isinstance(version, dict) else "?"
            version_where = f"{where} v{number}"
            try:
                found = _version_import(definition, version, version_where, report)
            except (ValidationError, KeyError, TypeError, AttributeError) as error:
                messages = getattr(error, "messages", None) or [
                    _("the version is malformed (%(error)s).") % {"error": error}
                ]
                found = [f"{version_where}: {m}" for m in messages]
            if found:
                problems += found
                break  # Later versions of this process would build on a broken one.
        record_current(report.process_changes, "process", definition, before, definition.existed)
    return problems


def _definition_for(item: dict, partner, report) -> ProcessDefinition:
    definition = ProcessDefinition.objects.filter(partner=partner, key=item["key"]).first()
    existed = definition is not None
    if definition is None:
        definition = ProcessDefinition(partner=partner, key=item["key"])
        report.processes_created += 1
    for attr in PROCESS_ATTRS[1:]:
        setattr(definition, attr, item.get(attr) or "")
    definition.kind = definition.kind or ProcessKind.OTHER
    definition.full_clean()
    definition.save()
    definition.existed = existed
    if not existed:
        report.note(definition, NEW_DEFINITION, False)
    return definition


def _form_version(ref, where: str) -> FormVersion:
    if ref is None:
        return None
    versions = FormVersion.objects.filter(
        definition__key=ref["key"], number=ref["version"], status=VersionStatus.PUBLISHED
    )
    if ref.get("partner"):
        versions = versions.filter(definition__partner__code=ref["partner"])
    else:
        versions = versions.filter(definition__partner__isnull=True)
    found = versions.first()
    if found is None:
        owner = Partner.objects.filter(code=ref["partner"]).first() if ref.get("partner") else None
        form = place(owner, ref["key"]) if owner or not ref.get("partner") else ref["key"]
        raise ValidationError(
            _("the published form %(form)s version %(number)s is neither in the file nor here.")
            % {"form": form, "number": ref["version"]}
        )
    return found


def _build(version: ProcessVersion, item: dict, where: str) -> None:
    steps = {}
    for index, data in enumerate(item["steps"]):
        step = Step(
            version=version,
            sort_order=index,
            form_version=_form_version(data.get("form"), where),
            settings=data.get("settings") or {},
            **{a: data[a] for a in STEP_ATTRS if a in data},
        )
        step.role = step.role or ""
        step.outcome = step.outcome or ""
        step.full_clean()
        step.save()
        steps[step.key] = step
    order: dict[str, int] = {}
    for data in item["transitions"]:
        source, target = steps.get(data["from"]), steps.get(data["to"])
        if source is None or target is None:
            raise ValidationError(
                _("a decision leads from “%(from)s” to “%(to)s”, which are not both steps.")
                % {"from": data["from"], "to": data["to"]}
            )
        order[source.key] = order.get(source.key, -1) + 1
        transition = Transition(
            version=version,
            source=source,
            target=target,
            sort_order=order[source.key],
            **{a: data[a] for a in TRANSITION_ATTRS if a in data},
        )
        transition.full_clean()
        transition.save()


def _version_import(definition, item: dict, where: str, report) -> list[str]:
    if not isinstance(item, dict) or item.get("status") not in VersionStatus.values:
        return [_("%(where)s: needs a number and a status.") % {"where": where}]
    if not isinstance(item.get("number"), int):
        return [_("%(where)s: needs a number and a status.") % {"where": where}]
    existing = definition.versions.filter(number=item["number"]).first()
    if existing is not None and existing.is_published:
        same = process_version_as_dict(existing)
        comparable = {**item, "published_at": same["published_at"]}
        if isinstance(item.get("steps"), list):  # bundles from before a step attribute existed
            comparable["steps"] = [
                {**STEP_DEFAULTS, **step} if isinstance(step, dict) else step
                for step in item["steps"]
            ]
        if comparable == same:
            report.versions_unchanged += 1
            report.note(definition, UNCHANGED, definition.existed, number=existing.number)
            return []
        return [
            _("%(where)s: this published version already exists with other steps.")
            % {"where": where}
        ]
    if (
        item["status"] == VersionStatus.DRAFT
        and (
            definition.versions.filter(status=VersionStatus.DRAFT).exclude(number=item["number"])
        ).exists()
    ):
        return [
            _("%(where)s: the process already has a draft with another number.") % {"where": where}
        ]
    published = item["status"] == VersionStatus.PUBLISHED
    published_at = None
    if published:
        text = item.get("published_at")
        published_at = dt.datetime.fromisoformat(text) if text else timezone.now()
    if existing is None:
        # Created in its final status: a published version never passes through a draft, which
        # would clash with the process's own draft.
        existing = ProcessVersion.objects.create(
            definition=definition,
            number=item["number"],
            status=item["status"],
            published_at=published_at,
        )
        report.versions_created += 1
        action = NEW_VERSION
    else:
        existing.steps.all().delete()
        existing.status, existing.published_at = item["status"], published_at
        existing.save(update_fields=["status", "published_at"])
        report.drafts_replaced += 1
        action = DRAFT_REPLACED
    report.note(
        definition, action, definition.existed, number=existing.number, status=item["status"]
    )
    _build(existing, item, where)
    if published:
        return [f"{where}: {p}" for p in process_version_problems(version=existing)]
    return []


__all__ = [
    "BundleReport",
    "bundle_export",
    "bundle_import",
    "process_version_as_dict",
    "processes_export",
]
