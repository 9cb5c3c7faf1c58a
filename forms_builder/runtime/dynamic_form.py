"""Runtime Django forms built from a form version. The server is the judge of every answer.

Fields are cleaned in their order; a field whose condition (on the answers before it) is false is
hidden: it is not required, not validated and not stored, whatever the browser sent.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import get_language

from forms_builder.answers import NON_ANSWER_TYPES, answer_as_initial, answer_to_json
from forms_builder.conditions import condition_evaluate
from forms_builder.models import FieldDefinition, FieldType, FormVersion
from forms_builder.runtime.field_builder import FieldBuilder


class DynamicForm(forms.Form):
    """Base of every runtime form; subclasses carry `version` and `definitions` (key -> field)."""

    version: FormVersion
    definitions: dict[str, FieldDefinition] = {}
    # A hidden conditional field must not block the browser's submit: the server checks required.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.visible_keys: list[str] = []
        self._answers: dict = {}

    def _clean_fields(self):
        # Django's own loop, plus visibility: conditions only read earlier fields' answers.
        self._answers, self.visible_keys = {}, []
        for name, bound_field in self._bound_items():
            definition = self.definitions[name]
            if not condition_evaluate(definition.condition, self._answers):
                continue
            self.visible_keys.append(name)
            if definition.field_type in NON_ANSWER_TYPES:
                continue
            try:
                value = bound_field.field._clean_bound_field(bound_field)
            except forms.ValidationError as error:
                self.add_error(name, error)
                continue
            self.cleaned_data[name] = value
            stored = self._stored_value(definition, value)
            if stored is not None:
                self._answers[name] = stored

    @staticmethod
    def _stored_value(definition: FieldDefinition, value):
        if definition.field_type == FieldType.FILE:
            # The file's entry is written when it is saved (forms_builder.services).
            return {"name": value.name} if isinstance(value, UploadedFile) else None
        return answer_to_json(definition.field_type, value)

    @property
    def answers(self) -> dict:
        """The JSON answers of the visible fields (file entries completed when saved)."""
        if not self.is_bound or self.errors:
            raise ValueError("answers exist only for a valid bound form")
        return dict(self._answers)

    @property
    def uploads(self) -> dict[str, UploadedFile]:
        """Uploaded files of visible file fields, by key."""
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if isinstance(value, UploadedFile) and key in self.visible_keys
        }

    def field_definition(self, key: str) -> FieldDefinition:
        return self.definitions[key]


# Built classes of published versions, by (version, language): a published version never
# changes, so its class is built once per process. Bounded: cleared when it grows too large.
_PUBLISHED_CLASSES: dict[tuple[int, str], type] = {}
_PUBLISHED_CLASSES_MAX = 2000


def form_class_for(version: FormVersion) -> type[DynamicForm]:
    """The Django form class of a version (labels in the active language). One query at most,
    none for a published version built before."""
    if not version.pk or not version.is_published:
        return _form_class_build(version)
    key = (version.pk, get_language() or "")
    built = _PUBLISHED_CLASSES.get(key)
    if built is None:
        if len(_PUBLISHED_CLASSES) >= _PUBLISHED_CLASSES_MAX:
            _PUBLISHED_CLASSES.clear()
        built = _PUBLISHED_CLASSES[key] = _form_class_build(version)
    return built


def form_classes_forget() -> None:
    """Drop the built classes (tests, whose rolled-back rows may give a primary key again)."""
    _PUBLISHED_CLASSES.clear()


def _form_class_build(version: FormVersion) -> type[DynamicForm]:
    definitions = list(version.fields.all())
    attrs = {
        **FieldBuilder(definitions).formfields,
        "version": version,
        "definitions": {field.key: field for field in definitions},
    }
    return type(f"FormVersion{version.pk or ''}Form", (DynamicForm,), attrs)


def form_for(*, version: FormVersion, data=None, files=None, initial=None, prefix=None):
    """A runtime form instance, bound when data is given."""
    return form_class_for(version)(data=data, files=files, initial=initial, prefix=prefix)


def form_initial(*, version: FormVersion, answers: dict) -> dict:
    """Initial values for a version's fields from answers stored under the same keys."""
    initial = {}
    for field in version.fields.all():
        value = answer_as_initial(field.field_type, answers.get(field.key))
        if value is not None:
            initial[field.key] = value
    return initial
