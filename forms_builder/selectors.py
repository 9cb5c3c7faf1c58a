"""Reads: which forms a user sees, published versions, past answers for people to read."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from forms_builder.conditions import condition_evaluate
from forms_builder.display import answer_display
from forms_builder.models import AnswerSet, FieldType, FormDefinition, FormVersion, VersionStatus
from partners.selectors import (
    partners_administered_by,
    user_is_central_administrator,
    user_partner_ids,
)

MASKED_TEXT = _("Sensitive data: hidden")


def form_definitions_for_user(user) -> QuerySet[FormDefinition]:
    """Forms a user may see: their partners' and the network's shared ones (all for central)."""
    definitions = FormDefinition.objects.select_related("partner")
    if user_is_central_administrator(user):
        return definitions.all()
    return definitions.filter(Q(partner__in=user_partner_ids(user)) | Q(partner__isnull=True))


def form_definitions_administered_by(user) -> QuerySet[FormDefinition]:
    """Forms a user may change: their administered partners' (and shared ones for central)."""
    definitions = FormDefinition.objects.select_related("partner")
    if user_is_central_administrator(user):
        return definitions.all()
    return definitions.filter(partner__in=partners_administered_by(user))


def form_version_published_latest(*, definition: FormDefinition) -> FormVersion | None:
    return definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


def form_version_for(*, partner, key: str) -> FormVersion | None:
    """The newest published version of the partner's form with this key, else the shared one."""
    versions = FormVersion.objects.filter(
        status=VersionStatus.PUBLISHED, definition__key=key
    ).select_related("definition")
    return (
        versions.filter(definition__partner=partner).order_by("-number").first()
        or versions.filter(definition__partner__isnull=True).order_by("-number").first()
    )


@dataclass(frozen=True)
class AnswerRow:
    """One line of a read-only answer table. `text` is plain text: templates escape it."""

    key: str
    label: str
    text: str
    field_type: str
    is_heading: bool = False
    masked: bool = False
    value: Any = None  # the stored value; None when masked


def answers_display(*, answer_set: AnswerSet, can_see_sensitive: bool) -> list[AnswerRow]:
    """The answers with the labels of the version they were given to (hidden fields left out)."""
    data = answer_set.data or {}
    rows = []
    for field in answer_set.form_version.fields.all():
        value = data.get(field.key)
        if value is None and not condition_evaluate(field.condition, data):
            continue  # was hidden when answered
        if field.field_type == FieldType.HEADING:
            rows.append(AnswerRow(field.key, field.label, field.help_text, field.field_type, True))
            continue
        if field.sensitive and not can_see_sensitive:
            rows.append(
                AnswerRow(field.key, field.label, str(MASKED_TEXT), field.field_type, masked=True)
            )
            continue
        text = answer_display(field, value) or "—"
        rows.append(AnswerRow(field.key, field.label, text, field.field_type, value=value))
    return rows
