"""What every process administration view shares: who may enter, breadcrumbs, the process."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.models import ProcessDefinition, ProcessVersion, Step, Transition
from workflows.selectors.definitions import (
    process_definition_can_edit,
    process_definition_for_admin,
    process_version_draft_of,
    user_can_administer_processes,
)


class ProcessAdminView(WagtailAdminTemplateMixin, View):
    """Only administrators (of a partner or of the network) enter the process administration."""

    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_administer_processes(request.user):
            raise PermissionDenied  # Wagtail shows its "no permission" message on the dashboard.
        self.prepare(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, request, *args, **kwargs) -> None:
        """Load what the view works on (a 404 when the user may not); runs before the handler."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("workflows_definitions:index"), "label": _("Processes")},
            *self.extra_breadcrumbs(),
        ]

    def extra_breadcrumbs(self) -> list[dict]:
        return []


class DefinitionView(ProcessAdminView):
    """A view of one process; `needs_edit` views are 404 for processes the user may only read."""

    needs_edit = False

    def prepare(self, request, *args, **kwargs) -> None:
        self.definition: ProcessDefinition = process_definition_for_admin(
            request.user, kwargs["pk"], edit=self.needs_edit
        )
        self.can_edit = process_definition_can_edit(request.user, self.definition)

    def extra_breadcrumbs(self) -> list[dict]:
        url = reverse("workflows_definitions:detail", args=[self.definition.pk])
        return [{"url": url, "label": self.definition.name}]

    def get_page_subtitle(self):
        return self.definition.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            definition=self.definition, can_edit=self.can_edit, **kwargs
        )


class DraftMixin(DefinitionView):
    """Views that change the draft: only for those who may edit, and only while a draft exists."""

    needs_edit = True

    def prepare(self, request, *args, **kwargs) -> None:
        super().prepare(request, *args, **kwargs)
        self.version: ProcessVersion | None = process_version_draft_of(self.definition)

    def extra_breadcrumbs(self):
        url = reverse("workflows_definitions:draft", args=[self.definition.pk])
        return [*super().extra_breadcrumbs(), {"url": url, "label": _("Draft")}]

    def draft_required(self) -> ProcessVersion:
        if self.version is None:
            raise Http404
        return self.version

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

    def draft_url(self, anchor: str = "") -> str:
        url = reverse("workflows_definitions:draft", args=[self.definition.pk])
        return f"{url}#{anchor}" if anchor else url
