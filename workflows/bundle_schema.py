"""The processes and outcomes of a definitions bundle as JSON Schema, added to the forms' one
(forms_builder.bundle_schema): a bundle is checked whole before its import reads anything."""

from forms_builder.bundle_schema import (
    CONDITION,
    KEY,
    NUMBER,
    PARTNER_CODE,
    VERSION_NUMBER,
    array,
    bundle_schema,
    nullable,
    record,
    string,
)

FORM_REFERENCE = nullable(
    record(
        {"partner": PARTNER_CODE, "key": KEY, "version": VERSION_NUMBER},
        required=("key", "version"),
    )
)
STEP = record(
    {
        "key": KEY,
        "kind": string(20),
        "name_th": string(255),
        "name_en": string(255),
        "is_start": {"type": "boolean"},
        "role": nullable(string(20)),
        "due_hours": nullable(NUMBER),
        "due_working_days": {"type": "boolean"},
        "grace_hours": nullable(NUMBER),
        "requires_approval": {"type": "boolean"},
        "outcome": nullable(string(30)),
        "form": FORM_REFERENCE,
        "settings": {"type": "object", "maxProperties": 50},
    },
    required=("key", "kind"),
)
TRANSITION = record(
    {
        "from": KEY,
        "to": KEY,
        "label_th": string(255),
        "label_en": string(255),
        "condition": CONDITION,
        "is_default": {"type": "boolean"},
    },
    required=("from", "to"),
)
PROCESS = record(
    {
        "partner": PARTNER_CODE,
        "key": KEY,
        "name_th": string(255),
        "name_en": string(255),
        "description_th": string(),
        "description_en": string(),
        "kind": string(20),
        "versions": array(
            record(
                {
                    "number": VERSION_NUMBER,
                    "status": string(10),
                    "published_at": nullable(string(40)),
                    "steps": array(STEP, 500),
                    "transitions": array(TRANSITION, 2000),
                },
                required=("number", "status", "steps", "transitions"),
            ),
            1000,
        ),
    },
    required=("key",),
)
OUTCOME = record(
    {
        "partner": PARTNER_CODE,
        "key": string(30),
        "name_th": string(255),
        "name_en": string(255),
        "sort_order": NUMBER,
    },
    required=("key",),
)

DEFINITIONS_BUNDLE_SCHEMA = bundle_schema(
    extra={"processes": array(PROCESS, 1000), "outcomes": array(OUTCOME, 1000)}
)
