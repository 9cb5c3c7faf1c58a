"""Choosing the way out of a step from the answers given so far."""

from forms_builder.conditions import condition_evaluate
from workflows.errors import NoTransitionMatches
from workflows.models import Step, Transition


def transition_select(*, step: Step, answers: dict, transitions=None) -> Transition:
    """The first transition whose condition holds, in order; else the default; else an error."""
    candidates = list(transitions if transitions is not None else step.outgoing.all())
    default = None
    for transition in sorted(candidates, key=lambda t: (t.sort_order, t.pk)):
        if transition.is_default:
            default = transition
        elif condition_evaluate(transition.condition, answers):
            return transition
    if default is None:
        raise NoTransitionMatches()
    return default
