"""The personal-data hooks: publishing a form or process version is recorded; the admin home of
data protection officers and administrators shows the PDPA panel."""

from wagtail import hooks

from forms_builder.definition_admin.pages import PUBLISHED_HOOK
from partners.selectors import user_has_role
from workflows.models import AccessKind
from workflows.selectors.audit import PARTNER_LOG_ROLES
from workflows.services.audit import record_access
from workflows.views.workspace.pdpa_panel import PersonalDataPanel


@hooks.register(PUBLISHED_HOOK)
def record_publish(request, definition, version) -> None:
    record_access(
        request,
        definition,
        AccessKind.PUBLISH,
        partner_id=getattr(definition, "partner_id", None),
        detail={"version": version.number},
    )


@hooks.register("construct_homepage_panels")
def add_personal_data_panel(request, panels):
    if user_has_role(request.user, PARTNER_LOG_ROLES):
        panels.append(PersonalDataPanel(request.user))
