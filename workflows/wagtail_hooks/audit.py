"""The personal-data access log's hooks: publishing a form or process version is recorded."""

from wagtail import hooks

from forms_builder.definition_admin.pages import PUBLISHED_HOOK
from workflows.models import AccessKind
from workflows.services.audit import record_access


@hooks.register(PUBLISHED_HOOK)
def record_publish(request, definition, version) -> None:
    record_access(
        request,
        definition,
        AccessKind.PUBLISH,
        partner_id=getattr(definition, "partner_id", None),
        detail={"version": version.number},
    )
