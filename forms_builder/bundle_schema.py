"""The shape of a definitions bundle as a JSON Schema, checked before an import reads anything.

The schema rules out what would otherwise fail deep inside an import as a server error: wrong
types (a partner given as a list, a label that is a number, options that are not an object),
numbers out of range, strings longer than their columns and structures nested without end. The
meaning (known field types and statuses, keys unique, conditions on earlier fields, publishing's
checks) stays with the import, which reports every such problem at once.
workflows adds its `processes` and `outcomes` through `bundle_schema(extra=...)`.
"""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from jsonschema import Draft202012Validator

MAX_DEPTH = 32  # a real bundle is about 12 deep
MAX_PROBLEMS = 50
MAX_NUMBER = 2_147_483_647  # PostgreSQL's integer
MAX_TEXT = 20_000
MAX_ITEMS = 2_000

SCALAR = {"type": ["string", "number", "boolean", "null"]}


def string(max_length: int = MAX_TEXT) -> dict:
    return {"type": "string", "maxLength": max_length}


def nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"]}


def array(items: dict, max_items: int = MAX_ITEMS) -> dict:
    return {"type": "array", "items": items, "maxItems": max_items}


def record(properties: dict, required: tuple = (), closed: bool = True) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": not closed,
    }


NUMBER = {"type": "integer", "minimum": 0, "maximum": MAX_NUMBER}
VERSION_NUMBER = {"type": "integer", "minimum": 1, "maximum": MAX_NUMBER}
PARTNER_CODE = nullable(string(50))
KEY = string(63)
CONDITION = nullable(
    record(
        {
            "any": array(
                record(
                    {
                        "all": array(
                            record(
                                {
                                    "field": KEY,
                                    "operator": string(20),
                                    "value": {"anyOf": [SCALAR, array(SCALAR, 500)]},
                                }
                            ),
                            100,
                        )
                    }
                ),
                100,
            )
        },
        required=("any",),
    )
)
BOUND = {"type": ["string", "number", "null"], "maxLength": 30}
VALIDATION = record(
    {
        "min_length": NUMBER,
        "max_length": NUMBER,
        "pattern": string(200),
        "pattern_message_th": string(500),
        "pattern_message_en": string(500),
        "min_value": BOUND,
        "max_value": BOUND,
        "decimal_places": {"type": "integer", "minimum": 0, "maximum": 20},
        "accept": {"anyOf": [string(200), array(string(50), 20)]},
        "max_size_mb": {"type": "number", "minimum": 0, "maximum": 1000},
    },
    closed=False,
)
FIELD = record(
    {
        "key": KEY,
        "field_type": string(20),
        "label_th": string(500),
        "label_en": string(500),
        "help_th": string(),
        "help_en": string(),
        "required": {"type": "boolean"},
        "default": {"anyOf": [SCALAR, array(SCALAR, 500), {"type": "object"}]},
        "choices": array(
            record({"value": string(63), "label_th": string(500), "label_en": string(500)}),
            500,
        ),
        "validation": VALIDATION,
        "options": {"type": "object", "additionalProperties": SCALAR, "maxProperties": 20},
        "condition": CONDITION,
        "sensitive": {"type": "boolean"},
    },
    required=("key", "field_type"),
    closed=False,  # unknown entries get the import's own message, which names them
)
FORM = record(
    {
        "partner": PARTNER_CODE,
        "key": KEY,
        "name_th": string(255),
        "name_en": string(255),
        "description_th": string(),
        "description_en": string(),
        "purpose": string(20),
        "versions": array(
            record(
                {
                    "number": VERSION_NUMBER,
                    "status": string(10),
                    "published_at": nullable(string(40)),
                    "fields": array(FIELD, 500),
                },
                required=("number", "status"),
            ),
            1000,
        ),
    },
    required=("key",),
)


def bundle_schema(extra: dict | None = None) -> dict:
    """The whole bundle: its header and forms, plus the sections other apps add (`extra`)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
            "format": {"type": "string"},
            "format_version": {"type": "integer"},
            "forms": array(FORM, 1000),
            **(extra or {}),
        },
        "required": ["format", "format_version"],
    }


FORMS_BUNDLE_SCHEMA = bundle_schema()

TYPE_NAMES = {
    "object": gettext_noop("an object {…}"),
    "array": gettext_noop("a list […]"),
    "string": gettext_noop("text"),
    "integer": gettext_noop("a whole number"),
    "number": gettext_noop("a number"),
    "boolean": gettext_noop("true or false"),
    "null": gettext_noop("null"),
}


def _depth_exceeds(document, limit: int) -> bool:
    """Nested deeper than `limit`? Walked without recursion, so no depth can crash it."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return False


def _place(error) -> str:
    return "/".join(str(part + 1 if isinstance(part, int) else part) for part in error.path) or "/"


def _message(error) -> str:
    """The problem in the user's language (jsonschema's own messages are English)."""
    kind, expected = error.validator, error.validator_value
    if kind == "type":
        types = expected if isinstance(expected, list) else [expected]
        return _("must be %(types)s") % {
            "types": " / ".join(_(TYPE_NAMES.get(t, t)) for t in types)
        }
    if kind == "required":
        missing = [name for name in expected if name not in error.instance]
        return _("needs “%(names)s”") % {"names": ", ".join(missing)}
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = sorted(str(name) for name in error.instance if name not in known)
        return _("has unknown entries: %(names)s") % {"names": ", ".join(unknown)}
    if kind == "enum":
        return _("must be one of: %(values)s") % {"values": ", ".join(map(str, expected))}
    if kind in ("minimum", "maximum"):
        return _("must be between %(low)s and %(high)s") % {
            "low": error.schema.get("minimum", "…"),
            "high": error.schema.get("maximum", "…"),
        }
    if kind in ("maxLength", "maxItems", "maxProperties"):
        return _("is too long (at most %(limit)s)") % {"limit": expected}
    return _("has a value of the wrong kind")


def bundle_problems(document, schema: dict = FORMS_BUNDLE_SCHEMA) -> list[str]:
    """Every way the document departs from the schema, each with its place, in Thai."""
    if _depth_exceeds(document, MAX_DEPTH):
        return [_("The file is nested too deeply to be a definitions bundle.")]
    errors = sorted(
        Draft202012Validator(schema).iter_errors(document),
        key=lambda e: [str(part) for part in e.path],
    )
    problems = [f"{_place(e)}: {_message(e)}" for e in errors[:MAX_PROBLEMS]]
    if len(errors) > MAX_PROBLEMS:
        problems.append(_("…and %(n)s more problems.") % {"n": len(errors) - MAX_PROBLEMS})
    return problems


def bundle_check(document, schema: dict = FORMS_BUNDLE_SCHEMA) -> None:
    problems = bundle_problems(document, schema)
    if problems:
        raise ValidationError(problems)


def bundle_parse(text: str | bytes):
    """The JSON document, or ValidationError: invalid JSON and nesting too deep for the parser
    (which raises RecursionError) are the same message."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise ValidationError(_("The file is not valid JSON.")) from None
