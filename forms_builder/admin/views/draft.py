"""The draft of a form: its field list (order, add, remove), starting a new draft, publishing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forms_builder import services
from forms_builder.admin.selectors import published_field_keys
from forms_builder.admin.views.base import DefinitionView
from forms_builder.conditions import condition_fields
from forms_builder.models import FieldDefinition, FieldType, FormVersion


class DraftMixin(DefinitionView):
    """Views that change the draft: only for those who may edit, and only while a draft exists."""

    needs_edit = True

    def prepare(self, request, *args, **kwargs) -> None:
        super().prepare(request, *args, **kwargs)
        self.version: FormVersion | None = self.draft()

    def extra_breadcrumbs(self):
        return [
            *super().extra_breadcrumbs(),
            {
                "url": reverse("forms_builder_admin:draft", args=[self.definition.pk]),
                "label": _("Draft"),
            },
        ]

    def fields_of_draft(self) -> list[FieldDefinition]:
        return list(self.version.fields.order_by("sort_order", "pk"))

    def field_of_draft(self, field_pk: int) -> FieldDefinition:
        if self.version is None:
            raise Http404
        field = self.version.fields.filter(pk=field_pk).first()
        if field is None:
            raise Http404
        return field

    def no_draft_redirect(self):
        messages.info(self.request, _("This form has no draft. Start one to change its fields."))
        return redirect("forms_builder_admin:detail", pk=self.definition.pk)


class DraftView(DraftMixin):
    template_name = "forms_builder/admin/draft.html"

    def get_page_title(self):
        return _("Edit the draft")

    def extra_breadcrumbs(self):
        return DefinitionView.extra_breadcrumbs(self) + [{"url": "", "label": _("Draft")}]

    def get(self, request, pk, publish_errors=None):
        if self.version is None:
            return self.no_draft_redirect()
        fields = self.fields_of_draft()
        return self.render_to_response(
            self.get_context_data(
                version=self.version,
                fields=fields,
                field_types=FieldType.choices,
                frozen_keys=published_field_keys(self.definition),
                publish_errors=publish_errors,
            )
        )


class DraftStartView(DraftMixin):
    """Editing a published form: a new draft holding the newest published fields."""

    def post(self, request, pk):
        if self.version is None:
            self.version = services.form_version_draft(
                definition=self.definition, user=request.user
            )
            messages.success(
                request,
                _("Version %(number)s is a new draft. Caseworkers keep the published version.")
                % {"number": self.version.number},
            )
        return redirect("forms_builder_admin:draft", pk=pk)


class PublishView(DraftView):
    def post(self, request, pk):
        if self.version is None:
            return self.no_draft_redirect()
        try:
            services.form_version_publish(version=self.version, user=request.user)
        except ValidationError as error:
            return self.get(request, pk, publish_errors=error.messages)
        messages.success(
            request,
            _("Version %(number)s is published: caseworkers now fill it in.")
            % {"number": self.version.number},
        )
        return redirect("forms_builder_admin:detail", pk=pk)


class FieldMoveView(DraftMixin):
    """Up and down buttons: plain POST forms, so ordering works without JavaScript."""

    def post(self, request, pk, field_pk, direction):
        field = self.field_of_draft(field_pk)
        keys = [f.key for f in self.fields_of_draft()]
        index = keys.index(field.key)
        target = index - 1 if direction == "up" else index + 1
        if 0 <= target < len(keys):
            keys[index], keys[target] = keys[target], keys[index]
            services.fields_reorder(version=self.version, keys=keys)
        return redirect(reverse("forms_builder_admin:draft", args=[pk]) + f"#field-{field.pk}")


class FieldsReorderView(DraftMixin):
    """Drag and drop sends the whole order at once (optional, JavaScript only)."""

    def post(self, request, pk):
        if self.version is None:
            raise Http404
        keys = request.POST.getlist("keys")
        if sorted(keys) != sorted(f.key for f in self.fields_of_draft()):
            messages.error(request, _("The order could not be saved: reload the page."))
        else:
            services.fields_reorder(version=self.version, keys=keys)
        return redirect("forms_builder_admin:draft", pk=pk)


class FieldDeleteView(DraftMixin):
    template_name = "forms_builder/admin/field_delete.html"

    def get_page_title(self):
        return _("Remove a field")

    def get(self, request, pk, field_pk):
        field = self.field_of_draft(field_pk)
        dependents = [
            other
            for other in self.fields_of_draft()
            if field.key in condition_fields(other.condition)
        ]
        return self.render_to_response(self.get_context_data(field=field, dependents=dependents))

    def post(self, request, pk, field_pk):
        field = self.field_of_draft(field_pk)
        services.field_delete(field=field)
        messages.success(request, _("The field “%(label)s” was removed.") % {"label": field.label})
        return redirect("forms_builder_admin:draft", pk=pk)
