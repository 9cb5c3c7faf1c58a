"""`make bench`: each hot path beside the bare library it is built on, measured in the same run.

Data first (made by the database, reused on the next run): `--cases` open cases at the bench
partner (four task rows each, one in `1/--claimed` in the bench caseworker's inbox). Then, each
as a median over `--runs`:

- inbox / queue: our first page + count (the counters) vs Viewflow's own inbox / queue query and
  its count; statements and the indexes PostgreSQL chose;
- completion: claim + submit through the real views (`--completions` tasks, one client) vs the
  bare Viewflow engine loop (assign, start, execute on Viewflow's own tables) on the database;
  beside them the same claim and completion through our services alone (no HTTP), and what each
  statement of one claim + submit is for;
- client search (`--clients` clients at the bench partner): a Thai fragment, a whole national
  ID, part of one — p95 of the page + capped count, with the plan; no bare reference exists;
- the public home page: `manage.py bench_public` (cms), which `make bench` runs next.
"""

import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext, override_settings
from viewflow.workflow.status import STATUS

from partners.models import User
from workflows.benchmarks import lists
from workflows.benchmarks.bare_flow import bare_complete, bare_tasks_start
from workflows.benchmarks.completion import (
    completions_by_services,
    completions_timed,
    logged_in,
    queued_tasks,
    statements_of_one,
)
from workflows.benchmarks.data import (
    WORKER,
    bench_setup,
    cases_create,
    clients_create,
    national_id_valid,
    tables_analyze,
)
from workflows.benchmarks.plans import plan_summary
from workflows.benchmarks.search import search_timed
from workflows.models import Case, CaseTask, Client
from workflows.selectors.clients import clients_found_in_order, clients_search
from workflows.views.workspace.base import COUNT_CAP

GOAL_LIST_MS = 15
WORKER_USERNAME = WORKER
GOAL_SEARCH_MS = 30
ROUNDS = 3  # completion: ours and the bare loop in turns


def load_average() -> str:
    """The machine's 1-minute load average (other work slows every figure on a shared one)."""
    return f"load average {os.getloadavg()[0]:.2f}"


class Command(BaseCommand):
    help = "Time the inbox, queue and task completion beside bare Viewflow, in the same run."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=250_000, help="open cases wanted")
        parser.add_argument("--claimed", type=float, default=0.1, help="share in the inbox")
        parser.add_argument("--runs", type=int, default=7, help="timed runs of each list")
        parser.add_argument("--completions", type=int, default=40, help="tasks completed")
        parser.add_argument("--clients", type=int, default=225_000, help="clients to search")

    def handle(self, *args, **options):
        if min(options["cases"], options["runs"], options["completions"]) < 1:
            raise CommandError("--cases, --runs and --completions must be positive.")
        if not 0 < options["claimed"] <= 1:
            raise CommandError("--claimed must be within 0..1 (not 0).")
        partner, worker, version = bench_setup()
        self._load(partner, worker, version, options)
        self.stdout.write(
            f"Database: {connection.vendor}; {Case.objects.count():,} cases, "
            f"{CaseTask.objects.count():,} task rows."
        )
        self.stdout.write(f"{'path':<11} {'ours':>10} {'bare':>10} {'ratio':>7}  statements  plan")
        for name, ours, bare, queryset in (
            ("inbox", lists.ours_inbox, lists.bare_inbox, lists.tasks_inbox),
            ("queue", lists.ours_queue, lists.bare_queue, lists.tasks_queue),
        ):
            self._list_row(name, ours, bare, queryset, worker, options["runs"])
        with override_settings(ALLOWED_HOSTS=["*"]):
            self._completion_row(partner, worker, options["completions"])
        self._search_rows(partner, options["clients"], max(options["runs"], 20))
        self.stdout.write("public home: see bench_public (make bench runs it next)")

    def _load(self, partner, worker, version, options):
        have = Case.objects.filter(partner=partner, status=STATUS.NEW).count()
        wanted = options["cases"] + 2 * ROUNDS * options["completions"] + 2
        if have >= wanted:
            self.stdout.write(f"Reusing {have:,} open bench cases.")
            return
        started = time.perf_counter()
        cases_create(
            partner=partner,
            worker=worker,
            version=version,
            count=wanted - have,
            claimed=options["claimed"],
        )
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Created {wanted - have:,} open cases ({(wanted - have) * 4:,} task rows) in "
            f"{seconds:.1f} s."
        )

    def _list_row(self, name, ours, bare, queryset, worker, runs):
        ours_ms, ours_statements, count = lists.timed(ours, WORKER, runs)
        bare_ms, bare_statements, bare_count = lists.timed(bare, WORKER, runs)
        plan = plan_summary(queryset(user=worker)[:25]) if connection.vendor == "postgresql" else ""
        goal = "meets" if ours_ms <= GOAL_LIST_MS else "misses"
        self.stdout.write(
            f"{name:<11} {ours_ms:>7.1f} ms {bare_ms:>7.1f} ms {bare_ms / ours_ms:>6.1f}×  "
            f"{ours_statements} vs {bare_statements}      {plan}"
        )
        self.stdout.write(
            f"{'':<11} {count:,} tasks (Viewflow's query: {bare_count:,}); goal ≤ "
            f"{GOAL_LIST_MS} ms: {goal}; {load_average()}"
        )

    def _completion_row(self, partner, worker, count):
        """Ours and the bare loop in turns (ROUNDS each), the median ratio of the turns: on a
        shared machine the load moves between one measurement and the next. Each turn also
        times the same work through our services alone, so the line says where the gap is: in
        the engine as we drive it, or in the request around it."""
        http = logged_in(worker)
        pks = queued_tasks(partner, 2 * ROUNDS * count + 2)
        completions_timed(http, pks[:1])  # warm: the form class and the step are kept after
        purposes = statements_of_one(http, pks[1])
        pks, by_services = pks[2 : 2 + ROUNDS * count], pks[2 + ROUNDS * count :]
        tasks = bare_tasks_start(ROUNDS * count + 1)
        bare_complete(tasks[0], worker)
        tasks = tasks[1:]
        rounds = []
        for number in range(ROUNDS):
            chunk = slice(number * count, (number + 1) * count)
            ours, (claim, submit) = completions_timed(http, pks[chunk])
            services = completions_by_services(worker, by_services[chunk])
            reset_queries()  # the log keeps 9,000 statements
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                for task in tasks[chunk]:
                    bare_complete(task, worker)
                bare = count / (time.perf_counter() - started)
            rounds.append((ours / bare, ours, bare, services))
        ratio, ours, bare, services = sorted(rounds)[ROUNDS // 2]
        goal = "meets" if ratio >= 0.8 else "misses"
        self.stdout.write(
            f"{'completion':<11} {ours:>6.1f} /s {bare:>6.1f} /s {ratio:>6.2f}×  "
            f"{claim}+{submit} vs {len(captured) // count}   (claim + submit vs engine loop)"
        )
        shown = ", ".join(f"{r:.2f}× ({o:.0f} vs {b:.0f} /s)" for r, o, b, _s in rounds)
        self.stdout.write(
            f"{'':<11} rounds: {shown}; goal ≥ 0.8× the bare engine: {goal}; {load_average()}"
        )
        self.stdout.write(
            f"{'':<11} the same through our services alone (no HTTP, no access record): "
            f"{services:.1f} /s = {services / bare:.2f}× the bare engine"
        )
        spent = ", ".join(f"{label} {number}" for label, number in purposes.most_common())
        self.stdout.write(f"{'':<11} statements of one claim + submit: {spent}")

    def _search_rows(self, partner, wanted: int, runs: int):
        have = Client.objects.filter(registered_by=partner).count()
        if have < wanted:
            started = time.perf_counter()
            clients_create(partner=partner, count=wanted - have)
            tables_analyze()
            self.stdout.write(
                f"Created {wanted - have:,} clients in {time.perf_counter() - started:.1f} s."
            )
        whole = national_id_valid("812345678901")
        if not Client.objects.filter(national_id=whole).exists():
            Client.objects.create(registered_by=partner, first_name="ถือบัตร", national_id=whole)
        for label, query in (
            ("Thai fragment", "ชัยมงคล00"),
            ("Thai name", "สมชาย"),
            ("whole ID", whole),
            ("part of an ID", whole[:8]),
        ):
            p95, statements, count = search_timed(WORKER_USERNAME, query, runs)
            plan = ""
            if connection.vendor == "postgresql":
                user = User.objects.get(username=WORKER_USERNAME)
                clients = clients_search(user=user, query=query)
                if count <= COUNT_CAP:  # as page_of_capped pages through few clients
                    clients = clients_found_in_order(clients)
                plan = plan_summary(clients[:25])
            goal = "meets" if p95 <= GOAL_SEARCH_MS else "misses"
            shown = "more than 1,000" if count > 1000 else f"{count:,}"
            self.stdout.write(
                f"search {label:<14} p95 {p95:>6.1f} ms  {statements} statements  {shown} found; "
                f"goal ≤ {GOAL_SEARCH_MS} ms: {goal}; {load_average()}  {plan}"
            )
