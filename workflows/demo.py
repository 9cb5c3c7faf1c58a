"""Demo processes and cases: each partner's published street begging process, and a dozen cases.

The process follows the Begging Control Act B.E. 2559 and the Destitute Persons Protection Act
B.E. 2557: intake → screening → (a registered street performer is not a beggar; a child goes to
child protection; a foreigner to immigration; pregnant, mentally ill, disabled and elderly people
down their own referral paths) → needs assessment → the supervisor's decision → an outcome.
It routes on the demo forms' field keys (forms_builder.demo_specs). Idempotent: a process whose
newest published version matches is left alone; demo cases are made once per demo client.
"""

from django.db import transaction

from forms_builder.models import FormVersion, VersionStatus
from partners.demo import demo_username
from partners.models import Partner, Role, User
from workflows.demo_cases import DEMO_CASES, case_walk
from workflows.models import (
    Client,
    ProcessDefinition,
    ProcessKind,
    PublicReportSetting,
    StepKind,
)
from workflows.serialization import process_version_as_dict
from workflows.services.clients import client_create
from workflows.services.definitions import (
    process_definition_create,
    process_version_draft,
    process_version_publish,
    step_save,
    transition_save,
)

PROCESS_KEY = "begging_street"
CW, SV = Role.CASEWORKER.value, Role.SUPERVISOR.value


def _task(key, th, en, form, role=CW, hours=24, start=False) -> dict:
    return {
        "key": key,
        "kind": StepKind.HUMAN,
        "name_th": th,
        "name_en": en,
        "is_start": start,
        "role": role,
        "due_hours": hours,
        "requires_approval": False,
        "outcome": "",
        "form": form,
    }


def _end(key, th, en, outcome) -> dict:
    return {
        "key": key,
        "kind": StepKind.END,
        "name_th": th,
        "name_en": en,
        "is_start": False,
        "role": "",
        "due_hours": None,
        "requires_approval": False,
        "outcome": outcome,
        "form": None,
    }


def _when(field, value, operator="equals") -> dict:
    return {"any": [{"all": [{"field": field, "operator": operator, "value": value}]}]}


def _go(source, target, th, en, condition=None) -> dict:
    return {
        "from": source,
        "to": target,
        "label_th": th,
        "label_en": en,
        "condition": condition,
        "is_default": condition is None,
    }


STEPS = [
    _task("intake", "รับแจ้งและออกสำรวจ", "Intake and outreach", "street_intake", start=True),
    _task(
        "screening",
        "คัดกรองตาม พ.ร.บ. ควบคุมการขอทาน",
        "Screening (Begging Control Act)",
        "begging_screening",
        hours=48,
    ),
    _task("to_child_protection", "ส่งต่อบ้านพักเด็กและครอบครัว", "Refer to child protection", "referral"),
    _task("to_immigration", "ประสานส่งตัวให้ ตม.", "Hand over to immigration", "referral"),
    _task(
        "to_antenatal_care",
        "ส่งต่อโรงพยาบาล (หญิงตั้งครรภ์)",
        "Refer a pregnant woman to hospital",
        "referral",
    ),
    _task("to_psychiatric_care", "ส่งต่อโรงพยาบาลจิตเวช", "Refer to psychiatric care", "referral"),
    _task(
        "to_disability_services",
        "ส่งต่อหน่วยงานด้านคนพิการ",
        "Refer to disability services",
        "referral",
    ),
    _task(
        "to_elderly_care",
        "ส่งต่อศูนย์พัฒนาการจัดสวัสดิการสังคมผู้สูงอายุ",
        "Refer to elderly care",
        "referral",
    ),
    _task(
        "assessment",
        "ประเมินสภาพปัญหาและความต้องการ",
        "Needs assessment",
        "needs_assessment",
        hours=72,
    ),
    _task(
        "decision",
        "พิจารณาให้ความช่วยเหลือและส่งต่อ",
        "Decide on help and referral",
        "referral",
        role=SV,
        hours=48,
    ),
    _end(
        "not_a_beggar",
        "ผู้แสดงความสามารถ ไม่ใช่ผู้ทำการขอทาน",
        "Street performer, not a beggar",
        "not_a_beggar",
    ),
    _end("child_protected", "ส่งต่อคุ้มครองเด็กแล้ว", "Handed to child protection", "child_protection"),
    _end("immigration", "ส่งตัวให้ ตม. แล้ว", "Handed to immigration", "immigration"),
    _end("hospital", "ส่งต่อโรงพยาบาลแล้ว", "Referred to hospital", "referred_to_hospital"),
    _end("admitted", "รับเข้าสถานคุ้มครองแล้ว", "Admitted to a protection center", "admitted_to_center"),
    _end("family", "ส่งกลับคืนสู่ครอบครัว", "Returned to family", "returned_to_family"),
    _end("community", "ช่วยเหลือในชุมชน", "Helped in the community", "helped_in_community"),
]

DONE_TH, DONE_EN = "ส่งต่อเรียบร้อย", "Referral done"
TRANSITIONS = [
    _go("intake", "screening", "ส่งคัดกรอง", "Screen"),
    _go(
        "screening",
        "not_a_beggar",
        "เป็นผู้แสดงความสามารถที่ลงทะเบียน",
        "Registered street performer",
        _when("is_registered_performer", True),
    ),
    _go(
        "screening",
        "to_child_protection",
        "เด็ก: ส่งต่อคุ้มครองเด็ก",
        "Child: child protection",
        _when("is_child", True),
    ),
    _go(
        "screening",
        "to_immigration",
        "ต่างชาติ: ส่ง ตม.",
        "Foreigner: immigration",
        _when("nationality", "foreign"),
    ),
    _go(
        "screening",
        "to_antenatal_care",
        "หญิงตั้งครรภ์",
        "Pregnant",
        _when("is_pregnant", True),
    ),
    _go(
        "screening",
        "to_psychiatric_care",
        "มีอาการทางจิต",
        "Mentally ill",
        _when("is_mentally_ill", True),
    ),
    _go(
        "screening",
        "to_disability_services",
        "คนพิการ",
        "Disabled",
        _when("is_disabled", True),
    ),
    _go("screening", "to_elderly_care", "ผู้สูงอายุ", "Elderly", _when("is_elderly", True)),
    _go("screening", "assessment", "ประเมินความต้องการ", "Assess needs"),
    _go("to_child_protection", "child_protected", DONE_TH, DONE_EN),
    _go("to_immigration", "immigration", DONE_TH, DONE_EN),
    _go("to_antenatal_care", "hospital", DONE_TH, DONE_EN),
    _go("to_psychiatric_care", "hospital", DONE_TH, DONE_EN),
    _go("to_disability_services", "admitted", DONE_TH, DONE_EN),
    _go("to_elderly_care", "admitted", DONE_TH, DONE_EN),
    _go("assessment", "decision", "เสนอหัวหน้างานพิจารณา", "To the supervisor"),
    _go(
        "decision",
        "family",
        "ส่งกลับคืนสู่ครอบครัว",
        "Return to family",
        _when("destination_kind", "family"),
    ),
    _go(
        "decision",
        "admitted",
        "รับเข้าสถานคุ้มครอง",
        "Admit to a protection center",
        _when("destination_kind", ["protection_center", "shelter"], "in"),
    ),
    _go(
        "decision",
        "hospital",
        "ส่งต่อโรงพยาบาล",
        "Refer to hospital",
        _when("destination_kind", "hospital"),
    ),
    _go("decision", "community", "ช่วยเหลือในชุมชน", "Help in the community"),
]

PROCESS = {
    "key": PROCESS_KEY,
    "kind": ProcessKind.INTAKE,
    "name_th": "การคุ้มครองคนขอทานและคนไร้ที่พึ่งในพื้นที่สาธารณะ",
    "name_en": "Street begging and destitute persons",
    "description_th": (
        "ตาม พ.ร.บ. ควบคุมการขอทาน พ.ศ. 2559 และ พ.ร.บ. การคุ้มครองคนไร้ที่พึ่ง พ.ศ. 2557: "
        "รับแจ้ง คัดกรอง ส่งต่อตามกลุ่ม ประเมินความต้องการ และพิจารณาให้ความช่วยเหลือ"
    ),
    "description_en": (
        "Under the Begging Control Act B.E. 2559 and the Destitute Persons Protection Act "
        "B.E. 2557: intake, screening, referral by group, needs assessment and the decision."
    ),
}


def _forms_of(partner: Partner) -> dict[str, FormVersion]:
    """The partner's newest published version of each demo form, by form key."""
    versions = (
        FormVersion.objects.filter(definition__partner=partner, status=VersionStatus.PUBLISHED)
        .select_related("definition")
        .order_by("definition__key", "-number")
    )
    newest: dict[str, FormVersion] = {}
    for version in versions:
        newest.setdefault(version.definition.key, version)
    return newest


def _wanted(partner: Partner, forms: dict[str, FormVersion]) -> dict:
    def ref(key):
        return {"partner": partner.code, "key": key, "version": forms[key].number} if key else None

    return {
        "steps": [{**s, "form": ref(s["form"])} for s in STEPS],
        "transitions": TRANSITIONS,
    }


def process_sync(*, partner: Partner) -> ProcessDefinition:
    """Make the partner's demo process match the spec, publishing a new version only on change."""
    forms = _forms_of(partner)
    definition = ProcessDefinition.objects.filter(partner=partner, key=PROCESS_KEY).first()
    if definition is None:
        definition = process_definition_create(
            partner=partner,
            key=PROCESS_KEY,
            name_th=PROCESS["name_th"],
            name_en=PROCESS["name_en"],
            kind=PROCESS["kind"],
        )
    ProcessDefinition.objects.filter(pk=definition.pk).update(
        description_th=PROCESS["description_th"], description_en=PROCESS["description_en"]
    )
    wanted = _wanted(partner, forms)
    latest = definition.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    if latest is not None:
        current = process_version_as_dict(latest)
        if {"steps": current["steps"], "transitions": current["transitions"]} == wanted:
            return definition
    draft = process_version_draft(definition=definition)
    draft.steps.all().delete()
    steps = {}
    for spec in STEPS:
        attrs = {k: v for k, v in spec.items() if k != "form"}
        steps[spec["key"]] = step_save(version=draft, form_version=forms.get(spec["form"]), **attrs)
    for spec in TRANSITIONS:
        transition_save(
            source=steps[spec["from"]],
            target=steps[spec["to"]],
            label_th=spec["label_th"],
            label_en=spec["label_en"],
            condition=spec["condition"],
            is_default=spec["is_default"],
        )
    process_version_publish(version=draft)
    return definition


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
    definitions = [process_sync(partner=p) for p in partners]
    for partner, definition in zip(partners, definitions, strict=True):
        # Public reports start the partner's street process unless its administrator chose another.
        PublicReportSetting.objects.get_or_create(
            partner=partner, defaults={"process_definition": definition}
        )
    for index, spec in enumerate(DEMO_CASES):
        partner = partners[index % len(partners)]
        definition = definitions[index % len(partners)]
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
    return definitions
