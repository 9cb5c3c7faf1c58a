"""DOPA province / district / subdistrict codes, read from geothai."""

import geothai
from django.utils.translation import get_language


def _localized(area) -> str:
    language = get_language() or "th"
    return area.name_en if language.startswith("en") else area.name_th


def area_lookup(code: str):
    """The geothai area a 2-, 4- or 6-digit DOPA code names, or None."""
    match len(code):
        case 2:
            return geothai.province(code)
        case 4:
            return geothai.district(code)
        case 6:
            return geothai.subdistrict(code)
    return None


BANGKOK = "10"


def _thai_with_prefix(area, length: int) -> str:
    """The Thai name with the word for its level, as Thai addresses write it: ต. / อ. / จ.
    (Bangkok: แขวง / เขต, and the capital without จ.)."""
    name = area.name_th
    in_bangkok = area.code.startswith(BANGKOK)
    if length == 6:
        return f"แขวง{name}" if in_bangkok else f"ต.{name}"
    if length == 4:
        return name if name.startswith("เขต") else f"อ.{name}"
    return name if in_bangkok else f"จ.{name}"


def area_name(code: str) -> str:
    """'ต.หนองปรือ อ.บางละมุง จ.ชลบุรี' (Thai) or 'Nong Prue, Bang Lamung, Chon Buri' (English):
    the full name of a DOPA code in the active language."""
    english = (get_language() or "th").startswith("en")
    parts = []
    for length in (6, 4, 2):
        if len(code) >= length:
            area = area_lookup(code[:length])
            if area is None:
                return code
            parts.append(area.name_en if english else _thai_with_prefix(area, length))
    return ", ".join(parts) if english else " ".join(parts)


def is_valid_area_code(code: str) -> bool:
    return area_lookup(code) is not None


def area_children(parent: str = "") -> list[tuple[str, str]]:
    """(code, name) of the provinces (no parent), a province's districts or a district's
    subdistricts, in the active language. Unknown parents have no children."""
    if not parent:
        provinces = [(p.code, _localized(p)) for p in geothai.provinces()]
        return sorted(provinces, key=lambda choice: choice[1])
    if len(parent) == 2:
        return [(d.code, _localized(d)) for d in geothai.districts(parent)]
    if len(parent) == 4:
        return [(s.code, _localized(s)) for s in geothai.subdistricts(parent)]
    return []
