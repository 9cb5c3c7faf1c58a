"""Schedule follow-ups: when a case passes the step, visits are planned some months later, each a
new case on a follow-up process that lands in the queue some days before its date. The case goes
straight on along the step's one way out."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflows.models import ProcessDefinition, ProcessKind
from workflows.step_kinds.base import StepKindSpec

MAX_MONTHS = 120


def follow_up_processes(partner_id: int | None):
    """Follow-up processes a step of this partner may plan: its own and the network's."""
    return ProcessDefinition.objects.filter(
        Q(partner_id=partner_id) | Q(partner__isnull=True), kind=ProcessKind.FOLLOW_UP
    ).order_by("name_th")


def parse_months(text: str) -> list[int]:
    """'1, 3, 6' → [1, 3, 6]; raises ValueError on anything else."""
    months = sorted({int(part) for part in text.replace(" ", "").split(",") if part})
    if not months or months[0] < 1 or months[-1] > MAX_MONTHS:
        raise ValueError(text)
    return months


class FollowUpsStep(StepKindSpec):
    value = "follow_ups"
    label = gettext_lazy("Schedule follow-ups")
    legend = gettext_lazy("Follow-ups")
    passes_through = True
    attrs = {"settings": {}}

    def settings_fields(self, *, definition) -> dict[str, forms.Field]:
        return {
            "follow_up_months": forms.CharField(
                label=gettext_lazy("Months after this step"),
                required=False,
                help_text=gettext_lazy("For example 1, 3, 6: a follow-up after each."),
            ),
            "follow_up_process": forms.ChoiceField(
                label=gettext_lazy("Follow-up process"),
                required=False,
                choices=[
                    ("", "---------"),
                    *(
                        (process.key, process.name)
                        for process in follow_up_processes(definition.partner_id)
                    ),
                ],
                help_text=gettext_lazy(
                    "A process of the kind Follow-up; its first step says who does it."
                ),
            ),
            "follow_up_lead_days": forms.IntegerField(
                label=gettext_lazy("Days before the date it appears in the queue"),
                min_value=0,
                max_value=60,
                initial=7,
                required=False,
            ),
        }

    def settings_initial(self, step) -> dict:
        settings = step.settings or {}
        return {
            "follow_up_months": ", ".join(str(m) for m in settings.get("months", [])),
            "follow_up_process": settings.get("process", ""),
            "follow_up_lead_days": settings.get("lead_days", 7),
        }

    def settings_clean(self, form, cleaned) -> None:
        try:
            cleaned["follow_up_months"] = parse_months(cleaned.get("follow_up_months") or "")
        except ValueError:
            form.add_error(
                "follow_up_months",
                _("Enter whole months from 1 to %(max)s, separated by commas, e.g. 1, 3, 6.")
                % {"max": MAX_MONTHS},
            )
        if not cleaned.get("follow_up_process"):
            form.add_error("follow_up_process", _("Choose the follow-up process."))

    def settings_attrs(self, cleaned) -> dict:
        lead_days = cleaned.get("follow_up_lead_days")
        return {
            "settings": {
                "months": cleaned.get("follow_up_months") or [],
                "process": cleaned.get("follow_up_process") or "",
                "lead_days": 7 if lead_days is None else lead_days,
            }
        }

    def problems(self, step, *, targets, partner_id) -> list[str]:
        settings, name = step.settings or {}, {"step": step.name}
        problems = []
        if not settings.get("months"):
            problems.append(_("Step “%(step)s” needs the months of its follow-ups.") % name)
        if not follow_up_processes(partner_id).filter(key=settings.get("process")).exists():
            problems.append(_("Step “%(step)s” needs a follow-up process.") % name)
        if len(targets) != 1 or step.outgoing.exclude(is_default=True).exists():
            problems.append(
                _("Step “%(step)s” needs exactly one way out, taken always (the default).") % name
            )
        if step.is_start:
            problems.append(_("The start step “%(step)s” cannot schedule follow-ups.") % name)
        return problems

    def describe(self, step) -> list[str]:
        settings = step.settings or {}
        months = ", ".join(str(m) for m in settings.get("months", []))
        return [
            _("Follow-ups %(months)s months later") % {"months": months or "—"},
            _("In the queue %(days)s days before") % {"days": settings.get("lead_days", 7)},
        ]

    def diagram_detail(self, step) -> str:
        months = ", ".join(str(m) for m in (step.settings or {}).get("months", []))
        return _("follow-ups: %(months)s months") % {"months": months} if months else ""

    def arrive(self, case, step) -> None:
        from workflows.services.followups import follow_ups_plan

        follow_ups_plan(case=case, step=step)
