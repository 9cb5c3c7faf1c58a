"""A dozen demo cases spread over the demo process's steps, made through the services.

Each case is started with case_start and its tasks are claimed and completed with the answers
below, so the answers, decisions and timeline are what real work would leave.
"""

import datetime as dt

from django.utils import timezone
from viewflow.workflow.status import STATUS

from partners.models import Role
from workflows.models import CaseSource, CaseTask
from workflows.services.cases import case_start, task_claim, task_complete


def _today() -> str:
    return timezone.localdate().isoformat()


def _yesterday() -> str:
    return (timezone.localdate() - dt.timedelta(days=1)).isoformat()


def intake(**answers) -> dict:
    return {
        # Yesterday morning: the demo loads at any hour, and a sighting cannot be in the future.
        "seen_at_0": _yesterday(),
        "seen_at_1": "09:30",
        "found_channel": "outreach",
        "location_0": "20",
        "location_1": "2004",
        "location_2": "200402",
        "description": "พบนั่งขอทานบริเวณทางเดินริมชายหาด",
        "sex": "male",
        "nationality": "thai",
        "situation": ["begging"],
        "consent_given": "yes",
        **answers,
    }


def screening(**answers) -> dict:
    flags = ("is_registered_performer", "is_child", "is_pregnant", "is_elderly", "is_disabled")
    return {
        "screened_on": _today(),
        "nationality": "thai",
        "age": "45",
        **dict.fromkeys((*flags, "is_mentally_ill"), "no"),
        "begging_reason": ["poverty"],
        "suspected_trafficking": "no",
        **answers,
    }


def assessment(**answers) -> dict:
    return {
        "assessed_on": _today(),
        "living_situation": "street",
        "has_family_contact": "yes",
        "needs": ["shelter", "food", "family_reunion"],
        "priority": "normal",
        "assessment_summary": "ต้องการกลับไปอยู่กับครอบครัวที่จังหวัดสระแก้ว",
        **answers,
    }


def referral(destination: str, **answers) -> dict:
    return {
        "referred_on": _today(),
        "destination_kind": destination,
        "reason": "ตามผลการคัดกรองและประเมิน",
        "consent_to_share": "yes",
        **answers,
    }


def person(first, last, sex="male", nationality="ไทย", age=45) -> dict:
    return {
        "first_name": first,
        "last_name": last,
        "sex": sex,
        "nationality": nationality,
        "estimated_age": age,
    }


DEMO_CASES = [
    {**person("สมหมาย", "ทดลองใจ"), "answers": [], "source": CaseSource.HOTLINE},
    {**person("บุญมี", "ศรีสุข"), "answers": [], "claim": True},
    {**person("ประยูร", "มั่นคง"), "answers": [intake()], "source": CaseSource.PUBLIC_REPORT},
    {
        **person("สายสุนีย์", "เสียงดี", sex="female", age=30),
        "answers": [intake(sex="female"), screening(is_registered_performer="yes", age="30")],
    },
    {
        **person("Aung", "Min", nationality="เมียนมา", age=38),
        "answers": [intake(nationality="foreign"), screening(nationality="foreign", age="38")],
    },
    {
        **person("เด็กชายต้น", "(ไม่ทราบนามสกุล)", age=12),
        "answers": [intake(), screening(is_child="yes", age="12")],
    },
    {
        **person("ทองดี", "มีสุข", age=72),
        "answers": [intake(), screening(is_elderly="yes", age="72")],
        "claim": True,
    },
    {**person("สมศักดิ์", "รักถิ่น"), "answers": [intake(), screening()]},
    {**person("วิชัย", "ใจกว้าง"), "answers": [intake(), screening(), assessment()]},
    {
        **person("มานพ", "กลับบ้าน", age=52),
        "answers": [intake(), screening(age="52"), assessment(), referral("family")],
    },
    {
        **person("สุดใจ", "ยิ้มแย้ม", sex="female", age=40),
        "answers": [intake(sex="female"), screening(is_mentally_ill="yes", age="40")],
    },
    {
        **person("มาลี", "รอคลอด", sex="female", age=26),
        "answers": [
            intake(sex="female"),
            screening(is_pregnant="yes", age="26"),
            referral("hospital"),
        ],
    },
]


#: Pattaya's street process (version 2) refers admissions to the provincial center: this case
#: waits at that "refer" step, so a referral can be tried from the demo.
REFER_STEP_CASE = {
    **person("สมชาย", "รอส่งต่อ", age=58),
    "answers": [intake(), screening(age="58"), assessment(), referral("protection_center")],
}
REFER_STEP_PARTNER = "pattaya"


def _open_task(case) -> CaseTask:
    return CaseTask.objects.get(process=case, status__in=[STATUS.NEW, STATUS.ASSIGNED])


def case_walk(*, partner, client, definition, spec: dict, worker, supervisor):
    """Start the case and do its tasks with the spec's answers (claiming each first)."""
    case = case_start(
        partner=partner,
        client=client,
        definition=definition,
        source=spec.get("source", "caseworker"),
        user=worker,
    )
    for data in spec["answers"]:
        task = _open_task(case)
        user = supervisor if task.role == Role.SUPERVISOR else worker
        task = task_claim(task=task, user=user)
        task_complete(task=task, user=user, data=data)
    case.refresh_from_db()
    if spec.get("claim") and case.current_step and not case.current_step.is_end:
        task_claim(task=_open_task(case), user=worker)
    return case
