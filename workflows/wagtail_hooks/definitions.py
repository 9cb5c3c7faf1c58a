"""The process administration in the Wagtail admin (its viewset), and which processes use a form
version (shown on the forms admin). Imported by workflows.wagtail_hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from forms_builder.admin.usages import ADOPT_HOOK, USAGES_HOOK
from workflows.selectors.definitions import form_version_usages, processes_using_earlier_versions
from workflows.views.definitions.viewset import ProcessDefinitionViewSet


@hooks.register("register_admin_viewset")
def register_process_admin():
    return ProcessDefinitionViewSet()


hooks.register(USAGES_HOOK, form_version_usages)


@hooks.register(ADOPT_HOOK)
def adopt_form_version_action(*, version, user):
    """Offer drafts that use a newly published form version, when a process uses an older one."""
    if not processes_using_earlier_versions(form_version=version, user=user):
        return None
    label = _("Make drafts of these processes that use version %(number)s") % {
        "number": version.number
    }
    return label, reverse("workflows_definitions:adopt_form", args=[version.pk])
