"""Small forms of the workspace: list filters, assigning, approving, starting a case."""

from django import forms
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from forms_builder.models import VersionStatus
from partners.models import Membership, Partner, Role, User
from workflows.models import CaseTask, ProcessDefinition, ProcessVersion, Step, StepKind
from workflows.selectors.clients import client_query_normalize
from workflows.selectors.definitions import definitions_startable
from workflows.selectors.tasks import TaskFilters


class TaskFilterForm(forms.Form):
    process = forms.ModelChoiceField(
        label=_("Process"), queryset=ProcessDefinition.objects.none(), required=False
    )
    step = forms.ChoiceField(label=_("Step"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    client = forms.CharField(
        label=_("Client name or ID"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, *args, partner_ids, **kwargs):
        super().__init__(*args, **kwargs)
        definitions = ProcessDefinition.objects.filter(
            Q(partner_id__in=partner_ids) | Q(partner__isnull=True)
        ).order_by("name_th")
        self.fields["process"].queryset = definitions
        self.fields["process"].empty_label = _("All processes")
        # The steps of each process's newest published version, under their current names: a
        # step an administrator has since removed or renamed is not offered.
        newest = (
            ProcessVersion.objects.filter(
                definition=OuterRef("version__definition"), status=VersionStatus.PUBLISHED
            )
            .order_by("-number")
            .values("pk")[:1]
        )
        steps = (
            Step.objects.filter(
                version__definition__in=definitions.values("pk"),
                kind=StepKind.HUMAN,
                version=Subquery(newest),
            )
            .order_by("name_th", "key")
            .values_list("key", "name_th", "name_en")
        )
        seen: dict[str, str] = {}
        for key, name_th, name_en in steps:
            seen.setdefault(key, Step(name_th=name_th, name_en=name_en).name)
        self.fields["step"].choices = [("", _("All steps")), *seen.items()]

    def filters(self) -> TaskFilters:
        if not self.is_valid():
            return TaskFilters()
        data = self.cleaned_data
        return TaskFilters(
            process=data["process"].pk if data["process"] else None,
            step=data["step"] or None,
            overdue=data["overdue"],
            client=client_query_normalize(data["client"]),
        )


def workers_for(task: CaseTask):
    """Active people of the task's partner who hold its role (supervisors may do caseworkers')."""
    roles = [task.role, Role.SUPERVISOR] if task.role == Role.CASEWORKER else [task.role]
    holders = Membership.objects.filter(partner_id=task.partner_id, role__in=roles)
    return User.objects.filter(is_active=True, pk__in=holders.values("user_id")).order_by(
        "first_name", "last_name", "username"
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Give to"), queryset=User.objects.none())

    def __init__(self, *args, task: CaseTask, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = workers_for(task)
        self.fields["assignee"].empty_label = _("Choose a worker")


class ApprovalForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("return", _("Return to be redone"))]
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what needs to be redone."))
        return data


class StartCaseForm(forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None, empty_label=None)
    definition = forms.ModelChoiceField(
        label=_("Process"), queryset=None, empty_label=_("Choose a process")
    )
    urgent = forms.BooleanField(label=_("Urgent"), required=False)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        partners = list(partners)
        self.only_partner = partners[0] if len(partners) == 1 else None
        if self.only_partner:
            del self.fields["partner"]
        else:
            self.fields["partner"].queryset = Partner.objects.filter(
                pk__in=[p.pk for p in partners]
            )
        self.fields["definition"].queryset = definitions_startable([p.pk for p in partners])

    def clean(self):
        data = super().clean()
        partner, definition = self.only_partner or data.get("partner"), data.get("definition")
        if partner and definition and definition.partner_id not in (None, partner.pk):
            self.add_error("definition", _("This process belongs to another partner."))
        data["partner"] = partner
        return data
