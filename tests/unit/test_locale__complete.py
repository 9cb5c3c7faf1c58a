"""Every string the project marks for translation has a Thai translation, in every catalogue we
ship: each app's `locale/`, the project's `locale/`, and `locale_wagtail/` (Thai for Wagtail's,
wagtail-localize's and Django's own screens, Python and JavaScript)."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

MSGFMT = shutil.which("msgfmt")
ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    p
    for p in ROOT.glob("**/locale*/th/LC_MESSAGES/*.po")
    if ".venv" not in p.parts and "node_modules" not in p.parts
)


def test_there_are_thai_catalogues():
    assert CATALOGUES, "no Thai catalogue found"
    assert ROOT / "locale_wagtail/th/LC_MESSAGES/django.po" in CATALOGUES
    assert ROOT / "locale_wagtail/th/LC_MESSAGES/djangojs.po" in CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_entry_is_translated(path):
    catalogue = polib.pofile(str(path))
    missing = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags and not e.obsolete]
    assert not missing, f"untranslated in {path.name}: {missing[:10]}"
    assert not fuzzy, f"fuzzy in {path.name}: {fuzzy[:10]}"


@pytest.mark.skipif(not MSGFMT, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_msgfmt_finds_nothing_untranslated_fuzzy_or_malformed(path):
    """msgfmt --check also refuses a translation whose placeholders differ from the msgid's."""
    result = subprocess.run(  # noqa: S603 - our own catalogue paths
        [MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), statistics


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_case_is_always_called_kor_ra_nee(path):
    """The glossary allows กรณี and เคส for a case; the interface uses one word, กรณี."""
    catalogue = polib.pofile(str(path))
    found = [
        e.msgid
        for e in catalogue
        if not e.obsolete and any("เคส" in text for text in [e.msgstr, *e.msgstr_plural.values()])
    ]
    assert not found, f"เคส in {path.name}: {found[:10]}"
