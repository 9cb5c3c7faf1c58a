"""The bare reference for completion: Viewflow alone, on its own Process and Task tables.

start ─▶ work (a View task) ─▶ end, with the same row lock as CaseFlow. One loop is what any
Viewflow application does at the least: assign the task to a person, start and execute it.
"""

from django.http import Http404
from viewflow import this
from viewflow.workflow import flow, lock


def _no_view(request, **kwargs):
    raise Http404


class BareFlow(flow.Flow):
    """Bare"""

    lock_impl = lock.select_for_update_lock

    start = flow.StartHandle().Next(this.work)
    work = flow.View(_no_view).Next(this.end)
    end = flow.End()


def bare_tasks_start(count: int) -> list:
    """`count` processes waiting at `work` (made before the clock starts)."""
    tasks = []
    for _number in range(count):
        process = BareFlow.start.run()
        tasks.append(process.task_set.get(flow_task=BareFlow.work))
    return tasks


def bare_complete(task, user) -> None:
    """Claim, then complete: two transactions under the process's row lock, as ours."""
    with task.activation() as activation:
        activation.assign(user)
    with task.activation() as activation:
        activation.start(None)
        activation.execute()
