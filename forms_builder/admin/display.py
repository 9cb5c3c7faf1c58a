"""Field settings described in words for the admin's read-only views (never raw JSON)."""

from django.utils.translation import gettext as _

from forms_builder.display import condition_describe
from forms_builder.models import FieldDefinition


def validation_describe(field: FieldDefinition) -> list[str]:
    rules = field.validation or {}
    names = {
        "min_value": _("smallest"),
        "max_value": _("largest"),
        "min_length": _("at least this many characters"),
        "max_length": _("at most this many characters"),
        "pattern": _("pattern"),
        "max_size_mb": _("largest file (MB)"),
    }
    described = [f"{label}: {rules[name]}" for name, label in names.items() if name in rules]
    if rules.get("accept"):
        described.append(_("accepted files: %(types)s") % {"types": ", ".join(rules["accept"])})
    return described


def field_rows(fields: list[FieldDefinition]) -> list[dict]:
    """What the read-only views show of each field."""
    by_key = {field.key: field for field in fields}
    return [
        {
            "field": field,
            "condition": condition_describe(field.condition, by_key),
            "validation": validation_describe(field),
            "choices": field.choices or [],
        }
        for field in fields
    ]
