"""Forms of the process administration: a process, its details, a step, a decision, a mapping."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from forms_builder.models import FormVersion, field_key_validator
from partners.models import Role
from workflows.models import Outcome, ProcessDefinition, ProcessKind, Step, StepKind

process_key_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]{0,63}$",
    _("Use lower-case English letters, digits, dashes and underscores (e.g. street_intake)."),
)
ROLE_CHOICES = [
    (Role.CASEWORKER.value, Role.CASEWORKER.label),
    (Role.SUPERVISOR.value, Role.SUPERVISOR.label),
]
HOURS, DAYS = "hours", "days"


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class FormVersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: FormVersion) -> str:
        owner = obj.definition.partner.name if obj.definition.partner_id else _("whole network")
        return f"{obj.definition.name} — v{obj.number} ({owner})"


class ProcessCreateForm(forms.Form):
    """A new process: its partner (or the whole network, for central administrators) and key."""

    partner = PartnerChoiceField(
        label=_("Partner"),
        queryset=None,
        required=False,
        empty_label=_("The whole network (shared process)"),
    )
    key = forms.CharField(
        label=_("Key"),
        max_length=64,
        validators=[process_key_validator],
        help_text=_("A stable ASCII name, unique within the partner, e.g. begging_intake."),
    )
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=255)
    name_en = forms.CharField(label=_("Name (English)"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=ProcessKind.choices)

    def __init__(self, *args, partners, allow_network_wide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        if not allow_network_wide:
            self.fields["partner"].required = True
            self.fields["partner"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        key = cleaned.get("key")
        if key and "partner" in cleaned:
            taken = ProcessDefinition.objects.filter(key=key, partner=cleaned["partner"])
            if taken.exists():
                self.add_error("key", _("This partner already has a process with this key."))
        return cleaned


class ProcessDetailsForm(forms.ModelForm):
    """Names, description and kind: not versioned, editable at any time."""

    class Meta:
        model = ProcessDefinition
        fields = ["name_th", "name_en", "description_th", "description_en", "kind"]
        widgets = {
            "description_th": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }


class StepForm(forms.Form):
    """A step: a task for a person (form, role, due time, approval) or an end (outcome)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=StepKind.choices, widget=forms.RadioSelect)
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
    form_version = FormVersionChoiceField(
        label=_("Form"),
        queryset=FormVersion.objects.none(),
        required=False,
        help_text=_("A published form of this partner or of the whole network."),
    )
    role = forms.ChoiceField(
        label=_("Done by"), choices=[("", "---------"), *ROLE_CHOICES], required=False
    )
    due = forms.IntegerField(label=_("Due within"), min_value=1, required=False)
    due_unit = forms.ChoiceField(
        label=_("Unit"), choices=[(HOURS, _("hours")), (DAYS, _("days"))], initial=HOURS
    )
    requires_approval = forms.BooleanField(
        label=_("A supervisor approves the answers"), required=False
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", "---------"), *Outcome.choices],
        required=False,
        help_text=_("Recorded on the case when it ends here."),
    )

    def __init__(self, *args, form_versions, other_keys: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_version"].queryset = form_versions
        self.other_keys = other_keys

    @staticmethod
    def initial_for(step: Step) -> dict:
        due, unit = step.due_hours, HOURS
        if due and due % 24 == 0:
            due, unit = due // 24, DAYS
        return {
            "kind": step.kind,
            "key": step.key,
            "name_th": step.name_th,
            "name_en": step.name_en,
            "is_start": step.is_start,
            "sort_order": step.sort_order,
            "form_version": step.form_version_id,
            "role": step.role,
            "due": due,
            "due_unit": unit,
            "requires_approval": step.requires_approval,
            "outcome": step.outcome,
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("key") in self.other_keys:
            self.add_error("key", _("Another step of this process already has this key."))
        if cleaned.get("kind") == StepKind.END:
            if not cleaned.get("outcome"):
                self.add_error("outcome", _("An end step needs an outcome."))
        elif cleaned.get("kind") == StepKind.HUMAN:
            if not cleaned.get("form_version"):
                self.add_error("form_version", _("Choose the form filled in at this step."))
            if not cleaned.get("role"):
                self.add_error("role", _("Choose who does this step."))
        return cleaned

    def attrs(self) -> dict:
        data = self.cleaned_data
        due = data.get("due")
        attrs = {
            name: data[name]
            for name in (
                "kind",
                "key",
                "name_th",
                "name_en",
                "is_start",
                "form_version",
                "role",
                "requires_approval",
                "outcome",
            )
        }
        attrs["due_hours"] = (due * 24 if data.get("due_unit") == DAYS else due) if due else None
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
            (str(s.pk), f"{s.name} ({s.key})") for s in new_steps if not s.is_end
        ]
        by_key = {s.key: s for s in new_steps if not s.is_end}
        self.old_steps = old_steps
        for step, count in old_steps:
            same = by_key.get(step.key)
            self.fields[f"step_{step.pk}"] = forms.ChoiceField(
                label=_("%(step)s (%(key)s): %(count)s open case(s)")
                % {"step": step.name, "key": step.key, "count": count},
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
