"""A definition's own screens: its page (details, actions, versions), a draft, publishing, one
version, export. Wagtail has no shape for drafts and versions, so these are our views; the
definition's page is Wagtail's InspectView with the versions added."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import linebreaks_filter
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms_builder.definition_admin.access import (
    definition_can_edit,
    definition_for_admin,
    version_draft_of,
)
from forms_builder.definition_admin.history import (
    DRAFT_ACTION,
    PUBLISH_ACTION,
    definition_log,
)
from forms_builder.models import AbstractVersion, VersionStatus
from partners.selectors import user_is_administrator


class DefinitionAdminView(WagtailAdminTemplateMixin, View):
    """A screen of a definition type's admin: administrators only, with its breadcrumbs."""

    viewset = None

    @property
    def header_icon(self):
        return self.viewset.icon

    def dispatch(self, request, *args, **kwargs):
        if not user_is_administrator(request.user):
            raise PermissionDenied  # Wagtail shows its "no permission" message on the dashboard.
        self.prepare(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, request, *args, **kwargs) -> None:
        """Load what the view works on (a 404 when the user may not); runs before the handler."""

    def get_breadcrumbs_items(self):
        index = {"url": self.viewset.url("index"), "label": self.viewset.texts["plural"]}
        return [*self.breadcrumbs_items, index, *self.extra_breadcrumbs()]

    def extra_breadcrumbs(self) -> list[dict]:
        return []


class DefinitionView(DefinitionAdminView):
    """A view of one definition; `needs_edit` views are 404 for those who may only read it."""

    needs_edit = False

    def prepare(self, request, *args, **kwargs) -> None:
        self.definition = definition_for_admin(
            self.viewset.model, request.user, kwargs["pk"], edit=self.needs_edit
        )
        self.can_edit = definition_can_edit(request.user, self.definition)

    def extra_breadcrumbs(self) -> list[dict]:
        return [{"url": self.viewset.detail_url(self.definition), "label": self.definition.name}]

    def get_page_subtitle(self):
        return self.definition.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            definition=self.definition, can_edit=self.can_edit, **kwargs
        )

    def draft_url(self, anchor: str = "") -> str:
        url = self.viewset.url("draft", self.definition.pk)
        return f"{url}#{anchor}" if anchor else url


class DraftMixin(DefinitionView):
    """Views that change the draft: only for those who may edit, and only while a draft exists."""

    needs_edit = True

    def prepare(self, request, *args, **kwargs) -> None:
        super().prepare(request, *args, **kwargs)
        self.version: AbstractVersion | None = version_draft_of(self.definition)

    def extra_breadcrumbs(self):
        draft = {"url": self.draft_url(), "label": _("Draft")}
        return [*super().extra_breadcrumbs(), draft]

    def draft_required(self) -> AbstractVersion:
        if self.version is None:
            raise Http404
        return self.version

    def no_draft_redirect(self):
        messages.info(self.request, self.viewset.texts["no_draft"])
        return redirect(self.viewset.detail_url(self.definition))


class ConfirmRemoveMixin:
    """A page that asks before something is removed from the draft (a field, a step, …)."""

    template_name = "definition_admin/confirm_delete.html"
    confirm_label = _("Remove")

    def confirm_page(self, question: str, *, warning: str = "", warning_items=(), **context):
        return self.render_to_response(
            self.get_context_data(
                question=question,
                warning=warning,
                warning_items=list(warning_items),
                confirm_label=self.confirm_label,
                **context,
            )
        )


class DraftView(DraftMixin):
    """The draft editor's page; a definition type says what it shows in `draft_context`."""

    def get_page_title(self):
        return _("Edit the draft")

    def extra_breadcrumbs(self):
        return [*super().extra_breadcrumbs()[:-1], {"url": "", "label": _("Draft")}]

    def get(self, request, pk, publish_errors=None):
        if self.version is None:
            return self.no_draft_redirect()
        return self.render_to_response(
            self.get_context_data(
                version=self.version, **self.draft_context(publish_errors=publish_errors)
            )
        )

    def draft_context(self, *, publish_errors) -> dict:
        return {"publish_errors": publish_errors}


class DraftStartView(DraftMixin):
    """Editing a published definition: a new draft holding the newest version's content."""

    def post(self, request, pk):
        if self.version is None:
            self.version = self.viewset.version_draft(definition=self.definition, user=request.user)
            definition_log(self.definition, DRAFT_ACTION, request.user, version=self.version.number)
            messages.success(
                request, self.viewset.texts["draft_started"] % {"number": self.version.number}
            )
        return redirect(self.draft_url())


# Extension point: called with (request, definition, version) after a version is published
# (workflows records it in the personal-data access log).
PUBLISHED_HOOK = "definition_version_published"


class PublishMixin:
    """Publishing the draft: every problem is listed on the draft page, or it is published.
    Mixed into the definition type's own DraftView, whose page shows the problems."""

    def post(self, request, pk):
        if self.version is None:
            return self.no_draft_redirect()
        try:
            self.viewset.version_publish(version=self.version, user=request.user)
        except ValidationError as error:
            return self.get(request, pk, publish_errors=error.messages)
        definition_log(self.definition, PUBLISH_ACTION, request.user, version=self.version.number)
        for function in hooks.get_hooks(PUBLISHED_HOOK):
            function(request, self.definition, self.version)
        messages.success(request, self.viewset.texts["published"] % {"number": self.version.number})
        return redirect(self.viewset.detail_url(self.definition))


class VersionMixin(DefinitionView):
    """A view of one version, found by its number."""

    def prepare(self, request, *args, **kwargs) -> None:
        super().prepare(request, *args, **kwargs)
        version = self.definition.versions.filter(number=kwargs["number"]).first()
        if version is None:
            raise Http404
        self.version: AbstractVersion = version

    def version_label(self) -> str:
        return _("Version %(number)s") % {"number": self.version.number}

    def extra_breadcrumbs(self):
        url = self.viewset.url("version", self.definition.pk, self.version.number)
        return [*super().extra_breadcrumbs(), {"url": url, "label": self.version_label()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.version, **kwargs)


class VersionView(VersionMixin):
    """Any version, read-only (published versions never change); the type fills the page."""

    def get_page_title(self):
        return self.version_label()

    def get(self, request, pk, number):
        return self.render_to_response(self.get_context_data(**self.version_context()))

    def version_context(self) -> dict:
        return {}


class ExportView(DefinitionView):
    """The definition as a JSON bundle: all versions, the current one (?versions=latest) or one
    (?version=N), with what it needs to be imported elsewhere."""

    def get(self, request, pk):
        versions = "latest" if request.GET.get("versions") == "latest" else "all"
        if versions == "latest" and not self.definition.versions.filter(
            status=VersionStatus.PUBLISHED
        ):
            raise Http404
        document = self.viewset.bundle_export(definition=self.definition, versions=versions)
        label = versions
        number = request.GET.get("version", "")
        if number:
            entry = document[self.viewset.bundle_key][0]
            entry["versions"] = [v for v in entry["versions"] if str(v["number"]) == number]
            if not entry["versions"]:
                raise Http404
            label = f"v{number}"
        owner = self.definition.partner.code if self.definition.partner_id else "network"
        filename = f"{self.viewset.export_prefix}{owner}-{self.definition.key}-{label}.json"
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n",
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class Paragraphs(Component):
    """Plain text shown as paragraphs (escaped) in Wagtail's inspect view."""

    def __init__(self, text: str):
        self.text = text

    def render_html(self, parent_context=None):
        return linebreaks_filter(self.text, autoescape=True)


class DefinitionDetailView(generic.InspectView):
    """A definition's page: Wagtail's inspect view of its details, then what may be done with
    it and its versions (which is current, who published what when); the type adds its own."""

    viewset = None
    template_name = "definition_admin/detail.html"

    def get_object(self, queryset=None):
        return definition_for_admin(self.model, self.request.user, self.pk)

    def get_page_title(self):
        return self.object.name

    def get_page_subtitle(self):
        return ""

    def get_breadcrumbs_items(self):
        index = {"url": self.viewset.url("index"), "label": self.viewset.texts["plural"]}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.object.name}]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.fields = self.get_fields()  # Wagtail asks before the object is known; again now.

    def get_fields(self):
        fields = ["key", "partner", self.viewset.classifier]
        definition = getattr(self, "object", None)
        if definition is not None and (definition.description_th or definition.description_en):
            fields.append("description")
        return fields

    def get_field_label(self, field_name, field):
        if field_name == "description":
            return _("Description")
        return super().get_field_label(field_name, field)

    def get_partner_display_value(self):
        return self.object.partner.name if self.object.partner_id else _("The whole network")

    def get_description_display_value(self):
        return Paragraphs(self.object.description)

    def get_edit_url(self):
        if definition_can_edit(self.request.user, self.object):
            return self.viewset.url("details", self.object.pk)
        return None

    @property
    def header_more_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        versions = list(
            self.object.versions.select_related("created_by", "published_by").order_by("-number")
        )
        current = next((v for v in versions if v.status == VersionStatus.PUBLISHED), None)
        draft = next((v for v in versions if v.status == VersionStatus.DRAFT), None)
        can_edit = definition_can_edit(self.request.user, self.object)
        context = super().get_context_data(
            definition=self.object,
            can_edit=can_edit,
            versions=versions,
            current=current,
            draft=draft,
            **kwargs,
        )
        context.update(
            self.viewset.detail_context(
                request=self.request,
                definition=self.object,
                versions=versions,
                current=current,
                can_edit=can_edit,
            )
        )
        return context
