"""Demo processes and cases: each partner's published street begging process, and a dozen cases.

The process follows the Begging Control Act B.E. 2559 and the Destitute Persons Protection Act
B.E. 2557: intake → screening → (a registered street performer is not a beggar; a child goes to
child protection; a foreigner to immigration; pregnant, mentally ill, disabled and elderly people
down their own referral paths) → needs assessment → the supervisor's decision → an outcome.
Like the demo forms it is data: each partner's bundle under demo/definitions/ (forms_builder.demo),
imported through workflows.serialization.bundle_import as `import_definitions` does. Cases never
travel in a bundle, so the demo cases are made here, through the services, once per demo client.
"""

from django.db import transaction

from forms_builder.demo import demo_bundles
from partners.demo import demo_username
from partners.models import Partner, Role, User
from workflows.demo import due as demo_due
from workflows.demo import referrals as demo_referrals
from workflows.demo.cases import DEMO_CASES, REFER_STEP_CASE, REFER_STEP_PARTNER, case_walk
from workflows.models import Client, ProcessDefinition, PublicReportSetting
from workflows.serialization import bundle_import
from workflows.services.clients import client_create

PROCESS_KEY = "begging_street"


def _demo_client(partner: Partner, spec: dict, user: User) -> tuple[Client, bool]:
    existing = Client.objects.filter(
        registered_by=partner, first_name=spec["first_name"], last_name=spec["last_name"]
    ).first()
    if existing is not None:
        return existing, False
    fields = {
        k: spec[k] for k in ("first_name", "last_name", "sex", "nationality", "estimated_age")
    }
    return client_create(partner=partner, user=user, **fields), True


@transaction.atomic
def load(*, partners: list[Partner]) -> list[ProcessDefinition]:
    for document in demo_bundles(partners):
        bundle_import(document=document)
    definitions = [ProcessDefinition.objects.get(partner=p, key=PROCESS_KEY) for p in partners]
    for partner, definition in zip(partners, definitions, strict=True):
        # Public reports start the partner's street process unless its administrator chose another.
        PublicReportSetting.objects.get_or_create(
            partner=partner, defaults={"process_definition": definition}
        )
    for index, spec in enumerate(DEMO_CASES):
        _demo_case(partners[index % len(partners)], definitions[index % len(partners)], spec)
    demo_referrals.load(partners=partners, process_key=PROCESS_KEY)
    for partner, definition in zip(partners, definitions, strict=True):
        if partner.code == REFER_STEP_PARTNER:
            _demo_case(partner, definition, REFER_STEP_CASE)
    demo_due.load(partners=partners)
    return definitions


def _demo_case(partner: Partner, definition: ProcessDefinition, spec: dict) -> None:
    """Walk the spec's case once per demo client (a client with a case is left alone)."""
    worker = User.objects.get(username=demo_username(partner.code, Role.CASEWORKER))
    supervisor = User.objects.get(username=demo_username(partner.code, Role.SUPERVISOR))
    client, created = _demo_client(partner, spec, worker)
    if created or not client.cases.exists():
        case_walk(
            partner=partner,
            client=client,
            definition=definition,
            spec=spec,
            worker=worker,
            supervisor=supervisor,
        )
