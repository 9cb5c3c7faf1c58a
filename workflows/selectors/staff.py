"""Whether a person's name is on casework: such staff are deactivated when they leave, never
deleted, because deleting them would delete their tasks (viewflow's task owner cascades) and
blank who opened cases, registered clients and gave answers."""

from django.db.models import Exists, OuterRef

from forms_builder.models import AnswerSet
from workflows.models import Case, CaseTask, Client


def users_with_case_history(users):
    """Those of `users` (a queryset) whose name is on a task, a case, a client or an answer."""
    return users.filter(
        Exists(CaseTask.objects.filter(owner=OuterRef("pk")))
        | Exists(Case.objects.filter(opened_by=OuterRef("pk")))
        | Exists(Client.objects.filter(created_by=OuterRef("pk")))
        | Exists(AnswerSet.objects.filter(submitted_by=OuterRef("pk")))
    )
