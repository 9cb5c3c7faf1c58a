"""The steps and ways out of running processes, read once per process (worker) and kept.

A case runs a published process version, and a published version never changes (new work is a
new version), so a step of a running task — with its form version — and the transitions out of
it can be kept by primary key. Bounded: cleared when it grows too large.
"""

from workflows.models import Step, Transition

_STEPS: dict[int, Step] = {}
_OUTGOING: dict[int, list[Transition]] = {}
_MAX = 5000


def _bounded(store: dict) -> dict:
    if len(store) >= _MAX:
        store.clear()
    return store


def running_step(step_id: int) -> Step:
    """The step (with its form version) of a task of a running case."""
    step = _STEPS.get(step_id)
    if step is None:
        step = Step.objects.select_related("form_version").get(pk=step_id)
        _bounded(_STEPS)[step_id] = step
    return step


def running_outgoing(step_id: int) -> list[Transition]:
    """The transitions out of a step of a running case, with their targets, in order."""
    transitions = _OUTGOING.get(step_id)
    if transitions is None:
        transitions = list(
            Transition.objects.filter(source_id=step_id)
            .select_related("target")
            .order_by("sort_order", "pk")
        )
        _bounded(_OUTGOING)[step_id] = transitions
    return transitions


def running_task_graph(task) -> None:
    """Set a task's step (with its form version) and decision (with its target) from what is
    kept, instead of joining them into the task's query."""
    if task.step_id is None:
        return
    task.step = running_step(task.step_id)
    if task.decision_id is not None:
        found = [t for t in running_outgoing(task.step_id) if t.pk == task.decision_id]
        if found:
            task.decision = found[0]


def running_graph_forget() -> None:
    """Drop what is kept (tests, whose rolled-back rows may give a primary key again)."""
    _STEPS.clear()
    _OUTGOING.clear()
