"""The field editor: settings that fit the type, choice rows and condition rows."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from forms_builder import services
from forms_builder.admin.choice_forms import ChoiceRowFormSet, choice_rows_initial
from forms_builder.admin.condition_forms import (
    ConditionRowFormSet,
    choice_hints,
    condition_rows_initial,
    fields_before,
)
from forms_builder.admin.field_forms import CHOICE_TYPES, FieldSettingsForm
from forms_builder.admin.selectors import published_field_keys
from forms_builder.admin.views.draft import FieldsDraftMixin
from forms_builder.models import FieldDefinition, FieldType


class FieldEditorMixin(FieldsDraftMixin):
    template_name = "forms_builder/admin/field_edit.html"
    field: FieldDefinition | None = None

    def field_type(self) -> str:
        raise NotImplementedError

    def forms(self, data=None):
        field_type = self.field_type()
        draft_fields = self.fields_of_draft()
        siblings = {f.key for f in draft_fields if self.field is None or f.pk != self.field.pk}
        key_frozen = self.field is not None and self.field.key in published_field_keys(
            self.definition
        )
        initial = FieldSettingsForm.initial_for(self.field) if self.field else {}
        settings = FieldSettingsForm(
            data,
            initial=initial,
            field_type=field_type,
            sibling_keys=siblings,
            key_frozen=key_frozen,
        )
        choices = None
        if field_type in CHOICE_TYPES:
            choices = ChoiceRowFormSet(
                data, initial=choice_rows_initial(self.field), prefix="choices"
            )
        conditions = ConditionRowFormSet(
            data,
            initial=condition_rows_initial(self.field.condition if self.field else None),
            prefix="condition",
            fields_before=fields_before(draft_fields, self.field),
        )
        return settings, choices, conditions

    def render_forms(self, settings, choices, conditions, errors=()):
        return self.render_to_response(
            self.get_context_data(
                form=settings,
                choices_formset=choices,
                condition_formset=conditions,
                field=self.field,
                field_type_label=FieldType(self.field_type()).label,
                choice_hints=choice_hints(conditions.fields_before),
                save_errors=list(errors),
            )
        )

    def get(self, request, *args, **kwargs):
        return self.render_forms(*self.forms())

    def post(self, request, *args, **kwargs):
        settings, choices, conditions = self.forms(request.POST)
        valid = [settings.is_valid(), conditions.is_valid()]
        if choices is not None:
            valid.append(choices.is_valid())
        if all(valid) and choices is not None:
            valid.append(settings.default_check(choices.choices()))
        if not all(valid):
            return self.render_forms(settings, choices, conditions)
        attrs = settings.attrs()
        attrs["condition"] = conditions.condition()
        attrs["choices"] = choices.choices() if choices is not None else []
        try:
            field = self.save(attrs)
        except ValidationError as error:
            return self.render_forms(settings, choices, conditions, errors=error.messages)
        messages.success(request, _("The field “%(label)s” was saved.") % {"label": field.label})
        return redirect(self.draft_url(f"field-{field.pk}"))

    def save(self, attrs: dict) -> FieldDefinition:
        raise NotImplementedError


class FieldAddView(FieldEditorMixin):
    def get_page_title(self):
        return _("Add a field: %(type)s") % {"type": FieldType(self.field_type()).label}

    def prepare(self, request, *args, **kwargs):
        super().prepare(request, *args, **kwargs)
        self.draft_required()
        requested = request.GET.get("type", "")
        if requested not in FieldType.values:
            raise Http404
        self.requested_type = requested

    def field_type(self) -> str:
        return self.requested_type

    def save(self, attrs):
        return services.field_create(version=self.version, field_type=self.field_type(), **attrs)


class FieldEditView(FieldEditorMixin):
    def prepare(self, request, *args, **kwargs):
        super().prepare(request, *args, **kwargs)
        self.field = self.field_of_draft(kwargs["field_pk"])

    def get_page_title(self):
        return _("Edit the field “%(label)s”") % {"label": self.field.label}

    def field_type(self) -> str:
        return self.field.field_type

    def save(self, attrs):
        return services.field_update(field=self.field, **attrs)
