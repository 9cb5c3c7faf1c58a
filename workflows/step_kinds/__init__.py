"""The kinds of step a process can have, each declared once, in its own module.

A kind says how the step editor asks for its settings, what publishing checks, how the step
table and the diagram describe it, and what the engine does there (`creates_task`: a person's
task waits in a queue; `ends_case`: the case ends with an outcome). Adding a kind is adding a
module with a `StepKindSpec` subclass and listing it in STEP_KINDS below: the model's choices,
the editor, the checks, the step table and the diagram follow.
"""

from workflows.step_kinds.base import StepKindSpec
from workflows.step_kinds.end import EndStep
from workflows.step_kinds.follow_ups import FollowUpsStep
from workflows.step_kinds.human import HumanStep
from workflows.step_kinds.refer import ReferStep
from workflows.step_kinds.wait import WaitStep

STEP_KINDS: dict[str, StepKindSpec] = {
    kind.value: kind for kind in (HumanStep(), WaitStep(), FollowUpsStep(), ReferStep(), EndStep())
}


def step_kind(value: str) -> StepKindSpec:
    """The kind of a step; an unknown value (a bad import) reads as a task for a person."""
    return STEP_KINDS.get(value) or STEP_KINDS["human"]


def step_kind_choices() -> list[tuple[str, str]]:
    return [(kind.value, kind.label) for kind in STEP_KINDS.values()]
