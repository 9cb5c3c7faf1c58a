"""The draft of a form: its field list (order, add, remove)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from forms_builder import services
from forms_builder.admin.selectors import published_field_keys
from forms_builder.conditions import condition_fields
from forms_builder.definition_admin import pages
from forms_builder.models import FieldDefinition, FieldType


class FieldsDraftMixin(pages.DraftMixin):
    """The fields of the draft, and one of them (a 404 when it is not in the draft)."""

    def fields_of_draft(self) -> list[FieldDefinition]:
        return list(self.version.fields.order_by("sort_order", "pk"))

    def field_of_draft(self, field_pk: int) -> FieldDefinition:
        field = self.draft_required().fields.filter(pk=field_pk).first()
        if field is None:
            raise Http404
        return field


class DraftView(FieldsDraftMixin, pages.DraftView):
    template_name = "forms_builder/admin/draft.html"

    def draft_context(self, *, publish_errors) -> dict:
        return {
            "fields": self.fields_of_draft(),
            "field_types": FieldType.choices,
            "frozen_keys": published_field_keys(self.definition),
            "publish_errors": publish_errors,
        }


class FieldMoveView(FieldsDraftMixin):
    """Up and down buttons: plain POST forms, so ordering works without JavaScript."""

    def post(self, request, pk, field_pk, direction):
        field = self.field_of_draft(field_pk)
        keys = [f.key for f in self.fields_of_draft()]
        index = keys.index(field.key)
        target = index - 1 if direction == "up" else index + 1
        if 0 <= target < len(keys):
            keys[index], keys[target] = keys[target], keys[index]
            services.fields_reorder(version=self.version, keys=keys)
        return redirect(self.draft_url(f"field-{field.pk}"))


class FieldsReorderView(FieldsDraftMixin):
    """Drag and drop sends the whole order at once (optional, JavaScript only)."""

    def post(self, request, pk):
        self.draft_required()
        keys = request.POST.getlist("keys")
        if sorted(keys) != sorted(f.key for f in self.fields_of_draft()):
            messages.error(request, _("The order could not be saved: reload the page."))
        else:
            services.fields_reorder(version=self.version, keys=keys)
        return redirect(self.draft_url())


class FieldDeleteView(pages.ConfirmRemoveMixin, FieldsDraftMixin):
    confirm_label = _("Remove the field")

    def get_page_title(self):
        return _("Remove a field")

    def get(self, request, pk, field_pk):
        field = self.field_of_draft(field_pk)
        dependents = [
            other
            for other in self.fields_of_draft()
            if field.key in condition_fields(other.condition)
        ]
        return self.confirm_page(
            _(
                "Remove the field “%(label)s” (%(key)s) from the draft? Published versions keep "
                "it, and answers already given keep showing."
            )
            % {"label": field.label, "key": field.key},
            warning=_(
                "These fields show only on a condition about this one; fix their conditions "
                "before publishing:"
            ),
            warning_items=[f"{other.label} ({other.key})" for other in dependents],
            field=field,
            dependents=dependents,
        )

    def post(self, request, pk, field_pk):
        field = self.field_of_draft(field_pk)
        services.field_delete(field=field)
        messages.success(request, _("The field “%(label)s” was removed.") % {"label": field.label})
        return redirect(self.draft_url())
