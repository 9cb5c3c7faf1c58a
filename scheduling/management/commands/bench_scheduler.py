"""Time the scheduler and the worker's act (`make bench`): due items acted per second, with many
planned items waiting in the table, and the SQL statements each item costs.

It plans `--planned` items of a bench kind far in the future (made once with bulk inserts, then
reused) and `--due` items that have come due, then runs what the scheduler and a worker run —
`due_items_lease` and `due_item_act` — until none is left, timing it and counting statements.
The bench kind's handler does nothing, so the figure is the engine's own cost per item.
"""

import datetime as dt
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scheduling.models import DueItem, DueState
from scheduling.registry import due_kind
from scheduling.services import due_item_act, due_items_lease

KIND = "bench"
BATCH = 5000


@due_kind(KIND)
def bench_noop(item) -> None:
    """The bench measures the engine, not a handler."""


class Command(BaseCommand):
    help = "Plan many due items (once), then time leasing and acting on those that came due."

    def add_arguments(self, parser):
        parser.add_argument("--planned", type=int, default=100_000, help="items waiting")
        parser.add_argument("--due", type=int, default=2_000, help="items come due, acted on")
        parser.add_argument("--batch", type=int, default=200, help="items leased per turn")

    def handle(self, *args, planned, due, batch, **options):
        now = timezone.now()
        waiting = DueItem.objects.filter(kind=KIND, key__startswith="bench:planned:")
        missing = planned - waiting.count()
        if missing > 0:
            self.stdout.write(f"Planning {missing} items …")
            self._bulk("planned", waiting.count(), missing, now + dt.timedelta(days=3650))
        DueItem.objects.filter(kind=KIND, key__startswith="bench:due:").delete()
        self._bulk("due", 0, due, now - dt.timedelta(minutes=1))
        acted = 0
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            while leased := due_items_lease(now=now, batch=batch):
                for pk, seen in leased:
                    acted += due_item_act(item_id=pk, seen_due_at=seen)
            elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Scheduler: {acted} due items acted in {elapsed:.2f} s "
            f"({acted / elapsed:.0f} per second) with {planned} planned; "
            f"{len(queries) / max(acted, 1):.1f} SQL statements per item "
            f"({connection.vendor})"
        )

    @transaction.atomic
    def _bulk(self, name: str, start: int, count: int, due_at) -> None:
        for first in range(start, start + count, BATCH):
            DueItem.objects.bulk_create(
                DueItem(kind=KIND, key=f"bench:{name}:{n}", due_at=due_at, state=DueState.PENDING)
                for n in range(first, min(first + BATCH, start + count))
            )
