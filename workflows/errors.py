"""Why a case or task action could not be done, in words for the worker."""

from django.utils.translation import gettext_lazy as _


class WorkflowError(Exception):
    """An action that cannot be done; `message` is shown to the user."""

    default_message = _("This action cannot be done.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class TaskNotAvailable(WorkflowError):
    default_message = _("This task is no longer available to you.")


class TaskAlreadyDone(WorkflowError):
    default_message = _("This task was already done by someone else.")


class TaskBusy(WorkflowError):
    default_message = _("Someone else is saving this case right now. Please try again.")


class NoTransitionMatches(WorkflowError):
    default_message = _(
        "None of this step's decisions fits the answers given, and the step has no default. "
        "Check the answers, or ask an administrator to add a default decision."
    )


class FormInvalid(WorkflowError):
    default_message = _("Please correct the errors below.")

    def __init__(self, form):
        self.form = form
        super().__init__()


class ProcessNotPublished(WorkflowError):
    default_message = _("This process has no published version.")
