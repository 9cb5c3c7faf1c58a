"""Time the first page of the inbox and the queue with many open cases (`make bench`).

The cases are made with bulk inserts that leave exactly the rows the engine leaves after
`case_start` (workflows.engine, CaseFlow): per case one Case row (flow_class CaseFlow, status NEW,
pinned process version, current step = the start step, stage fill) and four CaseTask rows — the
finished `start` (START), `route` (FUNCTION) and `has_work` (EXCLUSIVE_GATEWAY) tasks and the open
human `work` task (HUMAN) carrying the partner, role, step, stage and due time that
`engine.task_prepare` sets. A share of the human tasks is claimed by the bench caseworker
(status ASSIGNED, owner, assigned), as `task_claim` leaves them; the rest wait in the queue (NEW).
They belong to a partner of their own ("bench"), so running it again reuses them and the demo
partners stay as they were. Then it times, over several runs, what the inbox and queue pages
read: the first page of `tasks_inbox` / `tasks_queue` (25 rows with what they show) and the
count for the pager, with a fresh user object each run (as in a request).
"""

import datetime as dt
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.core.paginator import Paginator
from django.db import connection, reset_queries, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from viewflow.workflow.status import STATUS
from viewflow.workflow.token import Token

from forms_builder.models import FieldType, FormDefinition, VersionStatus
from forms_builder.services import field_create, form_definition_create, form_version_publish
from partners.models import Partner, PartnerKind, Role, User
from partners.services import membership_grant
from thai.text import search_text, thai_sort_key
from workflows.flows import CaseFlow
from workflows.models import Case, CaseTask, Client, ProcessDefinition, ProcessKind, StepKind
from workflows.selectors.tasks import tasks_inbox, tasks_queue
from workflows.services.definitions import (
    process_definition_create,
    process_version_publish,
    step_save,
    transition_save,
)

PARTNER_CODE = "bench"
WORKER = "bench.caseworker"
BATCH = 5000
CASES_PER_CLIENT = 10
PAGE_SIZE = 25


class Command(BaseCommand):
    help = "Create (or reuse) many open cases, then time the inbox's and queue's first page."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=100_000, help="open cases wanted")
        parser.add_argument("--runs", type=int, default=7, help="timed runs of each page")
        parser.add_argument(
            "--claimed",
            type=float,
            default=0.1,
            help="share of the tasks in the bench caseworker's inbox (the rest are queued)",
        )

    def handle(self, *args, **options):
        if options["cases"] < 1 or options["runs"] < 1 or not 0 <= options["claimed"] <= 1:
            raise CommandError("--cases and --runs must be positive, --claimed within 0..1.")
        partner, worker, version = bench_setup()
        have = Case.objects.filter(partner=partner, status=STATUS.NEW).count()
        wanted = options["cases"]
        if have < wanted:
            started = time.perf_counter()
            cases_bulk_create(
                partner=partner,
                worker=worker,
                version=version,
                count=wanted - have,
                claimed=options["claimed"],
            )
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"Created {wanted - have:,} open cases ({(wanted - have) * 4:,} task rows) in "
                f"{seconds:.1f} s ({(wanted - have) / seconds:,.0f} cases/s)."
            )
        else:
            self.stdout.write(f"Reusing {have:,} open bench cases.")
        if connection.vendor == "postgresql":
            # As autovacuum would after a bulk load: planner statistics and the visibility map.
            with connection.cursor() as cursor:
                cursor.execute(
                    "VACUUM ANALYZE workflows_case, workflows_casetask, workflows_client"
                )
        total = CaseTask.objects.filter(partner=partner).count()
        self.stdout.write(
            f"Database: {connection.vendor}; {Case.objects.count():,} cases, "
            f"{CaseTask.objects.count():,} task rows ({total:,} at the bench partner)."
        )
        for name, selector in (("inbox", tasks_inbox), ("queue", tasks_queue)):
            figures, queries, count = page_timings(selector, options["runs"])
            self.stdout.write(
                f"{name:5}: {count:>7,} tasks; first page + count: "
                f"first {figures[0]:.1f} ms, median {statistics.median(figures):.1f} ms, "
                f"min {min(figures):.1f} ms, max {max(figures):.1f} ms "
                f"over {len(figures)} runs; {queries} queries"
            )


def page_timings(selector, runs: int) -> tuple[list[float], int, int]:
    """Milliseconds per run for the first page's rows and the pager's count."""
    figures, queries, count = [], 0, 0
    for _run in range(runs):
        user = User.objects.get(username=WORKER)  # fresh: memberships are read as in a request
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            page = Paginator(selector(user=user), PAGE_SIZE).get_page(1)
            rows = [
                (t.pk, t.step.name, t.process.client.display_name, t.due_at)
                for t in page.object_list
            ]
            count = page.paginator.count
            figures.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
        assert len(rows) == min(PAGE_SIZE, count)
    return figures, queries, count


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
        form = FormDefinition.objects.filter(partner=partner, key="bench_note").first()
        if form is None:
            form = form_definition_create(
                partner=partner, key="bench_note", name_th="บันทึก", purpose="other"
            )
            draft = form.versions.get()
            field_create(
                version=draft, key="note", field_type=FieldType.SHORT_TEXT, label_th="บันทึก"
            )
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
        done = step_save(
            version=draft, key="done", kind=StepKind.END, name_th="เสร็จ", outcome="other"
        )
        transition_save(source=work, target=done, label_th="เสร็จ", is_default=True)
        process_version_publish(version=draft)
    version = definition.versions.get(status=VersionStatus.PUBLISHED)
    return partner, worker, version


def _clients(partner: Partner, count: int) -> list[Client]:
    clients = []
    for number in range(count):
        client = Client(
            registered_by=partner, first_name=f"ผู้รับบริการ{number:06d}", last_name="ทดสอบ"
        )
        client.sort_key = thai_sort_key(f"{client.first_name} {client.last_name}")[:700]
        client.search_text = search_text(client.first_name, client.last_name)
        clients.append(client)
    return Client.objects.bulk_create(clients, batch_size=BATCH)


def cases_bulk_create(*, partner, worker, version, count: int, claimed: float) -> None:
    """`count` open cases on the version's start step, as case_start (and task_claim) leave them."""
    step = version.steps.get(is_start=True)
    clients = _clients(partner, max(count // CASES_PER_CLIENT, 1))
    now = timezone.now()
    every = round(1 / claimed) if claimed else 0
    done = {"status": STATUS.DONE, "token": Token("start"), "data": {}}
    for first in range(0, count, BATCH):
        with transaction.atomic():
            size = min(BATCH, count - first)
            stamps = [now - dt.timedelta(seconds=first + i) for i in range(size)]
            cases = Case.objects.bulk_create(
                [
                    Case(
                        flow_class=CaseFlow,
                        status=STATUS.NEW,
                        created=stamps[i],
                        partner=partner,
                        client=clients[(first + i) % len(clients)],
                        process_version=version,
                        current_step=step,
                        opened_by=worker,
                    )
                    for i in range(size)
                ]
            )
            tasks = []
            for i, case in enumerate(cases):
                at = stamps[i]
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
                mine = bool(every) and (first + i) % every == 0
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
            CaseTask.objects.bulk_create(tasks, batch_size=BATCH)
