"""What the process draft editor's views share: the draft's steps and decisions (404 otherwise)."""

from django.http import Http404

from forms_builder.definition_admin.pages import DraftMixin
from workflows.models import Step, Transition


class StepsDraftMixin(DraftMixin):
    """Views that change a process draft's steps or decisions."""

    def step_of_draft(self, step_pk: int) -> Step:
        step = self.draft_required().steps.filter(pk=step_pk).first()
        if step is None:
            raise Http404
        return step

    def transition_of_draft(self, transition_pk: int) -> Transition:
        transition = (
            self.draft_required()
            .transitions.select_related("source", "target")
            .filter(pk=transition_pk)
            .first()
        )
        if transition is None:
            raise Http404
        return transition
