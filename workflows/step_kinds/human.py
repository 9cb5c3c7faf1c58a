"""A task for a person: a form filled in by a caseworker or a supervisor, due within a time,
optionally approved by a supervisor."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forms_builder.models import FormVersion, VersionStatus
from partners.models import Role
from workflows.selectors.definitions import form_versions_for_steps
from workflows.step_kinds.base import StepKindSpec

ROLE_CHOICES = [
    (Role.CASEWORKER.value, Role.CASEWORKER.label),
    (Role.SUPERVISOR.value, Role.SUPERVISOR.label),
]
HOURS, DAYS = "hours", "days"


class FormVersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: FormVersion) -> str:
        owner = obj.definition.partner.name if obj.definition.partner_id else _("whole network")
        return f"{obj.definition.name} — v{obj.number} ({owner})"


class HumanStep(StepKindSpec):
    value = "human"
    label = gettext_lazy("Task for a person")
    legend = gettext_lazy("A task for a person")
    creates_task = True
    attrs = {
        "form_version": None,
        "role": "",
        "due_hours": None,
        "due_working_days": False,
        "grace_hours": None,
        "requires_approval": False,
    }
    settings_template = "workflows/definitions/step_kinds/human.html"

    def settings_fields(self, *, definition) -> dict[str, forms.Field]:
        return {
            "form_version": FormVersionChoiceField(
                label=gettext_lazy("Form"),
                queryset=form_versions_for_steps(definition),
                required=False,
                help_text=gettext_lazy("A published form of this partner or of the whole network."),
            ),
            "role": forms.ChoiceField(
                label=gettext_lazy("Done by"),
                choices=[("", "---------"), *ROLE_CHOICES],
                required=False,
            ),
            "due": forms.IntegerField(
                label=gettext_lazy("Due within"), min_value=1, required=False
            ),
            "due_unit": forms.ChoiceField(
                label=gettext_lazy("Unit"),
                choices=[(HOURS, gettext_lazy("hours")), (DAYS, gettext_lazy("days"))],
                initial=HOURS,
            ),
            "due_working_days": forms.BooleanField(
                label=gettext_lazy("Count days as working days"),
                required=False,
                help_text=gettext_lazy(
                    "Monday to Friday, without public holidays and special days off."
                ),
            ),
            "grace_hours": forms.IntegerField(
                label=gettext_lazy("Escalate to supervisors after (hours overdue)"),
                min_value=0,
                required=False,
                help_text=gettext_lazy("Leave empty to never escalate."),
            ),
            "requires_approval": forms.BooleanField(
                label=gettext_lazy("A supervisor approves the answers"), required=False
            ),
        }

    def settings_initial(self, step) -> dict:
        due, unit = step.due_hours, HOURS
        if due and due % 24 == 0:
            due, unit = due // 24, DAYS
        return {
            "form_version": step.form_version_id,
            "role": step.role,
            "due": due,
            "due_unit": unit,
            "due_working_days": step.due_working_days,
            "grace_hours": step.grace_hours,
            "requires_approval": step.requires_approval,
        }

    def settings_clean(self, form, cleaned) -> None:
        if not cleaned.get("form_version"):
            form.add_error("form_version", _("Choose the form filled in at this step."))
        if not cleaned.get("role"):
            form.add_error("role", _("Choose who does this step."))
        if cleaned.get("due_working_days") and cleaned.get("due_unit") != DAYS:
            form.add_error("due_working_days", _("Working days need a due time in days."))
        if cleaned.get("grace_hours") is not None and not cleaned.get("due"):
            form.add_error("grace_hours", _("Escalation needs a due time."))

    def settings_attrs(self, cleaned) -> dict:
        due = cleaned.get("due")
        return {
            "form_version": cleaned.get("form_version"),
            "role": cleaned.get("role") or "",
            "due_hours": (due * 24 if cleaned.get("due_unit") == DAYS else due) if due else None,
            "due_working_days": bool(cleaned.get("due_working_days")),
            "grace_hours": cleaned.get("grace_hours"),
            "requires_approval": bool(cleaned.get("requires_approval")),
        }

    def problems(self, step, *, targets, partner_id) -> list[str]:
        problems = []
        name = {"step": step.name}
        if not targets:
            problems.append(_("Step “%(step)s” has no way out: add a decision.") % name)
        form_version = step.form_version
        if form_version is None:
            problems.append(_("Step “%(step)s” needs a form.") % name)
        elif form_version.status != VersionStatus.PUBLISHED:
            problems.append(_("The form of step “%(step)s” is not published.") % name)
        elif form_version.definition.partner_id not in (None, partner_id):
            problems.append(
                _("The form of step “%(step)s” belongs to another partner: choose one of yours.")
                % name
            )
        if not step.role:
            problems.append(_("Step “%(step)s” needs a role.") % name)
        return problems

    def describe(self, step) -> list[str]:
        form = step.form_version
        lines = [
            _("Form") + ": " + (f"{form.definition.name} v{form.number}" if form else "—"),
            _("Done by") + ": " + (step.get_role_display() or "—"),
        ]
        if step.due_hours and step.due_working_days:
            lines.append(_("Due within %(days)s working days") % {"days": step.due_hours // 24})
        elif step.due_hours:
            lines.append(_("Due within %(hours)s hours") % {"hours": step.due_hours})
        if step.grace_hours is not None:
            lines.append(
                _("Escalated %(hours)s hours after it is due") % {"hours": step.grace_hours}
            )
        if step.requires_approval:
            lines.append(_("Supervisor approval"))
        return lines

    def diagram_detail(self, step) -> str:
        return step.get_role_display() if step.role else ""

    def task_prepared(self, task, *, now) -> None:
        from workflows.due import task_arrived

        task_arrived(task, now=now)
