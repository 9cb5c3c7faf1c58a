"""Forms of the process administration: a process, its details, a step, a decision, a mapping."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forms_builder.definition_admin.editing import DefinitionCreateForm
from forms_builder.models import field_key_validator
from workflows.models import ProcessDefinition, Step
from workflows.step_kinds import STEP_KINDS, step_kind, step_kind_choices


class ProcessCreateForm(DefinitionCreateForm):
    """A new process: its partner (or the whole network, for central administrators) and key."""

    network_label = _("The whole network (shared process)")
    key_example = _("A stable ASCII name, unique within the partner, e.g. begging_intake.")
    key_taken = _("This partner already has a process with this key.")

    class Meta:
        model = ProcessDefinition
        fields = ["partner", "key", "name_th", "name_en", "kind"]


class StepForm(forms.Form):
    """A step: what every step has (kind, key, names, start, order) and the settings of each
    kind (workflows.step_kinds); only the chosen kind's settings are checked and kept."""

    kind = forms.ChoiceField(label=_("Kind"), choices=step_kind_choices, widget=forms.RadioSelect)
    key = forms.CharField(
        label=_("Key"),
        max_length=63,
        validators=[field_key_validator],
        help_text=_("A short ASCII name, unique in the process, e.g. screening."),
    )
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=255)
    name_en = forms.CharField(label=_("Name (English)"), max_length=255, required=False)
    is_start = forms.BooleanField(
        label=_("This is the start step"),
        required=False,
        help_text=_("New cases begin here. Ticking it moves the start from another step."),
    )
    sort_order = forms.IntegerField(label=_("Order"), min_value=0, required=False)
    COMMON = ("kind", "key", "name_th", "name_en", "is_start")

    def __init__(self, *args, definition, other_keys: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.other_keys = other_keys
        self.kind_fields: dict[str, list[str]] = {}
        for kind in STEP_KINDS.values():
            fields = kind.settings_fields(definition=definition)
            self.fields.update(fields)
            self.kind_fields[kind.value] = list(fields)

    @staticmethod
    def initial_for(step: Step) -> dict:
        initial = {name: getattr(step, name) for name in StepForm.COMMON}
        initial["sort_order"] = step.sort_order
        return {**initial, **step.kind_spec.settings_initial(step)}

    def kind_sections(self) -> list[tuple]:
        """(kind, its bound fields) for the editor's fieldsets."""
        return [
            (kind, [self[name] for name in self.kind_fields[kind.value]])
            for kind in STEP_KINDS.values()
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("key") in self.other_keys:
            self.add_error("key", _("Another step of this process already has this key."))
        if cleaned.get("kind") in STEP_KINDS:
            STEP_KINDS[cleaned["kind"]].settings_clean(self, cleaned)
        return cleaned

    def attrs(self) -> dict:
        data = self.cleaned_data
        attrs = {name: data[name] for name in self.COMMON}
        attrs.update(step_kind(data["kind"]).settings_attrs(data))
        if data.get("sort_order") is not None:
            attrs["sort_order"] = data["sort_order"]
        return attrs


class StepChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Step) -> str:
        return f"{obj.name} ({obj.key})"


class TransitionForm(forms.Form):
    """A decision out of a step: where it leads, its label, its order, whether it is the default."""

    target = StepChoiceField(label=_("Leads to"), queryset=Step.objects.none())
    label_th = forms.CharField(
        label=_("Decision (Thai)"),
        max_length=255,
        help_text=_("What the worker sees, e.g. “ส่งต่อโรงพยาบาล”."),
    )
    label_en = forms.CharField(label=_("Decision (English)"), max_length=255, required=False)
    sort_order = forms.IntegerField(
        label=_("Order"),
        min_value=0,
        required=False,
        help_text=_("Decisions are checked in this order; the first whose condition holds wins."),
    )
    is_default = forms.BooleanField(
        label=_("Default decision"),
        required=False,
        help_text=_("Taken when no other decision's condition holds. Its condition is ignored."),
    )

    def __init__(self, *args, source: Step, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = source.version.steps.exclude(pk=source.pk)

    def attrs(self) -> dict:
        data = dict(self.cleaned_data)
        if data.get("sort_order") is None:
            data.pop("sort_order", None)
        return data


class MigrationMappingForm(forms.Form):
    """For each old step with open cases, the step of the new version those cases move to."""

    def __init__(self, *args, old_steps: list[tuple[Step, int]], new_steps: list[Step], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not mapped —"))] + [
            (str(s.pk), s.name) for s in new_steps if not s.is_end
        ]
        by_key = {s.key: s for s in new_steps if not s.is_end}
        self.old_steps = old_steps
        for step, count in old_steps:
            same = by_key.get(step.key)
            self.fields[f"step_{step.pk}"] = forms.ChoiceField(
                label=_("%(step)s: %(count)s open case(s)") % {"step": step.name, "count": count},
                choices=choices,
                required=False,
                initial=str(same.pk) if same else "",
            )

    def mapping(self) -> dict[int, int]:
        return {
            step.pk: int(self.cleaned_data[f"step_{step.pk}"])
            for step, _count in self.old_steps
            if self.cleaned_data.get(f"step_{step.pk}")
        }
