"""What happened to a definition, and who did it: Wagtail's log entries and its history view."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.history import HistoryView
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action

from forms_builder.definition_admin.access import definition_for_admin

DRAFT_ACTION = "definitions.draft"
PUBLISH_ACTION = "definitions.publish"
IMPORT_ACTION = "definitions.import"
COPY_ACTION = "definitions.copy"


def definition_log(definition, action: str, user, **data) -> None:
    """Record an action on a definition ("wagtail.create", "wagtail.edit" or one of ours)."""
    log_action(definition, action, user=user, data=data or None)


class VersionFormatter(LogFormatter):
    """A message naming the version the action was about."""

    def format_message(self, log_entry):
        number = (log_entry.data or {}).get("version", "?")
        return self.message % {"number": number}


@hooks.register("register_log_actions")
def register_definition_log_actions(actions):
    @actions.register_action(DRAFT_ACTION)
    class DraftStarted(VersionFormatter):
        label = _("Start a draft")
        message = _("Draft version %(number)s started")

    @actions.register_action(PUBLISH_ACTION)
    class Published(VersionFormatter):
        label = _("Publish a version")
        message = _("Version %(number)s published")

    @actions.register_action(IMPORT_ACTION)
    class Imported(LogFormatter):
        label = _("Import")
        message = _("Imported from a definitions file")

    @actions.register_action(COPY_ACTION)
    class Copied(LogFormatter):
        label = _("Copy")
        message = _("Made as a copy of another partner's definition")


class DefinitionHistoryView(HistoryView):
    """The definition's history, for everyone who may see the definition."""

    viewset = None
    any_permission_required = ["view"]

    def get_object(self):
        return definition_for_admin(self.model, self.request.user, self.pk)

    def get_edit_url(self, instance):
        return self.viewset.detail_url(instance)
