"""Find English interface text in an admin page's HTML: what is shown, and what a screen reader
reads (aria-label, placeholder, title, alt, tooltips, button values, the sidebar's menu labels),
outside user data (anything stored in the database), codes, and a small allow-list of names.

Used by tests/integration/test_admin__thai_everywhere.py.
"""

import contextlib
import json
import re
from html.parser import HTMLParser

from django.apps import apps
from django.db import models

# Names and file formats that stay as they are in Thai text, and key names on keyboards.
ALLOWED_WORDS = {
    "Wagtail",  # the content management system's name ("Wagtail 8.0.1", "- Wagtail" in titles)
    "MOU",
    "Excel",  # Microsoft's spreadsheet program: "Excel (.xlsx)"
    "English",  # the admin-language switch names the other language in itself
    "Error",  # our 404 page is bilingual on purpose: "Error 404 / ผิดพลาด 404"
    *("JSON", "URL", "URLs", "KB", "MB", "GMT", "PDF", "CSV", "AVIF", "GIF", "JPG", "JPEG", "PNG"),
    *("WEBP", "SVG", "DOCX", "ODT", "PPTX", "TXT", "XLSX"),
    *("Ctrl", "Alt", "Shift", "Esc", "Cmd", "Enter", "Tab"),
    *("Asia", "Bangkok"),  # the time-zone name Asia/Bangkok
}
# Whole texts known and harmless: the calendar's apply button, which Wagtail never shows
# (showApplyButton is off; display: none, so no screen reader reads it either).
ALLOWED_TEXTS = {"Save Selected"}
# e.g. http://domain.com/blog/[my-slug]/ in Wagtail's slug help
ALLOWED_PATTERNS = [
    re.compile(r"\$\{[a-z_]+\}"),
    re.compile(r"https?://\S+"),
    re.compile(r"v?\d+(\.\d+)+"),
]
ATTRIBUTES = (
    *("aria-label", "aria-description", "aria-roledescription", "aria-valuetext"),
    *("placeholder", "title", "alt", "data-w-tooltip-content-value"),
    # read aloud by Wagtail's JavaScript: the focal point's label, a reordered row's message
    *("data-focal-input-label", "data-w-orderable-message-value"),
)
SKIPPED_ELEMENTS = {"script", "style", "textarea", "code", "pre", "template", "noscript"}
# A word of English: letters only, at least two. Tokens with digits, '_', '.', '@', '/', '-' are
# codes (keys, usernames, e-mail and web addresses, file names).
TOKEN = re.compile(r"[^\s'\"“”‘’()\[\]{}:;,!?…<>|=]+")
ENGLISH_WORD = re.compile(r"^[A-Za-z]{2,}$")
TAG = re.compile(r"<[^>]+>")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0
        self._sidebar = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED_ELEMENTS:
            self._skip += 1
            self._sidebar = attrs.get("id") == "wagtail-sidebar-props"
        for name in ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self._skip:
            self._skip -= 1
            self._sidebar = False

    def handle_data(self, data):
        if self._sidebar:
            self.texts.extend(_sidebar_labels(data))
        elif not self._skip and data.strip():
            self.texts.append(data)


def _sidebar_labels(data: str) -> list[str]:
    """Menu labels in the sidebar's JSON props (rendered by its JavaScript)."""
    labels = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "label" and isinstance(item, str):
                    labels.append(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    with contextlib.suppress(ValueError):
        walk(json.loads(data))
    return labels


def page_texts(html: str) -> list[str]:
    collector = _Collector()
    collector.feed(html)
    return [" ".join(text.split()) for text in collector.texts]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "raw_data"):  # a StreamField's value
        yield from _strings(list(value.raw_data))


# Rows Django and Wagtail seed in English that the screens show as interface text (permission
# names, content types' codes): not user data, so not blanked out.
NOT_DATA = {("auth", "permission"), ("contenttypes", "contenttype")}


def data_pattern() -> re.Pattern | None:
    """Every stored text with English in it (page titles in English, usernames, English names
    of forms and partners, log entries' data…), longest first, as one pattern to blank out."""
    found = set()
    for model in apps.get_models():
        if (model._meta.app_label, model._meta.model_name) in NOT_DATA:
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in _strings(row):
                if isinstance(value, str) and value.startswith(("{", "[")):
                    with contextlib.suppress(ValueError):
                        value = json.loads(value)
                for text in _strings(value):
                    for fragment in TAG.split(text):
                        fragment = " ".join(fragment.split())
                        if re.search(r"[A-Za-z]{2,}", fragment):
                            found.add(fragment)
    if not found:
        return None
    alternatives = "|".join(re.escape(text) for text in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")


def _words(token: str) -> list[str]:
    """Words joined by slashes ("Page/Snippet") are words; a path or code stays one token."""
    parts = token.split("/")
    return parts if all(ENGLISH_WORD.match(part) for part in parts) else [token]


def english_in(texts: list[str], data: re.Pattern | None) -> list[str]:
    """The texts that still have an English word once data, codes and allowed names are out."""
    leftovers = []
    for text in texts:
        if text in ALLOWED_TEXTS or not re.search(r"[A-Za-z]{2,}", text):
            continue
        rest = data.sub(" ", text) if data else text
        for pattern in ALLOWED_PATTERNS:
            rest = pattern.sub(" ", rest)
        words = [
            word
            for token in TOKEN.findall(rest)
            for word in _words(token)
            if ENGLISH_WORD.match(word) and word not in ALLOWED_WORDS
        ]
        if words:
            leftovers.append(text)
    return leftovers
