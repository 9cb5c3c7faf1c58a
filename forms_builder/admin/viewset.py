"""The forms administration (แบบฟอร์ม): the versioned-definition admin configured for forms,
with the forms' own screens (field list and editor, preview, copy)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forms_builder import services
from forms_builder.admin.forms import FormDefinitionCreateForm
from forms_builder.admin.usages import version_adopt_action, version_usages
from forms_builder.admin.views import draft, fields, transfer, versions
from forms_builder.definition_admin.viewset import VersionedDefinitionViewSet
from forms_builder.models import FormDefinition
from forms_builder.serialization import definitions_export, definitions_import


class FormDefinitionViewSet(VersionedDefinitionViewSet):
    model = FormDefinition
    classifier = "purpose"
    icon = "form"
    name = "form-definitions"
    url_namespace = "forms_builder_admin"
    menu_label = _("Forms")
    menu_name = "form-definitions"
    menu_order = 800
    create_form_class = FormDefinitionCreateForm
    draft_view_class = draft.DraftView
    version_view_class = versions.VersionView
    detail_template_name = "forms_builder/admin/detail.html"
    bundle_key = "forms"
    texts = {
        "plural": _("Forms"),
        "add": _("Add a form"),
        "import": _("Import forms"),
        "import_help": _("Import forms from a JSON file exported from Forms or Processes."),
        "new": _("New form"),
        "create_help": _(
            "The form starts as a draft (version 1). Caseworkers see it once it is published."
        ),
        "created": _("The form was created. Add its fields."),
        "details": _("Form details"),
        "details_help": _(
            "Names, description and purpose are not versioned: a change shows in every version "
            "at once."
        ),
        "details_saved": _("The form's details were saved."),
        "edit_details": _("Edit names and purpose"),
        "shared_note": _(
            "Forms shared by the whole network are managed by the provincial center's "
            "administrators: you can preview, export and copy them."
        ),
        "no_draft": _("This form has no draft. Start one to change its fields."),
        "draft_started": _(
            "Version %(number)s is a new draft. Caseworkers keep the published version."
        ),
        "published": _(
            "Version %(number)s is published. Processes use the version their steps name: "
            "below, which still use an earlier one."
        ),
    }

    def definition_create(self, *, user, **data):
        return services.form_definition_create(user=user, **data)

    def definition_update(self, *, definition, **data):
        return services.definition_details_update(
            definition=definition, classifier=self.classifier, **data
        )

    def version_draft(self, *, definition, user):
        return services.form_version_draft(definition=definition, user=user)

    def version_publish(self, *, version, user):
        return services.form_version_publish(version=version, user=user)

    def bundle_export(self, *, definition, versions: str) -> dict:
        return definitions_export(definitions=[definition], versions=versions)

    def bundle_import(self, *, document: dict, user):
        return definitions_import(document=document, user=user)

    def bundle_notes(self, document: dict) -> list[str]:
        processes = document.get("processes") or []
        if not processes:
            return []
        return [
            ngettext(
                "The file also holds %(n)s process; it is not imported here. To import it too, "
                "import the file from Processes.",
                "The file also holds %(n)s processes; they are not imported here. To import "
                "them too, import the file from Processes.",
                len(processes),
            )
            % {"n": len(processes)}
        ]

    def detail_context(self, *, request, definition, versions, current, can_edit) -> dict:
        usages = version_usages(definition=definition, versions=versions)
        for version in versions:
            version.used_by = (usages or {}).get(version.pk, [])
        # Said only while a process the user may change can still move to the current version.
        adopt = None
        if current and can_edit:
            adopt = version_adopt_action(version=current, user=request.user)
        earlier_in_use = [v for v in versions if adopt and v.used_by and v.number < current.number]
        return {
            "show_usages": usages is not None,
            "earlier_in_use": earlier_in_use,
            "adopt_action": adopt if earlier_in_use else None,
        }

    def extra_urlpatterns(self) -> list:
        view = self.own_view
        return [
            path("<int:pk>/copy/", view(transfer.CopyView), name="copy"),
            path("<int:pk>/draft/reorder/", view(draft.FieldsReorderView), name="fields_reorder"),
            path("<int:pk>/draft/fields/add/", view(fields.FieldAddView), name="field_add"),
            path(
                "<int:pk>/draft/fields/<int:field_pk>/",
                view(fields.FieldEditView),
                name="field_edit",
            ),
            path(
                "<int:pk>/draft/fields/<int:field_pk>/delete/",
                view(draft.FieldDeleteView),
                name="field_delete",
            ),
            path(
                "<int:pk>/draft/fields/<int:field_pk>/move/<str:direction>/",
                view(draft.FieldMoveView),
                name="field_move",
            ),
            path(
                "<int:pk>/versions/<int:number>/preview/",
                view(versions.PreviewView),
                name="preview",
            ),
            path(
                "<int:pk>/versions/<int:number>/preview/frame/",
                view(versions.PreviewFrameView),
                name="preview_frame",
            ),
        ]
