"""Writes: forms, versions (publish freezes; editing a published form makes a draft), answers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_builder.checks import fields_problems
from forms_builder.models import (
    AbstractDefinition,
    AnswerFile,
    AnswerSet,
    FieldDefinition,
    FormDefinition,
    FormPurpose,
    FormVersion,
    VersionStatus,
)
from forms_builder.stored_files import answer_file_written, answer_files_removed_on_failure

FIELD_COPY_ATTRS = (
    "sort_order",
    "key",
    "field_type",
    "label_th",
    "label_en",
    "help_th",
    "help_en",
    "required",
    "default",
    "choices",
    "validation",
    "options",
    "condition",
    "sensitive",
)


def _draft_required(version: FormVersion) -> None:
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(
            _("Version %(number)s is published and cannot change.") % {"number": version.number}
        )


def fields_copy(*, source: FormVersion | None, target: FormVersion) -> list[FieldDefinition]:
    """Copy every field of one version into a draft."""
    if source is None:
        return []
    copies = [
        FieldDefinition(version=target, **{a: getattr(f, a) for a in FIELD_COPY_ATTRS})
        for f in source.fields.all()
    ]
    return FieldDefinition.objects.bulk_create(copies)


DETAIL_FIELDS = ("name_th", "name_en", "description_th", "description_en")


@transaction.atomic
def definition_details_update(
    *, definition: AbstractDefinition, classifier: str, **attrs
) -> AbstractDefinition:
    """Change a form's or a process's names, description or classification (a form's purpose,
    a process's kind): these are not versioned, so a change shows in every version at once."""
    unknown = set(attrs) - {*DETAIL_FIELDS, classifier}
    if unknown:
        raise TypeError(f"definition_details_update cannot change {sorted(unknown)}")
    for name, value in attrs.items():
        setattr(definition, name, value)
    definition.full_clean()
    definition.save(update_fields=[*attrs, "updated_at"])
    return definition


@transaction.atomic
def form_definition_create(
    *,
    partner,
    key: str,
    name_th: str,
    name_en: str = "",
    purpose: str = FormPurpose.OTHER,
    user=None,
    description_th: str = "",
    description_en: str = "",
) -> FormDefinition:
    """A new form with an empty draft version 1."""
    definition = FormDefinition(
        partner=partner,
        key=key,
        name_th=name_th,
        name_en=name_en,
        purpose=purpose,
        description_th=description_th,
        description_en=description_en,
    )
    definition.full_clean()
    definition.save()
    FormVersion.objects.create(definition=definition, number=1, created_by=user)
    return definition


@transaction.atomic
def form_version_draft(*, definition: FormDefinition, user=None) -> FormVersion:
    """The form's draft; a new one copies the newest published version's fields."""
    FormDefinition.objects.select_for_update().filter(pk=definition.pk).first()
    draft = definition.versions.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        return draft
    newest = definition.versions.order_by("-number").first()
    number = (definition.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = FormVersion.objects.create(definition=definition, number=number, created_by=user)
    fields_copy(source=newest, target=draft)
    return draft


def form_version_problems(*, version: FormVersion) -> list[str]:
    """What would stop this version from being published (empty when it can be)."""
    return fields_problems(list(version.fields.all()))


@transaction.atomic
def form_version_publish(*, version: FormVersion, user=None, published_at=None) -> FormVersion:
    """Freeze a draft. Raises ValidationError listing every problem."""
    version = FormVersion.objects.select_for_update().get(pk=version.pk)
    _draft_required(version)
    problems = form_version_problems(version=version)
    if problems:
        raise ValidationError(problems)
    version.status = VersionStatus.PUBLISHED
    version.published_at = published_at or timezone.now()
    version.published_by = user
    version.save(update_fields=["status", "published_at", "published_by"])
    return version


def _published_keys(definition: FormDefinition) -> set[str]:
    return set(
        FieldDefinition.objects.filter(
            version__definition=definition, version__status=VersionStatus.PUBLISHED
        ).values_list("key", flat=True)
    )


def _field_save(field: FieldDefinition) -> FieldDefinition:
    field.full_clean()
    field.save()
    return field


@transaction.atomic
def field_create(*, version: FormVersion, **attrs) -> FieldDefinition:
    """Add a field to a draft (at the end unless sort_order is given)."""
    _draft_required(version)
    if "sort_order" not in attrs:
        last = version.fields.aggregate(n=Max("sort_order"))["n"]
        attrs["sort_order"] = 0 if last is None else last + 1
    return _field_save(FieldDefinition(version=version, **attrs))


@transaction.atomic
def field_update(*, field: FieldDefinition, **attrs) -> FieldDefinition:
    """Change a draft's field. A key that was published once never changes."""
    _draft_required(field.version)
    new_key = attrs.get("key", field.key)
    if new_key != field.key and field.key in _published_keys(field.version.definition):
        raise ValidationError(
            {"key": _("The key “%(key)s” was published and cannot change.") % {"key": field.key}}
        )
    for name, value in attrs.items():
        setattr(field, name, value)
    return _field_save(field)


@transaction.atomic
def field_delete(*, field: FieldDefinition) -> None:
    _draft_required(field.version)
    field.delete()


@transaction.atomic
def fields_reorder(*, version: FormVersion, keys: list[str]) -> None:
    """Put the draft's fields in this order (every key exactly once)."""
    _draft_required(version)
    fields = {f.key: f for f in version.fields.all()}
    if sorted(keys) != sorted(fields):
        raise ValidationError(_("The new order must list every field of the form exactly once."))
    for index, key in enumerate(keys):
        fields[key].sort_order = index
    FieldDefinition.objects.bulk_update(fields.values(), ["sort_order"])


@transaction.atomic
def form_definition_copy(
    *, definition: FormDefinition, to_partner, user=None, key: str | None = None
) -> FormDefinition:
    """A copy of the form (its newest published fields, else its draft) as another's draft v1."""
    source = (
        definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
        or definition.versions.order_by("-number").first()
    )
    copy = form_definition_create(
        partner=to_partner,
        key=key or definition.key,
        name_th=definition.name_th,
        name_en=definition.name_en,
        purpose=definition.purpose,
        description_th=definition.description_th,
        description_en=definition.description_en,
        user=user,
    )
    copy.copied_from = definition
    copy.save(update_fields=["copied_from"])
    fields_copy(source=source, target=copy.versions.get())
    return copy


def answer_set_create(*, version: FormVersion, form, user=None) -> AnswerSet:
    """Store a valid runtime form's visible answers (and files, in the private storage).

    Refused answers raise before anything is written; the writes are all or nothing with the
    caller's transaction (a task's completion: no savepoint of their own)."""
    if not version.is_published:
        raise ValidationError(_("Answers are only taken by a published version."))
    if form.version.pk != version.pk or not form.is_valid():
        raise ValidationError(_("The answers are not valid for this version."))
    data = form.answers
    files = []
    for key, upload in form.uploads.items():
        answer_file = AnswerFile(
            field_key=key,
            original_name=upload.name[:255],
            content_type=upload.content_type,
            size=upload.size,
        )
        data[key] = {
            "file": str(answer_file.uuid),
            "name": answer_file.original_name,
            "content_type": answer_file.content_type,
            "size": answer_file.size,
        }
        files.append((answer_file, upload))
    with transaction.atomic(savepoint=False), answer_files_removed_on_failure():
        answer_set = AnswerSet.objects.create(form_version=version, data=data, submitted_by=user)
        for answer_file, upload in files:
            answer_file.answer_set = answer_set
            answer_file.file.save(upload.name, upload, save=False)
            answer_file_written(answer_file.file)
            answer_file.save()
    return answer_set
