"""Moving a version's open cases to a newer version: map the steps, preview, apply."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from forms_builder.definition_admin.pages import DefinitionView
from forms_builder.models import VersionStatus
from workflows.services.migration import (
    cases_migrate,
    migration_plan,
    migration_steps_with_open_cases,
)
from workflows.views.definitions.forms import MigrationMappingForm

PREVIEW_SALT = "workflows.migrate.preview"


def preview_token(*, target_number: int, mapping: dict[int, int], plan) -> str:
    """What the preview showed, signed: applying moves exactly this or nothing."""
    return signing.dumps(
        {
            "to": target_number,
            "mapping": sorted(mapping.items()),
            "cases": sorted(case.pk for case, _old, _new in plan.moves),
        },
        salt=PREVIEW_SALT,
    )


def previewed(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=PREVIEW_SALT, max_age=60 * 60)
    except signing.BadSignature:
        return None


class MigrateView(DefinitionView):
    template_name = "workflows/definitions/migrate.html"
    needs_edit = True

    def prepare(self, request, *args, **kwargs):
        super().prepare(request, *args, **kwargs)
        versions = self.definition.versions.filter(status=VersionStatus.PUBLISHED)
        self.source = versions.filter(number=kwargs["number"]).first()
        if self.source is None:
            raise Http404
        self.targets = list(versions.filter(number__gt=self.source.number).order_by("-number"))
        wanted = request.POST.get("to") or request.GET.get("to")
        self.target = next((v for v in self.targets if str(v.number) == wanted), None) or (
            self.targets[0] if self.targets else None
        )

    def get_page_title(self):
        return _("Move open cases of version %(number)s") % {"number": self.source.number}

    def form(self, data=None) -> MigrationMappingForm | None:
        if self.target is None:
            return None
        return MigrationMappingForm(
            data,
            old_steps=migration_steps_with_open_cases(source=self.source),
            new_steps=list(self.target.steps.all()),
        )

    def render(self, form, plan=None, errors=(), changed=False):
        token = (
            preview_token(target_number=self.target.number, mapping=form.mapping(), plan=plan)
            if plan is not None and plan.can_apply
            else ""
        )
        return self.render_to_response(
            self.get_context_data(
                source=self.source,
                target=self.target,
                targets=self.targets,
                form=form,
                plan=plan,
                preview_token=token,
                changed=changed,
                errors=list(errors),
            )
        )

    def preview(self, form, mapping, changed=False):
        plan = migration_plan(source=self.source, target=self.target, mapping=mapping)
        return self.render(form, plan=plan, changed=changed)

    def get(self, request, pk, number):
        return self.render(self.form())

    def post(self, request, pk, number):
        form = self.form(request.POST)
        if form is None or not form.is_valid():
            return self.render(form)
        mapping = form.mapping()
        if request.POST.get("action") != "apply":
            return self.preview(form, mapping)
        shown = previewed(request.POST.get("previewed", ""))
        if shown is None or shown["to"] != self.target.number or dict(shown["mapping"]) != mapping:
            # The choices on the screen are not the ones previewed: show what they would do.
            return self.preview(form, mapping, changed=True)
        try:
            moved = cases_migrate(
                source=self.source,
                target=self.target,
                mapping=mapping,
                user=request.user,
                expected_cases=set(shown["cases"]),
            )
        except ValidationError as error:
            plan = migration_plan(source=self.source, target=self.target, mapping=mapping)
            return self.render(form, plan=plan, errors=error.messages)
        messages.success(
            request,
            _("%(count)s open case(s) moved to version %(number)s.")
            % {"count": moved, "number": self.target.number},
        )
        return redirect(self.viewset.detail_url(self.definition))
