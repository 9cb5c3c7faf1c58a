"""An end: the case closes here with an outcome."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflows.models import Outcome
from workflows.step_kinds.base import StepKindSpec


class EndStep(StepKindSpec):
    value = "end"
    label = gettext_lazy("End with an outcome")
    legend = gettext_lazy("An end")
    ends_case = True
    attrs = {"outcome": ""}

    def settings_fields(self, *, definition) -> dict[str, forms.Field]:
        return {
            "outcome": forms.ChoiceField(
                label=gettext_lazy("Outcome"),
                choices=[("", "---------"), *Outcome.choices],
                required=False,
                help_text=gettext_lazy("Recorded on the case when it ends here."),
            )
        }

    def settings_clean(self, form, cleaned) -> None:
        if not cleaned.get("outcome"):
            form.add_error("outcome", _("An end step needs an outcome."))

    def problems(self, step, *, targets, partner_id) -> list[str]:
        problems = []
        name = {"step": step.name}
        if not step.outcome:
            problems.append(_("End step “%(step)s” needs an outcome.") % name)
        if targets:
            problems.append(_("End step “%(step)s” cannot lead anywhere.") % name)
        if step.is_start:
            problems.append(_("The start step “%(step)s” cannot be an end.") % name)
        return problems

    def describe(self, step) -> list[str]:
        return [_("Outcome") + ": " + (step.get_outcome_display() or "—")]

    def diagram_detail(self, step) -> str:
        return step.get_outcome_display() if step.outcome else _("no outcome yet")
