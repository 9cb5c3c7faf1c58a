"""Importing a case, follow-up or people register: upload, see the dry run, confirm (all rows or
none); and each kind's template. The kind is in the URL; who may import it is the kind's."""

import io

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from partners.selectors import user_partner_ids
from workflows.imports.readers import ImportFileError, sheet_row_count
from workflows.imports.registers import MAX_ROWS, REQUEST_ROWS
from workflows.imports.template import import_template_xlsx
from workflows.imports.uploads import upload_forget, upload_keep, upload_open
from workflows.models import AccessKind
from workflows.services.audit import record_access
from workflows.services.import_runs import import_record_done, import_start
from workflows.services.imports import ImportRefused
from workflows.services.register_imports import (
    KINDS,
    RegisterKind,
    register_import_commit,
    register_import_preview,
)
from workflows.views.workspace.imports import (
    XLSX_TYPE,
    ImportUploadPageMixin,
    import_links,
    preview_context,
)


class RegisterKindMixin(ImportUploadPageMixin):
    def dispatch(self, request, *args, **kwargs):
        self.kind: RegisterKind = KINDS.get(kwargs["kind"])
        if self.kind is None:
            raise Http404
        self.roles = self.kind.roles
        return super().dispatch(request, *args, **kwargs)

    @property
    def page_title(self):
        return self.kind.title


class RegisterImportView(RegisterKindMixin, TemplateView):
    template_name = "workflows/workspace/register_import.html"

    def post(self, request, *args, **kwargs):
        form = self.upload_form(request)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        partner, upload = form.cleaned_data["partner"], form.cleaned_data["file"]
        data = upload.read()
        try:
            if sheet_row_count(io.BytesIO(data), upload.name) > REQUEST_ROWS:
                upload.seek(0)
                record = import_start(
                    kind=self.kind.key,
                    partner=partner,
                    user=request.user,
                    file=upload,
                    name=upload.name,
                )
                return redirect("workflows_admin:client_import_run", pk=record.pk)
            plan = register_import_preview(
                kind=self.kind, partner=partner, user=request.user, data=data, name=upload.name
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        record_access(
            request,
            partner_id=partner.pk,
            kind=AccessKind.LOOKUP,
            detail={"kind": self.kind.key, "file": upload.name, "preview": True, **plan.counts},
        )
        token = ""
        if not plan.problems and plan.total:
            token = upload_keep(
                data=data, name=upload.name, partner_id=partner.pk, user_id=request.user.pk
            )
        return self.preview(partner, plan, upload.name, token=token)

    def preview(self, partner, plan, file_name: str, token: str = ""):
        form = self.upload_form(initial={"partner": partner.pk})
        context = self.get_context_data(
            form=form, plan=plan, partner=partner, token=token, file_name=file_name
        )
        context.update(preview_context(plan, self.kind.counted))
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            import_links=import_links(self.request.user),
            register=self.kind,
            confirm_url=reverse("workflows_admin:register_import_confirm", args=[self.kind.key]),
            template_url=reverse("workflows_admin:register_import_template", args=[self.kind.key]),
            request_rows=REQUEST_ROWS,
            max_rows=MAX_ROWS,
        )
        return context


class RegisterImportConfirmView(RegisterImportView):
    """Checks the kept file again and writes it; the file is deleted whatever happens."""

    def get(self, request, *args, **kwargs):
        return redirect("workflows_admin:register_import", kind=self.kind.key)

    def post(self, request, *args, **kwargs):
        upload = upload_open(request.POST.get("token", ""), user_id=request.user.pk)
        partner = upload and self.partners().filter(pk=upload["partner"]).first()
        if not upload or partner is None:
            messages.error(request, _("The upload has expired: please upload the file again."))
            return redirect("workflows_admin:register_import", kind=self.kind.key)
        try:
            with transaction.atomic():  # the rows and their past-imports record: one commit
                plan = register_import_commit(
                    kind=self.kind,
                    partner=partner,
                    user=request.user,
                    data=upload["data"],
                    name=upload["name"],
                )
                record = import_record_done(
                    kind=self.kind.key,
                    partner=partner,
                    user=request.user,
                    name=upload["name"],
                    plan=plan,
                )
        except (ImportRefused, ImportFileError) as error:
            messages.error(
                request, _("Nothing was imported: the file has problems now (see below).")
            )
            plan = getattr(error, "plan", None)
            if plan is None:
                return redirect("workflows_admin:register_import", kind=self.kind.key)
            return self.preview(partner, plan, upload["name"])
        finally:
            upload_forget(upload["path"])
        record_access(
            request,
            partner_id=partner.pk,
            kind=AccessKind.IMPORT,
            detail={"kind": self.kind.key, "file": upload["name"], **plan.counts},
        )
        counts = ", ".join(
            f"{label} {plan.counts[key]}" for key, label in self.kind.counted if plan.counts[key]
        )
        messages.success(
            request,
            _("%(total)s rows imported into %(partner)s: %(counts)s.")
            % {"total": plan.total, "partner": partner, "counts": counts},
        )
        return redirect("workflows_admin:client_import_run", pk=record.pk)


class RegisterImportTemplateView(RegisterKindMixin, View):
    def get(self, request, *args, **kwargs):
        columns = self.kind.columns(sorted(user_partner_ids(request.user, self.kind.roles)))
        data = import_template_xlsx(columns, sheet=self.kind.sheet, notes=self.kind.notes)
        response = HttpResponse(data, content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.kind.key}-template.xlsx"'
        return response
