"""Demo forms: the network's public report form and each demo partner's published Thai forms.

They are data, not code: definitions bundles (docs/definitions.md) under demo/definitions/, one
for the whole network and one per demo partner, imported through the same service as
`import_definitions`, so every `make run` proves the format. Importing a bundle again changes
nothing; to change a demo form, add a new version to its bundle. The partner bundles also hold
each partner's demo process, which workflows.demo imports.

Field keys are stable ASCII (processes route on them): e.g. `nationality` (thai / foreign),
`is_child`, `is_pregnant`, `is_elderly`, `is_disabled`, `is_mentally_ill`,
`is_registered_performer`; the public report form (`public_report`) has `location`,
`map_location`, `is_child`, `is_elderly`, `is_ill` and `in_danger`.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from forms_builder.serialization import definitions_import

DEMO_DEFINITIONS = Path(settings.BASE_DIR) / "demo" / "definitions"
NETWORK_BUNDLE = "network"


def demo_bundle(name: str) -> dict:
    """The bundle demo/definitions/<name>.json: "network" or a demo partner's code."""
    return json.loads((DEMO_DEFINITIONS / f"{name}.json").read_text(encoding="utf-8"))


def demo_bundles(partners) -> list[dict]:
    """The network's bundle, then the bundle of each partner that has one."""
    codes = [p.code for p in partners if (DEMO_DEFINITIONS / f"{p.code}.json").exists()]
    return [demo_bundle(name) for name in (NETWORK_BUNDLE, *codes)]


def demo_partner_form_keys() -> list[str]:
    """The keys of the forms every demo partner has (its bundle's forms)."""
    return [form["key"] for form in demo_bundle("pattaya")["forms"]]


@transaction.atomic
def load(*, partners) -> None:
    """Import the forms of the network's and the partners' bundles (their processes: later,
    by workflows.demo, once the forms are there)."""
    for document in demo_bundles(partners):
        definitions_import(document=document)
