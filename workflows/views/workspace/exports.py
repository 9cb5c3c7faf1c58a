"""Exports of the lists a user pages through, with the filters of the page they came from."""

from django.http import Http404
from django.utils import timezone
from django.views.generic import View
from wagtail.log_actions import log

from partners.models import Role
from partners.selectors import user_partner_ids
from workflows.exports import CHUNK, FORMATS, export_response, export_rows
from workflows.forms.clients import ClientSearchForm
from workflows.forms.workspace import TaskFilterForm
from workflows.models import AccessKind
from workflows.selectors.exports import CLIENT_COLUMNS, TASK_COLUMNS, clients_for_export
from workflows.selectors.tasks import tasks_awaiting_approval, tasks_inbox, tasks_queue
from workflows.services.audit import record_access
from workflows.views.workspace.base import WORKER_ROLES, WorkspaceAccessMixin

EXPORT_ACTION = "workflows.export"


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
        data = {
            "list": self.name,
            "format": file_format,
            "rows": objects.count(),
            "filters": filters.urlencode(),
        }
        user = request.user
        log(instance=user, action=EXPORT_ACTION, user=user, title=self.name, data=data)
        record_access(request, kind=AccessKind.EXPORT, detail=data)
        filename = f"{self.name}-{timezone.localdate():%Y%m%d}"
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
