"""The JSON bundle of definitions (docs/definitions.md). Import is all or nothing and idempotent."""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
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
from forms_builder.bundle_schema import bundle_problems
from forms_builder.checks import fields_problems
from forms_builder.models import (
    FIELD_KEY_PATTERN,
    FieldDefinition,
    FieldType,
    FormDefinition,
    FormPurpose,
    FormVersion,
    VersionStatus,
)
from forms_builder.services import FIELD_COPY_ATTRS, form_version_publish
from partners.models import Partner

BUNDLE_FORMAT = "thiphueng-definitions"
BUNDLE_VERSION = 1
DEFINITION_ATTRS = ("key", "name_th", "name_en", "description_th", "description_en", "purpose")
FIELD_ATTRS = tuple(a for a in FIELD_COPY_ATTRS if a != "sort_order")


def field_as_dict(f: FieldDefinition) -> dict:
    return {attr: getattr(f, attr) for attr in FIELD_ATTRS}


def version_as_dict(version: FormVersion) -> dict:
    return {
        "number": version.number,
        "status": version.status,
        "published_at": version.published_at.isoformat() if version.published_at else None,
        "fields": [field_as_dict(f) for f in version.fields.all()],
    }


def _chosen_versions(definition: FormDefinition, versions: str) -> list[FormVersion]:
    every = sorted(definition.versions.all(), key=lambda v: v.number)
    if versions == "all":
        return every
    published = [v for v in every if v.status == VersionStatus.PUBLISHED]
    return (published or every)[-1:]


def definitions_export(*, definitions: Iterable[FormDefinition], versions: str = "all") -> dict:
    """The bundle of these forms with all their versions, or only the newest published one."""
    if versions not in ("all", "latest"):
        raise ValueError("versions is 'all' or 'latest'")
    forms = []
    for definition in definitions:
        forms.append(
            {
                "partner": definition.partner.code if definition.partner_id else None,
                **{attr: getattr(definition, attr) for attr in DEFINITION_ATTRS},
                "versions": [version_as_dict(v) for v in _chosen_versions(definition, versions)],
            }
        )
    forms.sort(key=lambda f: (f["partner"] or "", f["key"]))
    return {
        "format": BUNDLE_FORMAT,
        "format_version": BUNDLE_VERSION,
        "forms": forms,
        "processes": [],
    }


def definitions_queryset(*, partner_code: str | None = None, key: str | None = None):
    queryset = FormDefinition.objects.select_related("partner").prefetch_related("versions__fields")
    if partner_code:
        queryset = queryset.filter(partner__code=partner_code)
    if key:
        queryset = queryset.filter(key=key)
    return queryset


@dataclass
class ImportReport:
    forms_created: int = 0
    versions_created: int = 0
    versions_unchanged: int = 0
    drafts_replaced: int = 0
    messages: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def note(self, definition, action: str, existed: bool, **values) -> None:
        self.changes.append(
            Change(
                "form",
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


def _bundle_problems(document) -> list[str]:
    if not isinstance(document, dict) or document.get("format") != BUNDLE_FORMAT:
        return [_("This is not a Thiphueng definitions file (“format” is missing or wrong).")]
    if document.get("format_version") != BUNDLE_VERSION:
        return [
            _("Unsupported format version %(found)s (this system reads version %(known)s).")
            % {"found": document.get("format_version"), "known": BUNDLE_VERSION}
        ]
    return bundle_problems(document)


def _draft_problems(fields: list[FieldDefinition]) -> list[str]:
    """A draft may be unfinished, but its keys and types must already be sound."""
    problems, seen = [], set()
    for f in fields:
        if not re.match(FIELD_KEY_PATTERN, str(f.key)) or f.key in seen:
            problems.append(_("The key “%(key)s” is not valid or is repeated.") % {"key": f.key})
        if f.field_type not in FieldType.values:
            problems.append(_("Unknown field type “%(type)s”.") % {"type": f.field_type})
        seen.add(f.key)
    return problems


def _fields_from(data, where: str, strict: bool) -> tuple[list[FieldDefinition], list[str]]:
    if not isinstance(data, list):
        return [], [_("%(where)s: “fields” must be a list.") % {"where": where}]
    fields, problems = [], []
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not {"key", "field_type"} <= set(item):
            problems.append(
                _("%(where)s: field %(n)s needs a key and a field_type.")
                % {"where": where, "n": index + 1}
            )
            continue
        unknown = set(item) - set(FIELD_ATTRS)
        if unknown:
            problems.append(
                _("%(where)s: field “%(key)s” has unknown entries: %(names)s.")
                % {"where": where, "key": item["key"], "names": ", ".join(sorted(unknown))}
            )
        values = {a: item[a] for a in FIELD_ATTRS if a in item}
        values.setdefault("choices", [])
        values.setdefault("validation", {})
        values.setdefault("options", {})
        fields.append(FieldDefinition(sort_order=index, **values))
    check = fields_problems if strict else _draft_problems
    problems += [f"{where}: {p}" for p in check(fields)]
    return fields, problems


def _same_fields(version: FormVersion, fields: list[FieldDefinition]) -> bool:
    return [field_as_dict(f) for f in version.fields.all()] == [field_as_dict(f) for f in fields]


def _definition_for(item: dict, partners: dict, report: ImportReport) -> FormDefinition:
    partner = partners.get(item.get("partner"))
    values = {attr: item.get(attr, "") for attr in DEFINITION_ATTRS if attr != "key"}
    values["purpose"] = values["purpose"] or FormPurpose.OTHER
    definition = FormDefinition.objects.filter(partner=partner, key=item["key"]).first()
    definition_existed = definition is not None
    if definition is None:
        definition = FormDefinition(partner=partner, key=item["key"])
        report.forms_created += 1
    for name, value in values.items():
        setattr(definition, name, value)
    definition.full_clean()
    definition.save()
    definition.existed = definition_existed
    if not definition_existed:
        report.note(definition, NEW_DEFINITION, False)
    return definition


def _version_import(definition, item: dict, where: str, report: ImportReport) -> list[str]:
    status = item.get("status")
    fields, problems = _fields_from(item.get("fields"), where, status != VersionStatus.DRAFT)
    if status not in VersionStatus.values or not isinstance(item.get("number"), int):
        return [*problems, _("%(where)s: needs a number and a status.") % {"where": where}]
    if problems:
        return problems
    existing = definition.versions.filter(number=item["number"]).first()
    if existing is not None and existing.is_published:
        if _same_fields(existing, fields) and status == VersionStatus.PUBLISHED:
            report.versions_unchanged += 1
            report.note(definition, UNCHANGED, definition.existed, number=existing.number)
            return []
        return [
            _("%(where)s: this published version already exists with other fields.")
            % {"where": where}
        ]
    other_draft = (
        definition.versions.filter(status=VersionStatus.DRAFT)
        .exclude(number=item["number"])
        .exists()
    )
    if other_draft and status == VersionStatus.DRAFT:
        return [
            _("%(where)s: the form already has a draft with another number.") % {"where": where}
        ]
    if other_draft and existing is None:
        return [
            _(
                "%(where)s: the form has a draft open here. Publish or delete the draft, then "
                "import the file again."
            )
            % {"where": where}
        ]
    if existing is None:
        existing = FormVersion.objects.create(definition=definition, number=item["number"])
        report.versions_created += 1
        action = NEW_VERSION
    else:
        existing.fields.all().delete()
        report.drafts_replaced += 1
        action = DRAFT_REPLACED
    report.note(definition, action, definition.existed, number=existing.number, status=status)
    for f in fields:
        f.version = existing
    FieldDefinition.objects.bulk_create(fields)
    if status == VersionStatus.PUBLISHED:
        published_at = item.get("published_at")
        form_version_publish(
            version=existing,
            published_at=dt.datetime.fromisoformat(published_at) if published_at else None,
        )
    return []


def definitions_import(*, document: dict, user=None) -> ImportReport:
    """Create or update the bundle's forms. All or nothing: ValidationError lists every problem."""
    problems = _bundle_problems(document)
    if problems:
        raise ValidationError(problems)
    report = ImportReport()
    try:
        with transaction.atomic():
            problems = _import_forms(document.get("forms", []), report)
            if problems:
                raise _Problems(problems)
    except _Problems as failure:
        raise ValidationError(failure.problems) from None
    except IntegrityError:
        raise ValidationError(concurrent_change_message()) from None
    return report


def concurrent_change_message() -> str:
    return _(
        "Someone else changed these definitions at the same moment (another import or a draft). "
        "Nothing was imported; import the file again."
    )


def _import_forms(items: list, report: ImportReport) -> list[str]:
    codes = {i.get("partner") for i in items if isinstance(i, dict) and i.get("partner")}
    partners = {p.code: p for p in Partner.objects.filter(code__in=codes)}
    problems = []
    for item in items:
        if not isinstance(item, dict) or not item.get("key"):
            problems.append(_("Every form needs a key."))
            continue
        code = item.get("partner")
        if code and code not in partners:
            problems.append(unknown_partner_message(item["key"], code))
            continue
        where = place(partners.get(code), item["key"])
        try:
            definition = _definition_for(item, partners, report)
        except ValidationError as error:
            problems += [f"{where}: {m}" for m in error.messages]
            continue
        before = current_number(definition)
        for version in item.get("versions") or []:
            number = version.get("number") if isinstance(version, dict) else "?"
            version_where = f"{where} v{number}"
            if not isinstance(version, dict):
                problems.append(_("%(where)s: a version must be an object.") % {"where": where})
                continue
            try:
                problems += _version_import(definition, version, version_where, report)
            except ValidationError as error:
                problems += [f"{version_where}: {m}" for m in error.messages]
        record_current(report.changes, "form", definition, before, definition.existed)
    return problems


__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_VERSION",
    "ImportReport",
    "concurrent_change_message",
    "definitions_export",
    "definitions_import",
    "definitions_queryset",
]
