"""A case with answers at one partner and an intake process at another, for referral tests."""

from django.utils import timezone
from viewflow.workflow.status import STATUS

from forms_builder.models import FieldType
from partners.models import Role
from tests.factories import member
from tests.factories_processes import decide, empty_process, end, human
from tests.factories_workflows import client_at, published_form
from workflows.models import CaseTask, ProcessDefinition, ReferralBasis
from workflows.services.cases import case_start, task_claim, task_complete
from workflows.services.definitions import process_version_publish
from workflows.services.referrals import referral_send

SCREEN_FIELDS = [
    {
        "key": "nationality",
        "label_th": "สัญชาติ",
        "label_en": "Nationality",
        "field_type": FieldType.SINGLE_CHOICE,
        "choices": [
            {"value": "thai", "label_th": "ไทย", "label_en": "Thai"},
            {"value": "foreign", "label_th": "ต่างชาติ", "label_en": "Foreign"},
        ],
    },
    {"key": "age", "label_th": "อายุ", "label_en": "Age", "field_type": FieldType.INTEGER},
    {
        "key": "health",
        "label_th": "โรคประจำตัว",
        "label_en": "Health conditions",
        "field_type": FieldType.SHORT_TEXT,
        "sensitive": True,
    },
    {"key": "story", "label_th": "เรื่องราว", "label_en": "Story", "field_type": FieldType.LONG_TEXT},
]
ANSWERS = {"nationality": "thai", "age": "67", "health": "เบาหวาน", "story": "นอนข้างตลาด"}


def one_step_process(partner, key, fields):
    definition, version = empty_process(partner, key)
    work = human(version, "work", published_form(partner, f"{key}_form", fields), start=True)
    decide(work, end(version, "done"), is_default=True)
    process_version_publish(version=version)
    return definition


def screening_with_sensitive(partner):
    definition, version = empty_process(partner, "screening")
    screen = human(
        version, "screen", published_form(partner, "screen_form", SCREEN_FIELDS), start=True
    )
    follow = human(
        version,
        "follow",
        published_form(
            partner, "follow_form", [{"key": "summary", "field_type": FieldType.SHORT_TEXT}]
        ),
    )
    decide(screen, follow, is_default=True)
    decide(follow, end(version, "done"), is_default=True)
    process_version_publish(version=version)
    return definition


def case_with_answers(partner, worker=None):
    """An open case at `partner` whose screening was answered (the case waits at its next step)."""
    worker = worker or member(Role.CASEWORKER, partner=partner)
    definition = ProcessDefinition.objects.filter(partner=partner, key="screening").first()
    if definition is None:
        definition = screening_with_sensitive(partner)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    task = task_claim(task=CaseTask.objects.get(process=case, status=STATUS.NEW), user=worker)
    task_complete(task=task, user=worker, data=ANSWERS)
    case.refresh_from_db()
    return case


def intake_process(partner):
    """The receiver's intake: its first form asks age and health (as the sender did) and more."""
    return one_step_process(
        partner,
        "admission",
        [
            {"key": "age", "label_th": "อายุ", "field_type": FieldType.INTEGER},
            {"key": "health", "label_th": "สุขภาพ", "field_type": FieldType.SHORT_TEXT},
            {"key": "bed", "label_th": "เตียง", "field_type": FieldType.SHORT_TEXT},
        ],
    )


def consent(**overrides) -> dict:
    return {
        "basis": ReferralBasis.CONSENT,
        "consent_given_by": "ผู้รับบริการ",
        "consent_given_on": timezone.localdate(),
        "consent_scope": "ส่งต่อศูนย์คุ้มครองฯ",
        **overrides,
    }


def send(case, user, receiver, keys=("age", "health", "story"), **basis):
    return referral_send(
        case=case,
        user=user,
        receiving_partner=receiver,
        reason="ต้องการที่พักและการดูแล",
        field_keys=list(keys),
        **(basis or consent()),
    )
