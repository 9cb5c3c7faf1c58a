"""Bilingual texts kept in JSON (choices, pattern messages), in the active language."""

from django.utils.translation import get_language


def localized_text(data: dict, name: str) -> str:
    """`data[name + "_en"]` in English (when not empty), else `data[name + "_th"]`."""
    if (get_language() or "th").startswith("en") and data.get(f"{name}_en"):
        return str(data[f"{name}_en"])
    return str(data.get(f"{name}_th") or "")
