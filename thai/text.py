"""Thai text: sorting and searching names.

Thai writes the vowels เ แ โ ใ ไ before the consonant they follow in speech, and
dictionaries sort by that consonant first ("ไก่" sorts under ก, before "ขาว"). Plain
code-point order puts every word that starts with one of those vowels after all the
consonants, so names get a sort key with each leading vowel moved behind its consonant.
Tone marks and other signs rank after the letters they follow, as in the Royal Institute
Dictionary's order, by sorting them on a second level.
"""

import re
import unicodedata

LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ
TONE_AND_SIGNS = "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"  # ็ ่ ้ ๊ ๋ ์ ํ ๎
_LEADING = re.compile(f"([{LEADING_VOWELS}])([\u0e01-\u0e2e])")
_SIGNS = re.compile(f"[{TONE_AND_SIGNS}]")
_NO_SIGNS = str.maketrans(dict.fromkeys(TONE_AND_SIGNS))


def thai_sort_key(text: str) -> str:
    """A string whose ordinary (code-point) order is Thai dictionary order.

    Primary level: letters with leading vowels moved behind their consonant and signs removed;
    secondary level (after a separator that sorts first): the signs, so "ขา" < "ข้า".
    """
    text = normalize_spaces(text).lower()
    swapped = _LEADING.sub(r"\2\1", text)
    primary = swapped.translate(_NO_SIGNS)
    if len(primary) == len(swapped):
        return primary
    return f"{primary}\x01{''.join(_SIGNS.findall(swapped))}"


def normalize_spaces(text: str) -> str:
    """NFC, one space between words, none around them (an import checks this for every name,
    so the text already normalised is only looked at, not rebuilt)."""
    text = text or ""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def search_text(*parts: str) -> str:
    """Text to search in: NFC, lower case, single spaces; Thai needs substring search, not words."""
    return " ".join(normalize_spaces(p).lower() for p in parts if p)
