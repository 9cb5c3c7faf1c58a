"""An end: the case closes here with an outcome."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflows.selectors.outcomes import outcomes_for_partner
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
                choices=[
                    ("", "---------"),
                    *((o.key, o.name) for o in outcomes_for_partner(definition.partner_id)),
                ],
                required=False,
                help_text=gettext_lazy(
                    "Recorded on the case when it ends here. Administrators keep the list of "
                    "outcomes under Outcomes."
                ),
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
        elif not outcomes_for_partner(partner_id).filter(key=step.outcome).exists():
            problems.append(
                _(
                    "End step “%(step)s”: the outcome “%(outcome)s” is retired or not one of "
                    "this partner's: choose another."
                )
                % {**name, "outcome": step.outcome_label}
            )
        if targets:
            problems.append(_("End step “%(step)s” cannot lead anywhere.") % name)
        if step.is_start:
            problems.append(_("The start step “%(step)s” cannot be an end.") % name)
        return problems

    def describe(self, step) -> list[str]:
        return [_("Outcome") + ": " + (step.outcome_label or "—")]

    def diagram_detail(self, step) -> str:
        return step.outcome_label or _("no outcome yet")
