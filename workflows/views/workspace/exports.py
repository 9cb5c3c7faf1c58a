"""Exports of the lists a user pages through, with the filters of the page they came from."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.views.generic import View
from wagtail.log_actions import log

from partners.models import Role
from partners.selectors import user_partner_ids
from thai.dates import be_date_stamp
from workflows.exports import (
    CHUNK,
    FORMATS,
    cell_text,
    export_response,
    export_rows,
    xlsx_sheets_response,
)
from workflows.forms.clients import ClientSearchForm
from workflows.forms.workspace import TaskFilterForm
from workflows.models import AccessKind
from workflows.selectors.access import cases_visible_to, user_can_see_sensitive
from workflows.selectors.exports import (
    CLIENT_COLUMNS,
    REFERRAL_COLUMNS,
    TASK_COLUMNS,
    case_answer_sheets,
    clients_for_export,
)
from workflows.selectors.referrals import referral_queue
from workflows.selectors.tasks import tasks_awaiting_approval, tasks_inbox, tasks_queue
from workflows.services.audit import record_access
from workflows.views.workspace.base import WORKER_ROLES, WorkspaceAccessMixin, id_param

EXPORT_ACTION = "workflows.export"


def concrete_user(user):
    """The user object behind request.user. django-otp's middleware wraps Django's lazy user in a
    second lazy object, and Wagtail's `log` looks one wrapper deep for the model to log against:
    given the wrapper it finds none and silently writes nothing."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def export_log(
    request, *, instance=None, name: str, title: str, file_format: str, rows: int, filters: str = ""
) -> None:
    """The audit entry of one export: who, which list, the format, how many rows, the filters."""
    user = concrete_user(request.user)
    data = {"list": name, "format": file_format, "rows": rows, "filters": filters}
    log(
        instance=instance if instance is not None else user,
        action=EXPORT_ACTION,
        user=user,
        title=title,
        data=data,
    )
    # About the exported object (a case's answers name its client), else about the list.
    record_access(request, instance, AccessKind.EXPORT, detail=data)


class ExportView(WorkspaceAccessMixin, View):
    """Counts the rows, records who exported what and how many, then streams them."""

    name = ""
    columns = ()

    def objects(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        file_format = request.GET.get("format", "xlsx")
        if file_format not in FORMATS:
            raise Http404
        objects = self.objects()
        filters = request.GET.copy()
        filters.pop("format", None)
        export_log(
            request,
            name=self.name,
            title=self.name,
            file_format=file_format,
            rows=objects.count(),
            filters=filters.urlencode(),
        )
        filename = f"{self.name}-{be_date_stamp(timezone.localdate())}"
        rows = export_rows(objects.iterator(chunk_size=CHUNK), self.columns)
        return export_response(rows=rows, file_format=file_format, filename=filename)


class ClientExportView(ExportView):
    name = "clients"
    columns = CLIENT_COLUMNS

    def objects(self):
        search = ClientSearchForm(self.request.GET)
        query, age = "", None
        if search.is_valid():
            query, age = search.cleaned_data["q"], search.cleaned_data["age"]
        return clients_for_export(user=self.request.user, query=query, age=age)


class TaskExportView(ExportView):
    roles = WORKER_ROLES
    columns = TASK_COLUMNS
    selector = staticmethod(tasks_inbox)
    name = "my-tasks"

    def objects(self):
        form = TaskFilterForm(
            self.request.GET, partner_ids=user_partner_ids(self.request.user, WORKER_ROLES)
        )
        return self.selector(user=self.request.user, filters=form.filters())


class QueueExportView(TaskExportView):
    selector = staticmethod(tasks_queue)
    name = "tasks-waiting"


class ApprovalsExportView(TaskExportView):
    roles = [Role.SUPERVISOR]
    selector = staticmethod(tasks_awaiting_approval)
    name = "approvals"


class ReferralQueueExportView(ExportView):
    """The referrals received, waiting or answered (`status=answered`), as the queue shows them."""

    roles = WORKER_ROLES
    name = "referrals-received"
    columns = REFERRAL_COLUMNS

    def objects(self):
        answered = self.request.GET.get("status") == "answered"
        return referral_queue(user=self.request.user, answered=answered)


class CaseAnswersExportView(WorkspaceAccessMixin, View):
    """A case's answers, a sheet per form version (XLSX) or one version (CSV, `version`, else
    the latest answered); another partner's case is a 404."""

    def get(self, request, *args, **kwargs):
        file_format = request.GET.get("format", "xlsx")
        if file_format not in FORMATS:
            raise Http404
        case = get_object_or_404(cases_visible_to(request.user), pk=kwargs["pk"])
        sheets = case_answer_sheets(
            case=case, can_see_sensitive=user_can_see_sensitive(request.user, case)
        )
        if file_format == "csv" and sheets:
            wanted = id_param(request.GET.get("version"))
            sheets = [next((s for s in sheets if s.version.pk == wanted), sheets[-1])]
        export_log(
            request,
            instance=case,
            name="case-answers",
            title=case.reference,
            file_format=file_format,
            rows=sum(len(sheet.rows) - 1 for sheet in sheets),
        )
        filename = f"{case.reference}-answers"
        cells = [(s.title, [[cell_text(c) for c in row] for row in s.rows]) for s in sheets]
        if file_format == "xlsx":
            return xlsx_sheets_response(sheets=cells or [("", [])], filename=filename)
        return export_response(
            rows=cells[0][1] if cells else [], file_format="csv", filename=filename
        )
