"""What every forms administration view shares: who may enter, breadcrumbs, the form in hand."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms_builder.admin.selectors import (
    form_definition_can_edit,
    form_definition_for_admin,
    form_version_current,
    form_version_draft_of,
    user_can_administer_forms,
)
from forms_builder.models import FormDefinition, FormVersion


class FormsAdminView(WagtailAdminTemplateMixin, View):
    """Only administrators (of a partner or of the network) enter the forms administration."""

    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_administer_forms(request.user):
            # Wagtail turns this into its "no permission" message on the dashboard.
            raise PermissionDenied
        self.prepare(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, request, *args, **kwargs) -> None:
        """Load what the view works on (a 404 when the user may not); runs before the handler."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("forms_builder_admin:index"), "label": _("Forms")},
            *self.extra_breadcrumbs(),
        ]

    def extra_breadcrumbs(self) -> list[dict]:
        return []


class DefinitionView(FormsAdminView):
    """A view of one form; `needs_edit` views are 404 for forms the user may only read."""

    needs_edit = False

    def prepare(self, request, *args, **kwargs) -> None:
        self.definition: FormDefinition = form_definition_for_admin(
            request.user, kwargs["pk"], edit=self.needs_edit
        )
        self.can_edit = form_definition_can_edit(request.user, self.definition)

    def extra_breadcrumbs(self) -> list[dict]:
        return [
            {
                "url": reverse("forms_builder_admin:detail", args=[self.definition.pk]),
                "label": self.definition.name,
            }
        ]

    def get_page_subtitle(self):
        return self.definition.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            definition=self.definition,
            can_edit=self.can_edit,
            **kwargs,
        )

    def draft(self) -> FormVersion | None:
        return form_version_draft_of(self.definition)

    def current(self) -> FormVersion | None:
        return form_version_current(self.definition)
