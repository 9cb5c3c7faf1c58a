"""Importing a client register: upload, see the dry run, confirm (all rows or none)."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from partners.selectors import user_has_role, user_partners
from workflows.forms.imports import ImportUploadForm
from workflows.imports.clients import CLIENT_COLUMNS
from workflows.imports.readers import ImportFileError
from workflows.imports.template import import_template_xlsx
from workflows.imports.uploads import upload_forget, upload_keep, upload_open
from workflows.models import AccessKind
from workflows.services.audit import record_access
from workflows.services.import_runs import BACKGROUND_BYTES, import_record_done, import_start
from workflows.services.imports import (
    CLIENT_COUNTED,
    IMPORT_ROLES,
    ImportRefused,
    client_import_commit,
    client_import_preview,
)
from workflows.views.workspace.base import WorkspacePageMixin

PROBLEMS_SHOWN = 200
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportUploadPageMixin(WorkspacePageMixin):
    """A register's upload page, under Clients: the file goes into one of the partners where
    the user has one of the view's `roles`."""

    parent_url_name = "workflows_admin:client_index"
    parent_label = gettext_lazy("Clients")
    header_icon = "upload"

    def partners(self):
        return user_partners(self.request.user, self.roles).order_by("name_th")

    def upload_form(self, request=None, **kwargs) -> ImportUploadForm:
        """Empty, or bound to the request's upload; `kwargs` as ImportUploadForm's (`initial`)."""
        data = (request.POST, request.FILES) if request is not None else ()
        return ImportUploadForm(*data, partners=self.partners(), **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.upload_form()))


class ClientImportView(ImportUploadPageMixin, TemplateView):
    """Administrators and supervisors, into their own partners only."""

    roles = IMPORT_ROLES
    template_name = "workflows/workspace/client_import.html"
    page_title = gettext_lazy("Import clients")

    def post(self, request, *args, **kwargs):
        form = self.upload_form(request)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        partner, upload = form.cleaned_data["partner"], form.cleaned_data["file"]
        if upload.size > BACKGROUND_BYTES:
            record = import_start(
                kind="clients", partner=partner, user=request.user, file=upload, name=upload.name
            )
            return redirect("workflows_admin:client_import_run", pk=record.pk)
        data = upload.read()
        try:
            plan = client_import_preview(
                partner=partner, user=request.user, data=data, name=upload.name
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        # The preview names people already registered, here or at another partner.
        record_access(
            request,
            partner_id=partner.pk,
            kind=AccessKind.LOOKUP,
            detail={"file": upload.name, "preview": True, "rows": plan.total, **plan.counts},
        )
        token = ""
        if not plan.problems and plan.total:
            token = upload_keep(
                data=data, name=upload.name, partner_id=partner.pk, user_id=request.user.pk
            )
        context = self.get_context_data(
            form=self.upload_form(initial={"partner": partner.pk}),
            plan=plan,
            partner=partner,
            token=token,
            file_name=upload.name,
        )
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["import_links"] = import_links(self.request.user)
        plan = kwargs.get("plan")
        if plan is not None:
            context.update(
                preview_context(plan, CLIENT_COUNTED),
                confirm_url=reverse("workflows_admin:client_import_confirm"),
            )
        return context


def import_links(user) -> list[tuple[str, str]]:
    """(title, URL) of every register the user may import, clients first."""
    from workflows.services.register_imports import KINDS

    links = []
    if user_has_role(user, IMPORT_ROLES):
        links.append((gettext_lazy("Import clients"), reverse("workflows_admin:client_import")))
    for kind in KINDS.values():
        if user_has_role(user, kind.roles):
            url = reverse("workflows_admin:register_import", args=[kind.key])
            links.append((kind.title, url))
    return links


def preview_context(plan, counted) -> dict:
    """What `_import_preview.html` shows of a dry run: the counts, the first problems."""
    return {
        "counted": [(key, label, plan.counts[key]) for key, label in counted],
        "problems": plan.problems[:PROBLEMS_SHOWN],
        "more_problems": max(0, len(plan.problems) - PROBLEMS_SHOWN),
    }


class ClientImportConfirmView(ClientImportView):
    """Checks the kept file again and writes it; the file is deleted whatever happens."""

    def get(self, request, *args, **kwargs):
        return redirect("workflows_admin:client_import")

    def post(self, request, *args, **kwargs):
        upload = upload_open(request.POST.get("token", ""), user_id=request.user.pk)
        partner = upload and self.partners().filter(pk=upload["partner"]).first()
        if not upload or partner is None:
            messages.error(request, _("The upload has expired: please upload the file again."))
            return redirect("workflows_admin:client_import")
        try:
            with transaction.atomic():  # the rows and their past-imports record: one commit
                plan = client_import_commit(
                    partner=partner, user=request.user, data=upload["data"], name=upload["name"]
                )
                record = import_record_done(
                    kind="clients",
                    partner=partner,
                    user=request.user,
                    name=upload["name"],
                    plan=plan,
                )
        except (ImportRefused, ImportFileError) as error:
            plan = getattr(error, "plan", None)
            messages.error(
                request, _("Nothing was imported: the file has problems now (see below).")
            )
            context = self.get_context_data(
                form=self.upload_form(initial={"partner": partner.pk}),
                plan=plan,
                partner=partner,
                file_name=upload["name"],
            )
            return self.render_to_response(context)
        finally:
            upload_forget(upload["path"])
        record_access(
            request,
            partner_id=partner.pk,
            kind=AccessKind.IMPORT,
            detail={"file": upload["name"], "rows": plan.total, **plan.counts},
        )
        messages.success(
            request,
            _(
                "%(total)s rows imported into %(partner)s: %(new)s new, %(updated)s updated, "
                "%(linked)s linked, %(unchanged)s unchanged."
            )
            % {"total": plan.total, "partner": partner, **plan.counts},
        )
        return redirect("workflows_admin:client_import_run", pk=record.pk)


class ClientImportTemplateView(WorkspacePageMixin, View):
    roles = IMPORT_ROLES

    def get(self, request, *args, **kwargs):
        response = HttpResponse(import_template_xlsx(CLIENT_COLUMNS), content_type=XLSX_TYPE)
        response["Content-Disposition"] = 'attachment; filename="clients-template.xlsx"'
        return response
