"""The Django Tasks the workers run (django-tasks-db's `db_worker`, or an RQ worker)."""

from django_tasks import task

from scheduling.services import due_item_act


@task()
def due_item_run(item_id: int, seen_due_at: str | None = None) -> bool:
    return due_item_act(item_id=item_id, seen_due_at=seen_due_at)
