"""The supervisor's overview of their partners' work: a few aggregate queries, bounded."""

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language
from viewflow.workflow.status import STATUS

from partners.models import Role
from partners.selectors import user_partner_ids
from workflows.models import Case, CaseTask, Step, TaskCount
from workflows.selectors.tasks import inbox_count, queue_count

OPEN_TASK = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
LIST_LIMIT = 50


def supervised_partner_ids(user) -> set[int]:
    return user_partner_ids(user, Role.SUPERVISOR)


def open_cases_by_step(*, partner_ids) -> list[dict]:
    """How many open cases stand on each step, per process (largest first)."""
    rows = (
        Case.objects.filter(partner_id__in=partner_ids, status=STATUS.NEW)
        .values(
            "process_version__definition__name_th",
            "process_version__definition__name_en",
            "current_step__name_th",
            "current_step__name_en",
        )
        .annotate(cases=Count("pk"))
        .order_by("-cases")[:LIST_LIMIT]
    )
    return [
        {
            "process": _localized(row, "process_version__definition__name"),
            "step": Step(
                name_th=row["current_step__name_th"] or "",
                name_en=row["current_step__name_en"] or "",
            ).name,
            "cases": row["cases"],
        }
        for row in rows
    ]


def _localized(row: dict, prefix: str) -> str:
    english = (get_language() or "th").startswith("en")
    return (english and row[f"{prefix}_en"]) or row[f"{prefix}_th"] or ""


def overdue_tasks(*, partner_ids) -> tuple[list[CaseTask], dict]:
    """The overdue tasks, escalated ones first, and how many are overdue and escalated."""
    tasks = CaseTask.objects.filter(
        partner_id__in=partner_ids, status__in=OPEN_TASK, due_at__lt=timezone.now()
    )
    page = list(
        tasks.select_related("process__client", "step", "owner").order_by(
            F("escalated_at").desc(nulls_last=True), "due_at", "pk"
        )[:LIST_LIMIT]
    )
    counts = tasks.aggregate(
        overdue=Count("pk"), escalated=Count("pk", filter=Q(escalated_at__isnull=False))
    )
    return page, counts


def tasks_per_worker(*, partner_ids) -> list[dict]:
    """Open tasks each worker holds, and how many of them are overdue."""
    now = timezone.now()
    return list(
        CaseTask.objects.filter(
            partner_id__in=partner_ids, status__in=[STATUS.ASSIGNED, STATUS.STARTED]
        )
        .values("owner_id", "owner__first_name", "owner__last_name", "owner__username")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=now)))
        .order_by("-open")[:LIST_LIMIT]
    )


def unclaimed_count(*, partner_ids) -> int:
    # A wait's task (no role) is nobody's to claim.
    # The counters hold only tasks with a role: a wait's task is not among them.
    counters = TaskCount.objects.filter(partner_pk__in=partner_ids, status=STATUS.NEW)
    return counters.aggregate(n=Sum("n"))["n"] or 0


def work_counts(*, user) -> dict:
    """The home page panel: my open tasks and my queue, two sums over the counters."""
    return {"inbox": inbox_count(user=user), "queue": queue_count(user=user)}
