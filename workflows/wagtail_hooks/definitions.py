"""The process administration in the Wagtail admin (its viewset), and which processes use a form
version (shown on the forms admin). Imported by workflows.wagtail_hooks."""

from wagtail import hooks

from forms_builder.admin.usages import USAGES_HOOK
from workflows.selectors.definitions import form_version_usages
from workflows.views.definitions.viewset import ProcessDefinitionViewSet


@hooks.register("register_admin_viewset")
def register_process_admin():
    return ProcessDefinitionViewSet()


hooks.register(USAGES_HOOK, form_version_usages)
