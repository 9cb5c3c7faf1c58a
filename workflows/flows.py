"""The one generic flow every case runs. Its nodes read the process definitions from the database.

No flow class is generated at run time: publishing a process changes rows, never code.

    start ─▶ route? ─has work─▶ work ─▶ route? …
                  └─none────▶ end

`route` moves the case to where the finished task's decision leads and asks whether a task waits
there, in one node: each node between two tasks costs the completion four writes. Cases begun
before it held a `route` function and a `has_work` gateway: their finished task rows still name
`has_work`, so that node is kept (nothing leads to it).
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow, lock

from workflows import engine
from workflows.models import Case, CaseTask


def task_view_not_here(request, **kwargs):
    """Viewflow's own task URLs are not mounted; staff work tasks through our admin views."""
    raise Http404


class CaseFlow(flow.Flow):
    """Case"""

    process_class = Case
    task_class = CaseTask
    lock_impl = lock.select_for_update_lock
    process_title = _("Case")

    start = flow.StartHandle(this.begin).Next(this.route)
    route = flow.If(this.advance).Then(this.work).Else(this.end)
    has_work = flow.If(this.case_has_work).Then(this.work).Else(this.end)  # rows of older cases
    work = (
        flow.View(task_view_not_here)
        .onCreate(this.prepare_task)
        .Next(this.route, task_data=this.finished_task_data)
    )
    end = flow.End()

    def begin(self, activation, **kwargs):
        return engine.case_begin(activation, **kwargs)

    def advance(self, activation) -> bool:
        engine.case_advance(activation)
        return engine.case_has_work(activation.process)

    def case_has_work(self, activation) -> bool:
        return engine.case_has_work(activation.process)

    def prepare_task(self, activation):
        engine.task_prepare(activation.task)

    def finished_task_data(self, activation) -> dict:
        engine.task_finished_keep(activation)
        return {"finished_task": activation.task.pk}


__all__ = ["CaseFlow", "CaseTask"]
