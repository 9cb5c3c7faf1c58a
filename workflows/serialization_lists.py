"""The referral lists in the definitions bundle: legal bases, external organizations and letter
templates. They are the network's configuration, so every bundle carries them all; importing adds
the ones the installation lacks (by key) and leaves those it has as they are, like outcomes."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from workflows.models import ExternalOrganization, LegalBasis, LetterTemplate

LISTS = {
    "legal_bases": (
        LegalBasis,
        ("key", "name_th", "name_en", "allows_sensitive", "is_active", "sort_order"),
    ),
    "external_organizations": (
        ExternalOrganization,
        ("key", "name_th", "name_en", "kind", "address", "contact", "is_active"),
    ),
    "letter_templates": (
        LetterTemplate,
        ("key", "name_th", "name_en", "subject", "body", "is_active"),
    ),
}


def referral_lists_export() -> dict:
    return {
        section: [
            {attr: getattr(row, attr) for attr in attrs} for row in model.objects.order_by("key")
        ]
        for section, (model, attrs) in LISTS.items()
    }


def referral_lists_import(document: dict) -> list[str]:
    """Add the rows the installation lacks; the problems, if any (the caller rolls back)."""
    problems: list[str] = []
    for section, (model, attrs) in LISTS.items():
        items = document.get(section) or []
        if not isinstance(items, list):
            problems.append(_("“%(section)s” must be a list.") % {"section": section})
            continue
        known = set(model.objects.values_list("key", flat=True))
        for item in items:
            key = item.get("key") if isinstance(item, dict) else None
            if not key or key in known:
                continue
            row = model(**{attr: item[attr] for attr in attrs if item.get(attr) is not None})
            try:
                row.full_clean()
            except ValidationError as error:
                problems += [f"{section} “{key}”: {message}" for message in error.messages]
                continue
            row.save()
            known.add(key)
    return problems
