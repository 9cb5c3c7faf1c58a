"""Wait: the case waits a set number of days, or until a date answered in an earlier form, and
then routes on by its decisions (the default when no condition holds). Nobody's queue holds it."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forms_builder.models import FieldDefinition, FieldType
from workflows.step_kinds.base import StepKindSpec

MAX_DAYS = 3650


class WaitStep(StepKindSpec):
    value = "wait"
    label = gettext_lazy("Wait")
    legend = gettext_lazy("Waiting")
    attrs = {"settings": {}}

    def settings_fields(self, *, definition) -> dict[str, forms.Field]:
        return {
            "wait_days": forms.IntegerField(
                label=gettext_lazy("Wait this many days"),
                min_value=1,
                max_value=MAX_DAYS,
                required=False,
            ),
            "wait_until_field": forms.CharField(
                label=gettext_lazy("Or until the date answered in this field"),
                max_length=63,
                required=False,
                help_text=gettext_lazy(
                    "The key of a date field of an earlier form; when it has no answer, the "
                    "days above count."
                ),
            ),
        }

    def settings_initial(self, step) -> dict:
        settings = step.settings or {}
        return {
            "wait_days": settings.get("days"),
            "wait_until_field": settings.get("until_field", ""),
        }

    def settings_clean(self, form, cleaned) -> None:
        if not cleaned.get("wait_days") and not cleaned.get("wait_until_field"):
            form.add_error("wait_days", _("Say how long the case waits."))

    def settings_attrs(self, cleaned) -> dict:
        settings = {}
        if cleaned.get("wait_days"):
            settings["days"] = cleaned["wait_days"]
        if cleaned.get("wait_until_field"):
            settings["until_field"] = cleaned["wait_until_field"].strip()
        return {"settings": settings}

    def problems(self, step, *, targets, partner_id) -> list[str]:
        settings, name = step.settings or {}, {"step": step.name}
        problems = []
        if not settings.get("days") and not settings.get("until_field"):
            problems.append(_("Step “%(step)s” needs a waiting time.") % name)
        field = settings.get("until_field")
        if (
            field
            and not FieldDefinition.objects.filter(
                version__steps__version=step.version, key=field, field_type=FieldType.DATE
            ).exists()
        ):
            problems.append(
                _(
                    "Step “%(step)s” waits for “%(field)s”, which no form of this process "
                    "asks as a date."
                )
                % {**name, "field": field}
            )
        if not step.outgoing.filter(is_default=True).exists():
            problems.append(_("Step “%(step)s” needs a default way out.") % name)
        if step.is_start:
            problems.append(_("The start step “%(step)s” cannot be a wait.") % name)
        return problems

    def describe(self, step) -> list[str]:
        settings, lines = step.settings or {}, []
        if settings.get("until_field"):
            lines.append(_("Until the date in “%(field)s”") % {"field": settings["until_field"]})
        if settings.get("days"):
            lines.append(_("Waits %(days)s days") % {"days": settings["days"]})
        return lines

    def diagram_detail(self, step) -> str:
        days = (step.settings or {}).get("days")
        return _("%(days)s days") % {"days": days} if days else _("until a date")

    def task_prepared(self, task, *, now) -> None:
        from workflows.services.waits import wait_plan

        wait_plan(task=task, now=now)
