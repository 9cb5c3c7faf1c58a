"""The processes, outcomes and referral lists of a definitions bundle as JSON Schema, added to
the forms' one (forms_builder.bundle_schema): a bundle is checked whole before its import reads
anything."""

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
from partners.models import ReferralKind
from workflows.models.letters import ExternalOrganizationKind

FORM_REFERENCE = nullable(
    record(
        {"partner": PARTNER_CODE, "key": KEY, "version": VERSION_NUMBER},
        required=("key", "version"),
    )
)
#: A "refer" step's settings: a partner code or a kind of referral, and the answers that travel.
REFER_SETTINGS = record(
    {
        "partner": string(50),
        "kind": {"enum": ["", *ReferralKind.values]},
        "fields": array(KEY, 500),
    },
    required=("partner", "kind", "fields"),
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
STEP["allOf"] = [
    {
        "if": {"properties": {"kind": {"const": "refer"}}, "required": ["kind"]},
        "then": {"properties": {"settings": REFER_SETTINGS}, "required": ["settings"]},
    }
]
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

LEGAL_BASIS = record(
    {
        "key": string(50),
        "name_th": string(255),
        "name_en": string(255),
        "allows_sensitive": {"type": "boolean"},
        "is_active": {"type": "boolean"},
        "sort_order": NUMBER,
    },
    required=("key", "name_th"),
)
EXTERNAL_ORGANIZATION = record(
    {
        "key": string(50),
        "name_th": string(255),
        "name_en": string(255),
        "kind": {"enum": ExternalOrganizationKind.values},
        "address": string(),
        "contact": string(),
        "is_active": {"type": "boolean"},
    },
    required=("key", "name_th", "kind"),
)
LETTER_TEMPLATE = record(
    {
        "key": string(50),
        "name_th": string(255),
        "name_en": string(255),
        "subject": string(255),
        "body": string(),
        "is_active": {"type": "boolean"},
    },
    required=("key", "name_th", "subject", "body"),
)

DEFINITIONS_BUNDLE_SCHEMA = bundle_schema(
    extra={
        "processes": array(PROCESS, 1000),
        "outcomes": array(OUTCOME, 1000),
        "legal_bases": array(LEGAL_BASIS, 200),
        "external_organizations": array(EXTERNAL_ORGANIZATION, 1000),
        "letter_templates": array(LETTER_TEMPLATE, 200),
    }
)
