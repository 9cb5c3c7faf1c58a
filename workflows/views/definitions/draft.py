"""The draft of a process: its steps and decisions, starting a new draft, publishing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from forms_builder.admin.condition_forms import (
    CONDITION_SOURCE_EXCLUDED,
    ConditionRowFormSet,
    choice_hints,
    condition_rows_initial,
)
from forms_builder.definition_admin import pages
from workflows.diagram import process_diagram_html
from workflows.models import Step, StepKind, Transition
from workflows.services import definitions as services
from workflows.services.publish_checks import step_fields_before
from workflows.views.definitions.base import StepsDraftMixin
from workflows.views.definitions.display import step_rows
from workflows.views.definitions.forms import StepForm, TransitionForm


class DraftView(StepsDraftMixin, pages.DraftView):
    template_name = "workflows/definitions/draft.html"

    def draft_context(self, *, publish_errors) -> dict:
        problems = publish_errors
        if problems is None:
            problems = services.process_version_problems(version=self.version)
        return {
            "step_rows": step_rows(self.version),
            "problems": problems,
            "publish_failed": publish_errors is not None,
            "diagram": process_diagram_html(version=self.version),
        }


class StepEditorMixin(StepsDraftMixin):
    template_name = "workflows/definitions/step_form.html"
    step: Step | None = None

    def form(self, data=None) -> StepForm:
        version = self.draft_required()
        others = version.steps.exclude(pk=self.step.pk if self.step else None)
        return StepForm(
            data,
            initial=StepForm.initial_for(self.step) if self.step else {"kind": StepKind.HUMAN},
            definition=self.definition,
            other_keys=set(others.values_list("key", flat=True)),
        )

    def render(self, form, errors=()):
        return self.render_to_response(
            self.get_context_data(form=form, step=self.step, save_errors=list(errors))
        )

    def get(self, request, *args, **kwargs):
        return self.render(self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            step = services.step_save(version=self.version, step=self.step, **form.attrs())
        except ValidationError as error:
            return self.render(form, error.messages)
        messages.success(request, _("The step “%(name)s” was saved.") % {"name": step.name})
        return redirect(self.draft_url(f"step-{step.pk}"))


class StepAddView(StepEditorMixin):
    def get_page_title(self):
        return _("Add a step")


class StepEditView(StepEditorMixin):
    def prepare(self, request, *args, **kwargs):
        super().prepare(request, *args, **kwargs)
        self.step = self.step_of_draft(kwargs["step_pk"])

    def get_page_title(self):
        return _("Edit the step “%(name)s”") % {"name": self.step.name}


class StepDeleteView(pages.ConfirmRemoveMixin, StepsDraftMixin):
    def get_page_title(self):
        return _("Remove a step")

    def get(self, request, pk, step_pk):
        step = self.step_of_draft(step_pk)
        return self.confirm_page(
            _("Remove the step “%(name)s” and every decision leading to it or out of it?")
            % {"name": step.name}
        )

    def post(self, request, pk, step_pk):
        step = self.step_of_draft(step_pk)
        services.step_delete(step=step)
        messages.success(request, _("The step “%(name)s” was removed.") % {"name": step.name})
        return redirect(self.draft_url())


class TransitionEditorMixin(StepsDraftMixin):
    """A decision and its condition rows; the fields offered are those of the steps before it."""

    template_name = "workflows/definitions/transition_form.html"
    transition: Transition | None = None
    source: Step

    def forms(self, data=None):
        fields = {
            key: f
            for key, f in step_fields_before(step=self.source).items()
            if f.field_type not in CONDITION_SOURCE_EXCLUDED
        }
        initial = {}
        if self.transition is not None:
            initial = {
                "target": self.transition.target_id,
                "label_th": self.transition.label_th,
                "label_en": self.transition.label_en,
                "sort_order": self.transition.sort_order,
                "is_default": self.transition.is_default,
            }
        form = TransitionForm(data, initial=initial, source=self.source)
        conditions = ConditionRowFormSet(
            data,
            initial=condition_rows_initial(self.transition.condition if self.transition else None),
            prefix="condition",
            fields_before=fields,
        )
        return form, conditions, fields

    def render(self, form, conditions, fields, errors=()):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                condition_formset=conditions,
                choice_hints=choice_hints(fields),
                source=self.source,
                save_errors=list(errors),
            )
        )

    def get(self, request, *args, **kwargs):
        return self.render(*self.forms())

    def post(self, request, *args, **kwargs):
        form, conditions, fields = self.forms(request.POST)
        if not (form.is_valid() & conditions.is_valid()):
            return self.render(form, conditions, fields)
        attrs = {**form.attrs(), "condition": conditions.condition()}
        try:
            transition = services.transition_save(
                source=self.source, transition=self.transition, **attrs
            )
        except ValidationError as error:
            return self.render(form, conditions, fields, error.messages)
        messages.success(
            request, _("The decision “%(label)s” was saved.") % {"label": transition.label}
        )
        return redirect(self.draft_url(f"step-{self.source.pk}"))


class TransitionAddView(TransitionEditorMixin):
    def prepare(self, request, *args, **kwargs):
        super().prepare(request, *args, **kwargs)
        self.source = self.step_of_draft(kwargs["step_pk"])

    def get_page_title(self):
        return _("Add a decision to “%(step)s”") % {"step": self.source.name}


class TransitionEditView(TransitionEditorMixin):
    def prepare(self, request, *args, **kwargs):
        super().prepare(request, *args, **kwargs)
        self.transition = self.transition_of_draft(kwargs["transition_pk"])
        self.source = self.transition.source

    def get_page_title(self):
        return _("Edit the decision “%(label)s”") % {"label": self.transition.label}


class TransitionDeleteView(pages.ConfirmRemoveMixin, StepsDraftMixin):
    def get_page_title(self):
        return _("Remove a decision")

    def get(self, request, pk, transition_pk):
        transition = self.transition_of_draft(transition_pk)
        return self.confirm_page(
            _("Remove the decision “%(label)s” of step “%(step)s”?")
            % {"label": transition.label, "step": transition.source.name}
        )

    def post(self, request, pk, transition_pk):
        transition = self.transition_of_draft(transition_pk)
        services.transition_delete(transition=transition)
        messages.success(
            request, _("The decision “%(label)s” was removed.") % {"label": transition.label}
        )
        return redirect(self.draft_url())
