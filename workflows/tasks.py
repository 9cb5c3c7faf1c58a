"""The Django Tasks of workflows (run by the task workers, see scheduling.tasks)."""

from django_tasks import task

from workflows.services.import_runs import import_run_now


@task()
def import_run(import_id: int) -> None:
    import_run_now(import_id=import_id)
