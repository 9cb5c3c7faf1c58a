"""Imports run in the background: past imports, one import's progress and result, its
confirmation and the report of its bad rows."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from forms_builder.models import private_storage
from workflows.exports import FORMATS, cell_text, export_response
from workflows.imports.readers import ImportFileError, sheet_read
from workflows.models import ClientImport
from workflows.selectors.imports import import_seconds_left, imports_visible_to
from workflows.services.import_runs import KINDS, MAX_BYTES, import_confirm
from workflows.services.imports import IMPORT_ROLES
from workflows.views.workspace.base import WorkspacePageMixin, page_of
from workflows.views.workspace.exports import export_log

PROBLEMS_SHOWN = 200


class ImportRunListView(WorkspacePageMixin, TemplateView):
    roles = IMPORT_ROLES
    template_name = "workflows/workspace/import_runs.html"
    page_title = gettext_lazy("Past imports")
    parent_url_name = "workflows_admin:client_import"
    parent_label = gettext_lazy("Import clients")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = page_of(imports_visible_to(self.request.user), self.request.GET.get("p"))
        for record in page.object_list:
            record.kind_title = KINDS[record.kind].title
        context["page"] = page
        context["keep_days"] = settings.IMPORT_FILES_KEEP_DAYS
        return context


class ImportRunMixin(WorkspacePageMixin):
    roles = IMPORT_ROLES

    def get_record(self) -> ClientImport:
        return get_object_or_404(imports_visible_to(self.request.user), pk=self.kwargs["pk"])


class ImportRunView(ImportRunMixin, TemplateView):
    template_name = "workflows/workspace/import_run.html"
    page_title = gettext_lazy("Import")
    parent_url_name = "workflows_admin:client_import_runs"
    parent_label = gettext_lazy("Past imports")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.get_record()
        kind = KINDS[record.kind]
        context.update(
            record=record,
            kind=kind,
            counted=[(key, label, record.counts.get(key, 0)) for key, label in kind.counted],
            problems=record.problems[:PROBLEMS_SHOWN],
            more_problems=max(0, record.problem_count - PROBLEMS_SHOWN),
            formats=FORMATS,
        )
        return context


class ImportProgressView(ImportRunMixin, View):
    """What the page's script polls: a few numbers, no personal data."""

    def get(self, request, *args, **kwargs):
        record = self.get_record()
        return JsonResponse(
            {
                "status": record.status,
                "label": str(record.get_status_display()),
                "running": record.running,
                "done": record.done,
                "total": record.total,
                "seconds_left": import_seconds_left(record, timezone.now()),
            }
        )


class ImportConfirmView(ImportRunMixin, View):
    def post(self, request, *args, **kwargs):
        record = self.get_record()
        if import_confirm(record=record, user=request.user):
            messages.success(
                request,
                _("%(total)s rows are being imported into %(partner)s: this page shows how far.")
                % {"total": record.total, "partner": record.partner},
            )
        else:
            messages.error(request, _("This import is no longer waiting for a confirmation."))
        return redirect("workflows_admin:client_import_run", pk=record.pk)


class ImportProblemsView(ImportRunMixin, View):
    """The file's bad rows as they were, each with its problems in a last column."""

    def get(self, request, *args, **kwargs):
        record = self.get_record()
        file_format = request.GET.get("format", "xlsx")
        if file_format not in FORMATS or not record.problem_count or record.files_removed_at:
            raise Http404
        export_log(
            request,
            instance=record,
            name="import-problems",
            title=record.file_name,
            file_format=file_format,
            rows=record.problem_count,
        )
        return export_response(
            rows=_problem_rows(record),
            file_format=file_format,
            filename=f"import-{record.pk}-problems",
        )


def _problem_rows(record: ClientImport):
    by_row: dict[int, list[str]] = {}
    for row, column, message in record.problems:
        by_row.setdefault(row, []).append(f"{column}: {message}" if column else message)
    with private_storage().open(record.file_path, "rb") as file:
        try:
            sheet = sheet_read(file, record.file_name, max_bytes=MAX_BYTES)
        except ImportFileError as error:
            yield [_("Row"), _("Problem")]
            yield ["", str(error)]
            return
        yield [_("Row"), *sheet.headers, _("Problem")]
        for row in (0, 1):  # the file as a whole, its header row
            if row in by_row:
                yield [row or "", *[""] * len(sheet.headers), "; ".join(by_row[row])]
        for number, cells in sheet.rows:
            if number in by_row:
                yield [number, *(cell_text(cell) for cell in cells), "; ".join(by_row[number])]
