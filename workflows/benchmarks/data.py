"""The benchmark's data, made quickly (COPY on PostgreSQL) and reused on the next run.

The cases leave exactly the rows the engine leaves after `case_start` (workflows.engine,
CaseFlow): per case one Case row (flow_class CaseFlow, status NEW, pinned process version,
current step = the start step, stage fill) and four CaseTask rows — the finished `start`
(START), `route` (FUNCTION) and `has_work` (EXCLUSIVE_GATEWAY) tasks and the open human `work`
task (HUMAN) carrying the partner, role, step, stage and due time that `engine.task_prepare`
sets. A share of the human tasks is claimed by the bench caseworker (status ASSIGNED, owner,
assigned), as `task_claim` leaves them; the rest wait in the queue (NEW). Then the task counters
are rebuilt for the bench partner (the rows were not written through save()). Everything belongs
to a partner of its own ("bench"), so the demo partners stay as they were.
"""

import datetime as dt
import random

from django.db import connection, transaction
from django.utils import timezone
from viewflow.workflow.status import STATUS
from viewflow.workflow.token import Token

from forms_builder.models import FieldType, FormDefinition, VersionStatus
from forms_builder.services import field_create, form_definition_create, form_version_publish
from partners.models import Partner, PartnerKind, Role, User
from partners.services import membership_grant
from workflows.benchmarks.copy import rows_insert_select
from workflows.flows import CaseFlow
from workflows.models import (
    Case,
    CaseTask,
    Client,
    IdStatus,
    ProcessDefinition,
    ProcessKind,
    StepKind,
)
from workflows.services.definitions import (
    process_definition_create,
    process_version_publish,
    step_save,
    transition_save,
)
from workflows.services.task_counts import task_counts_rebuild

PARTNER_CODE = "bench"
WORKER = "bench.caseworker"

FIRST_NAMES = [
    "สมชาย",
    "สมศักดิ์",
    "สมหญิง",
    "สมพร",
    "วิชัย",
    "สุชาติ",
    "ประเสริฐ",
    "บุญมี",
    "มานะ",
    "ชูใจ",
    "ปิติ",
    "วีระ",
    "อำนาจ",
    "ทองดี",
    "มาลี",
    "บุษบา",
    "จันทร์เพ็ญ",
    "นงลักษณ์",
    "พิมพ์ใจ",
    "ศรีสุดา",
    "สายสุนีย์",
    "กาญจนา",
    "ดวงใจ",
    "ประยูร",
    "สมบัติ",
    "บุญช่วย",
    "สุนทร",
    "ณรงค์",
    "ชัยวัฒน์",
    "เกษม",
    "อรุณ",
    "ไพโรจน์",
    "สมเกียรติ",
    "ธนา",
    "กิตติ",
    "ยุทธนา",
    "วันเพ็ญ",
    "ลำดวน",
]
LAST_NAMES = [
    "ใจดี",
    "รักไทย",
    "ทองคำ",
    "ศรีสุข",
    "แสงทอง",
    "บุญมา",
    "มีสุข",
    "สายบัว",
    "พูลสวัสดิ์",
    "ชัยมงคล",
    "ศรีวงศ์",
    "คงเจริญ",
    "วงศ์ใหญ่",
    "แก้วมณี",
    "ทองมา",
    "สุขสวัสดิ์",
    "อินทร์แก้ว",
    "จันทร์หอม",
    "พรหมมา",
    "ดีเลิศ",
    "ประเสริฐสุข",
    "ยอดยิ่ง",
]
ALIASES = [
    "ลุง",
    "ป้า",
    "ตา",
    "ยาย",
    "หนุ่ม",
    "แดง",
    "ดำ",
    "ต้อย",
    "น้อย",
    "เล็ก",
    "ใหญ่",
    "ไก่",
    "หมู",
    "แมว",
]


def national_id_valid(first12: str) -> str:
    """The 13-digit Thai national ID whose first 12 digits are given (with its check digit)."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


@transaction.atomic
def bench_setup():
    """The bench partner, its caseworker and a published one-step process (made once)."""
    partner, _created = Partner.objects.get_or_create(
        code=PARTNER_CODE,
        defaults={
            "name_th": "หน่วยงานทดสอบประสิทธิภาพ",
            "name_en": "Benchmark partner",
            "kind": PartnerKind.MUNICIPALITY,
        },
    )
    worker, created = User.objects.get_or_create(
        username=WORKER, defaults={"first_name": "ทดสอบ", "last_name": "ประสิทธิภาพ"}
    )
    if created:
        worker.set_unusable_password()
        worker.save()
        membership_grant(user=worker, partner=partner, role=Role.CASEWORKER)
    definition = ProcessDefinition.objects.filter(partner=partner, key="bench").first()
    if definition is None:
        definition = _bench_process(partner)
    version = definition.versions.get(status=VersionStatus.PUBLISHED)
    return partner, worker, version


def _bench_process(partner) -> ProcessDefinition:
    form = FormDefinition.objects.filter(partner=partner, key="bench_note").first()
    if form is None:
        form = form_definition_create(
            partner=partner, key="bench_note", name_th="บันทึก", purpose="other"
        )
        draft = form.versions.get()
        field_create(version=draft, key="note", field_type=FieldType.SHORT_TEXT, label_th="บันทึก")
        form_version_publish(version=draft)
    form_version = form.versions.get(status=VersionStatus.PUBLISHED)
    definition = process_definition_create(
        partner=partner, key="bench", name_th="ทดสอบ", kind=ProcessKind.OTHER
    )
    draft = definition.versions.get()
    work = step_save(
        version=draft,
        key="work",
        kind=StepKind.HUMAN,
        name_th="งานทดสอบ",
        is_start=True,
        form_version=form_version,
        role=Role.CASEWORKER,
        due_hours=72,
    )
    done = step_save(version=draft, key="done", kind=StepKind.END, name_th="เสร็จ", outcome="other")
    transition_save(source=work, target=done, label_th="เสร็จ", is_default=True)
    process_version_publish(version=draft)
    return definition


def clients_create(*, partner, count: int, seed: int = 14) -> None:
    """`count` clients with Thai names, an alias for one in four, a valid national ID for nine in
    ten (PostgreSQL: one INSERT … SELECT over arrays; elsewhere bulk_create)."""
    rng = random.Random(seed)  # noqa: S311 - made-up names, not secrets
    start = Client.objects.count()
    clients = []
    for number in range(start, start + count):
        client = Client(
            registered_by=partner,
            first_name=rng.choice(FIRST_NAMES),
            last_name=f"{rng.choice(LAST_NAMES)}{number:06d}",
            aliases=rng.choice(ALIASES) if number % 4 == 0 else "",
        )
        if number % 10:
            client.id_status = IdStatus.THAI_ID
            client.national_id = national_id_valid(f"8{number:011d}")
        client.derive()
        clients.append(client)
    if connection.vendor != "postgresql":
        Client.objects.bulk_create(clients, batch_size=2000)
        return
    now = timezone.now()
    template = Client(registered_by=partner, created_at=now, updated_at=now)
    columns = ("first_name", "last_name", "aliases", "id_status", "national_id")
    columns += ("sort_key", "search_text")
    arrays = [[getattr(c, name) for c in clients] for name in columns]
    source = (
        "unnest(" + ", ".join(["%s::text[]"] * len(columns)) + ") AS v(" + ", ".join(columns) + ")"
    )
    with transaction.atomic():
        rows_insert_select(
            Client,
            template,
            {"uuid": "gen_random_uuid()", **{name: f"v.{name}" for name in columns}},
            source,
            arrays,
        )


def cases_create(*, partner, worker, version, count: int, claimed: float) -> None:
    """`count` open cases on the version's start step, as case_start (and task_claim) leave them,
    one in `1/claimed` claimed by the bench caseworker."""
    if connection.vendor != "postgresql":
        _cases_bulk_create(
            partner=partner, worker=worker, version=version, count=count, claimed=claimed
        )
        task_counts_rebuild(partner_pk=partner.pk)
        return
    step = version.steps.get(is_start=True)
    client_ids = _client_ids(partner, count)
    every = round(1 / claimed) if claimed else 0
    now = timezone.now()
    with transaction.atomic():
        first_new = (Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        case = Case(
            flow_class=CaseFlow,
            status=STATUS.NEW,
            created=now,
            partner=partner,
            process_version=version,
            current_step=step,
            opened_by=worker,
        )
        rows_insert_select(
            Case,
            case,
            {
                "created": ("%s::timestamptz - g.i * interval '1 second'", [now]),
                "client_id": ("(%s::int[])[1 + g.i %% %s]", [client_ids, len(client_ids)]),
            },
            "generate_series(0, %s - 1) AS g(i)",
            [count],
        )
        new_cases = "workflows_case c WHERE c.id >= %s AND c.partner_id = %s"
        done = {"status": STATUS.DONE, "token": Token("start"), "data": {}}
        for node, kind in (
            (CaseFlow.start, "START"),
            (CaseFlow.route, "FUNCTION"),
            (CaseFlow.has_work, "EXCLUSIVE_GATEWAY"),
        ):
            rows_insert_select(
                CaseTask,
                CaseTask(flow_task=node, flow_task_type=kind, **done),
                {
                    "process_id": "c.id",
                    "created": "c.created",
                    "started": "c.created",
                    "finished": "c.created",
                },
                new_cases,
                [first_new, partner.pk],
            )
        human = CaseTask(
            flow_task=CaseFlow.work,
            flow_task_type="HUMAN",
            status=STATUS.NEW,
            token=Token("start"),
            partner=partner,
            role=Role.CASEWORKER,
            step=step,
        )
        mine = f"c.id %% {every} = 0" if every else "false"
        rows_insert_select(
            CaseTask,
            human,
            {
                "process_id": "c.id",
                "created": "c.created",
                "due_at": ("c.created + %s * interval '1 hour'", [step.due_hours or 72]),
                "status": f"CASE WHEN {mine} THEN 'ASSIGNED' ELSE 'NEW' END",
                "owner_id": (f"CASE WHEN {mine} THEN %s END", [worker.pk]),
                "assigned": f"CASE WHEN {mine} THEN c.created END",
            },
            new_cases,
            [first_new, partner.pk],
        )
        task_counts_rebuild(partner_pk=partner.pk)
    tables_analyze()


def _client_ids(partner, count: int) -> list[int]:
    clients = Client.objects.filter(registered_by=partner).order_by("pk")
    if not clients.exists():
        clients_create(partner=partner, count=max(count // 10, 1))
    return list(clients.values_list("pk", flat=True))


def _cases_bulk_create(*, partner, worker, version, count: int, claimed: float) -> None:
    """The same rows through bulk_create (SQLite)."""
    step = version.steps.get(is_start=True)
    client_ids = _client_ids(partner, count)
    now = timezone.now()
    every = round(1 / claimed) if claimed else 0
    done = {"status": STATUS.DONE, "token": Token("start"), "data": {}}
    cases = Case.objects.bulk_create(
        [
            Case(
                flow_class=CaseFlow,
                status=STATUS.NEW,
                created=now - dt.timedelta(seconds=i),
                partner=partner,
                client_id=client_ids[i % len(client_ids)],
                process_version=version,
                current_step=step,
                opened_by=worker,
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    tasks = []
    for case in cases:
        at = case.created
        for node, kind in (
            (CaseFlow.start, "START"),
            (CaseFlow.route, "FUNCTION"),
            (CaseFlow.has_work, "EXCLUSIVE_GATEWAY"),
        ):
            tasks.append(
                CaseTask(
                    process=case,
                    flow_task=node,
                    flow_task_type=kind,
                    created=at,
                    started=at,
                    finished=at,
                    **done,
                )
            )
        mine = bool(every) and case.pk % every == 0
        tasks.append(
            CaseTask(
                process=case,
                flow_task=CaseFlow.work,
                flow_task_type="HUMAN",
                status=STATUS.ASSIGNED if mine else STATUS.NEW,
                owner=worker if mine else None,
                assigned=at if mine else None,
                created=at,
                token=Token("start"),
                partner=partner,
                role=Role.CASEWORKER,
                step=step,
                due_at=at + dt.timedelta(hours=step.due_hours or 72),
            )
        )
    CaseTask.objects.bulk_create(tasks, batch_size=2000)


def tables_analyze() -> None:
    """As autovacuum would after a bulk load: planner statistics (and, outside a transaction,
    the visibility map)."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} workflows_case, workflows_casetask, workflows_client")
