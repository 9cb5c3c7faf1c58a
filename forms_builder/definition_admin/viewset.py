"""`VersionedDefinitionViewSet`: the admin of one versioned definition type, on Wagtail's
ModelViewSet. A type subclasses it and says, in one place:

- `model`, `classifier` (the field that sorts its definitions: a form's purpose, a process's kind),
  `icon`, `name` (URL prefix), `url_namespace`, `menu_label`, `menu_name`, `menu_order`;
- `create_form_class` (its details form is made from the model and the classifier);
- `texts`: its sentences ("The form was created. Add its fields.", …);
- its services: `definition_create`, `definition_update`, `version_draft`, `version_publish`,
  `bundle_export`, `bundle_import` (and `bundle_key`, `bundle_schema`, `export_prefix`);
- its pages: `draft_view_class`, `version_view_class`, `detail_template_name`, `detail_context`;
- its own screens (field editor, step editor, preview, …) in `extra_urlpatterns`.

URLs (names in the type's namespace): index, index_results, create (add/), detail (<pk>/),
details (<pk>/details/), history, draft, draft_start, publish, version, import, export, and the
type's own.
"""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import policy_registry, register_permission_policy

from forms_builder.bundle_schema import FORMS_BUNDLE_SCHEMA
from forms_builder.definition_admin.access import PartnerOwnedPermissionPolicy
from forms_builder.definition_admin.editing import (
    DefinitionCreateView,
    DefinitionDetailsView,
    definition_details_form,
)
from forms_builder.definition_admin.history import DefinitionHistoryView
from forms_builder.definition_admin.importing import ImportView
from forms_builder.definition_admin.listing import DefinitionIndexView, definition_filterset
from forms_builder.definition_admin.pages import (
    DefinitionDetailView,
    DraftStartView,
    DraftView,
    ExportView,
    PublishMixin,
    VersionView,
)
from partners.menus import RoleMenuItem
from partners.models import Role

# Wagtail's view names mapped to ours (the URLs existed before the viewset).
URL_NAMES = {"add": "create", "edit": "details", "inspect": "detail"}


class VersionedDefinitionViewSet(ModelViewSet):
    classifier = ""
    menu_name = ""
    menu_roles = (Role.ADMINISTRATOR,)
    list_per_page = 25
    ordering = ["name_th", "pk"]
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    form_element_id = "definition-form"

    index_view_class = DefinitionIndexView
    add_view_class = DefinitionCreateView
    edit_view_class = DefinitionDetailsView
    inspect_view_class = DefinitionDetailView
    history_view_class = DefinitionHistoryView
    draft_view_class = DraftView
    version_view_class = VersionView
    detail_template_name = "definition_admin/detail.html"

    create_form_class = None
    texts: dict = {}
    bundle_key = ""
    bundle_schema = FORMS_BUNDLE_SCHEMA
    export_prefix = ""

    def __init__(self, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, PartnerOwnedPermissionPolicy(self.model))

    # --- what a definition type provides -------------------------------------------------

    def definition_create(self, *, user, **data):
        raise NotImplementedError

    def definition_update(self, *, definition, **data):
        raise NotImplementedError

    def version_draft(self, *, definition, user):
        raise NotImplementedError

    def version_publish(self, *, version, user):
        raise NotImplementedError

    def bundle_export(self, *, definition, versions: str) -> dict:
        raise NotImplementedError

    def bundle_import(self, *, document: dict, user):
        """Import the bundle (all or nothing): a report whose `changes` say what changed."""
        raise NotImplementedError

    def bundle_notes(self, document: dict) -> list[str]:
        """What the preview should add about the file (e.g. what this admin leaves out)."""
        return []

    def detail_context(self, *, request, definition, versions, current, can_edit) -> dict:
        """What the type's own blocks of the definition's page need."""
        return {}

    def index_header_buttons(self) -> list:
        """Buttons beside "Add" on the list: import."""
        return [HeaderButton(_("Import"), url=self.url("import"), icon_name="upload", priority=20)]

    def extra_urlpatterns(self) -> list:
        return []

    # --- URLs ------------------------------------------------------------------------------

    def get_url_name(self, view_name):
        return super().get_url_name(URL_NAMES.get(view_name, view_name))

    def url(self, view_name: str, *args) -> str:
        return reverse(self.get_url_name(view_name), args=args)

    def detail_url(self, definition) -> str:
        return self.url("detail", definition.pk)

    def get_common_view_kwargs(self, **kwargs):
        # No Wagtail usage view: what uses a version is on the definition's page ("used by").
        return super().get_common_view_kwargs(viewset=self, usage_url_name=None, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            filterset_class=definition_filterset(self.model, self.classifier), **kwargs
        )

    def get_form_class(self, for_update=False):
        if for_update:
            return definition_details_form(self.model, self.classifier)
        return self.create_form_class

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(template_name="definition_admin/form.html", **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(template_name="definition_admin/form.html", **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(template_name=self.detail_template_name, **kwargs)

    def own_view(self, view_class, **kwargs):
        return view_class.as_view(viewset=self, **kwargs)

    def get_urlpatterns(self):
        publish_view_class = type("PublishView", (PublishMixin, self.draft_view_class), {})
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("add/", self.add_view, name="create"),
            path("<int:pk>/", self.inspect_view, name="detail"),
            path("<int:pk>/details/", self.edit_view, name="details"),
            path("<int:pk>/history/", self.history_view, name="history"),
            path("<int:pk>/history/results/", self.history_results_view, name="history_results"),
            path("import/", self.own_view(ImportView), name="import"),
            path("<int:pk>/export/", self.own_view(ExportView), name="export"),
            path("<int:pk>/draft/", self.own_view(self.draft_view_class), name="draft"),
            path("<int:pk>/draft/start/", self.own_view(DraftStartView), name="draft_start"),
            path("<int:pk>/draft/publish/", self.own_view(publish_view_class), name="publish"),
            path(
                "<int:pk>/versions/<int:number>/",
                self.own_view(self.version_view_class),
                name="version",
            ),
            *self.extra_urlpatterns(),
        ]

    # --- menu and permissions --------------------------------------------------------------

    def get_menu_item(self, order=None):
        return RoleMenuItem(
            self.menu_label,
            self.url("index"),
            roles=self.menu_roles,
            name=self.menu_name,
            icon_name=self.icon,
            order=order or self.menu_order,
        )

    def get_permissions_to_register(self):
        return Permission.objects.none()  # Roles decide, not Django model permissions.
