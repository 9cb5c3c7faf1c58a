"""The process administration (กระบวนการทำงาน): the versioned-definition admin configured for
processes, with their own screens (the step and decision editor, moving open cases)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from forms_builder.definition_admin.viewset import VersionedDefinitionViewSet
from forms_builder.services import definition_details_update
from workflows.bundle_schema import DEFINITIONS_BUNDLE_SCHEMA
from workflows.diagram import process_diagram_html
from workflows.models import ProcessDefinition
from workflows.serialization import bundle_export, bundle_import
from workflows.services.definitions import (
    process_definition_create,
    process_version_draft,
    process_version_publish,
)
from workflows.services.migration import cases_open_on
from workflows.views.definitions import adopt, draft, migration, versions
from workflows.views.definitions.forms import ProcessCreateForm


class ProcessDefinitionViewSet(VersionedDefinitionViewSet):
    model = ProcessDefinition
    classifier = "kind"
    icon = "cogs"
    name = "processes"
    url_namespace = "workflows_definitions"
    menu_label = _("Processes")
    menu_name = "processes"
    menu_order = 810
    ordering = ["partner__name_th", "name_th", "pk"]
    form_element_id = "process-form"
    create_form_class = ProcessCreateForm
    draft_view_class = draft.DraftView
    version_view_class = versions.VersionView
    detail_template_name = "workflows/definitions/detail.html"
    bundle_key = "processes"
    bundle_schema = DEFINITIONS_BUNDLE_SCHEMA
    export_prefix = "process-"
    texts = {
        "plural": _("Processes"),
        "add": _("Add a process"),
        "import": _("Import processes and forms"),
        "import_help": _(
            "Import processes, the forms they use and their case outcomes from a JSON file "
            "exported from Processes or Forms."
        ),
        "new": _("New process"),
        "create_help": _(
            "The process starts as a draft (version 1). Caseworkers can open cases on it once it "
            "is published."
        ),
        "created": _("The process was created. Add its steps."),
        "details": _("Process details"),
        "details_help": _(
            "Names, description and kind are not versioned: a change shows in every version at "
            "once."
        ),
        "details_saved": _("The process's details were saved."),
        "edit_details": _("Edit names and kind"),
        "shared_note": _(
            "Processes shared by the whole network are managed by the provincial center's "
            "administrators: you can view and export them."
        ),
        "no_draft": _("This process has no draft. Start one to change its steps."),
        "draft_started": _(
            "Version %(number)s is a new draft. New cases still start on the published one."
        ),
        "published": _("Version %(number)s is published: new cases start on it."),
    }

    def definition_create(self, *, user, **data):
        return process_definition_create(user=user, **data)

    def definition_update(self, *, definition, **data):
        return definition_details_update(definition=definition, classifier=self.classifier, **data)

    def version_draft(self, *, definition, user):
        return process_version_draft(definition=definition, user=user)

    def version_publish(self, *, version, user):
        return process_version_publish(version=version, user=user)

    def bundle_export(self, *, definition, versions: str) -> dict:
        return bundle_export(processes=[definition], forms=None, versions=versions)

    def bundle_import(self, *, document: dict, user):
        return bundle_import(document=document, user=user)

    def detail_context(self, *, request, definition, versions, current, can_edit) -> dict:
        older_with_cases = [
            v
            for v in versions
            if v.is_published and v != current and cases_open_on(version=v).exists()
        ]
        return {
            "diagram": process_diagram_html(version=current) if current else "",
            "older_with_cases": older_with_cases,
        }

    def extra_urlpatterns(self) -> list:
        view = self.own_view
        return [
            path("<int:pk>/draft/steps/add/", view(draft.StepAddView), name="step_add"),
            path("<int:pk>/draft/steps/<int:step_pk>/", view(draft.StepEditView), name="step_edit"),
            path(
                "<int:pk>/draft/steps/<int:step_pk>/delete/",
                view(draft.StepDeleteView),
                name="step_delete",
            ),
            path(
                "<int:pk>/draft/steps/<int:step_pk>/decisions/add/",
                view(draft.TransitionAddView),
                name="transition_add",
            ),
            path(
                "<int:pk>/draft/decisions/<int:transition_pk>/",
                view(draft.TransitionEditView),
                name="transition_edit",
            ),
            path(
                "<int:pk>/draft/decisions/<int:transition_pk>/delete/",
                view(draft.TransitionDeleteView),
                name="transition_delete",
            ),
            path(
                "adopt-form/<int:form_version_pk>/",
                view(adopt.AdoptFormVersionView),
                name="adopt_form",
            ),
            path(
                "<int:pk>/versions/<int:number>/migrate/",
                view(migration.MigrateView),
                name="migrate",
            ),
        ]
