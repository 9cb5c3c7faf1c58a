"""After a form is published: drafts of the processes that still fill in an earlier version,
now filling in the new one (the administrator reviews and publishes them)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from forms_builder.definition_admin.access import definitions_in_admin
from forms_builder.definition_admin.pages import DefinitionAdminView
from forms_builder.models import FormDefinition, FormVersion, VersionStatus
from workflows.selectors.definitions import processes_using_earlier_versions
from workflows.services.definitions import process_drafts_adopt_form_version


class AdoptFormVersionView(DefinitionAdminView):
    def prepare(self, request, *args, **kwargs) -> None:
        self.form_version = FormVersion.objects.filter(
            pk=kwargs["form_version_pk"],
            status=VersionStatus.PUBLISHED,
            definition__in=definitions_in_admin(FormDefinition, request.user),
        ).first()
        if self.form_version is None:
            raise Http404

    def post(self, request, form_version_pk):
        definitions = processes_using_earlier_versions(
            form_version=self.form_version, user=request.user
        )
        drafts = process_drafts_adopt_form_version(
            form_version=self.form_version, definitions=definitions, user=request.user
        )
        if drafts:
            names = ", ".join(
                _("%(process)s (draft version %(number)s)")
                % {"process": draft.definition.name, "number": draft.number}
                for draft in drafts
            )
            messages.success(
                request,
                _("These drafts now use version %(number)s; check and publish them: %(drafts)s")
                % {"number": self.form_version.number, "drafts": names},
            )
        else:
            messages.info(request, _("No process of yours uses an earlier version any more."))
        return redirect(
            reverse("forms_builder_admin:detail", args=[self.form_version.definition_id])
        )
