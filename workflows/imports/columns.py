"""The columns of a client register: the key, the Thai and English headers of the template, and
how the header in a partner's own file is recognised (Thai, English or the key; any case)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    th: str
    en: str
    help: Promise
    choices: type | None = None

    @property
    def header(self) -> str:
        return f"{self.th} / {self.en}"


def header_key(text: str) -> str:
    return "".join(str(text or "").lower().replace("*", "").split())


def columns_match(headers: list[str], columns: tuple[Column, ...]) -> tuple[dict, list[str]]:
    """{column key: index in the file} and the headers nobody knows. 'ชื่อ / First name', 'ชื่อ',
    'First name' and 'first_name' all name the same column."""
    names = {}
    for column in columns:
        for name in (column.key, column.th, column.en, column.header):
            names[header_key(name)] = column.key
    found, unknown = {}, []
    for index, header in enumerate(headers):
        key = names.get(header_key(header))
        if key is None:
            parts = [names.get(header_key(part)) for part in str(header).split("/")]
            key = next((part for part in parts if part), None)
        if key is None or key in found:
            if str(header or "").strip():
                unknown.append(str(header))
            continue
        found[key] = index
    return found, unknown


DATE_HELP = _("Day/month/Buddhist-era year: 6/8/2563, 06-08-63 or 6 ส.ค. 2563.")
AREA_HELP = _("Thai name or DOPA code. A district needs its province, a subdistrict its district.")
