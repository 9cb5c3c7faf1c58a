"""The inbox (งานของฉัน), the queue (งานรอรับ) and one task: claim, release, assign, complete."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from viewflow.workflow.status import STATUS

from forms_builder.runtime.dynamic_form import form_for
from forms_builder.selectors import answers_display
from partners.models import Role
from partners.selectors import user_partner_ids
from workflows.errors import FormInvalid, NoTransitionMatches, WorkflowError
from workflows.forms.workspace import ApprovalForm, AssignForm, TaskFilterForm
from workflows.models import AccessKind, CaseTask, TaskStage
from workflows.selectors.access import (
    tasks_visible_to,
    user_can_see_sensitive,
    user_can_work_task,
    user_is_supervisor_of,
)
from workflows.selectors.graph import running_task_graph
from workflows.selectors.prefill import task_form_initial, task_returned_by
from workflows.selectors.reports import public_report_panel
from workflows.selectors.tasks import (
    TaskFilters,
    approvals_count,
    inbox_count,
    queue_count,
    tasks_awaiting_approval,
    tasks_inbox,
    tasks_queue,
)
from workflows.services.audit import record_access
from workflows.services.cases import (
    task_approve,
    task_assign,
    task_claim,
    task_complete,
    task_release,
)
from workflows.step_kinds.refer import KIND as REFER_KIND
from workflows.views.workspace.base import (
    NOT_VISIBLE_TASK,
    WORKER_ROLES,
    NotVisiblePage,
    VisibleObjectMixin,
    WorkspacePageMixin,
    page_of,
    page_of_capped,
    query_without_page,
)
from workflows.views.workspace.rows import case_entries, task_rows, task_title

OPEN = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


class TaskListView(WorkspacePageMixin, TemplateView):
    """My tasks, or my partners' unclaimed tasks: filters, search, pages counted cheaply."""

    roles = WORKER_ROLES
    template_name = "workflows/workspace/task_list.html"
    header_icon = "tasks"
    is_queue = False
    nav_current = "inbox"
    export_url_name = "workflows_admin:inbox_export"

    selector = staticmethod(tasks_inbox)
    #: The unfiltered list's number, from the counters (None: counted on the tasks).
    counter = staticmethod(inbox_count)

    def tasks(self, filters):
        return self.selector(user=self.request.user, filters=filters)

    def count(self, filters) -> int | None:
        if self.counter is None or filters != TaskFilters():
            return None
        return self.counter(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        form = TaskFilterForm(
            request.GET if request.GET.keys() - {"p"} else None,
            partner_ids=user_partner_ids(request.user, WORKER_ROLES),
        )
        filters = form.filters()
        if filters.client:  # a search for a person by name or ID
            record_access(
                request, kind=AccessKind.SEARCH, detail={"q": form.cleaned_data["client"]}
            )
        count = self.count(filters)
        if count is None:  # filtered: counted on the tasks, up to a cap ("more than 1,000")
            page = page_of_capped(self.tasks(filters), request.GET.get("p"))
        else:
            page = page_of(self.tasks(filters), request.GET.get("p"), count=count)
        context.update(
            filter_form=form,
            page=page,
            rows=task_rows(page.object_list),
            query=query_without_page(request),
            is_queue=self.is_queue,
            nav_current=self.nav_current,
            is_filtered=form.is_bound,
            export_url_name=self.export_url_name,
        )
        return context


class InboxView(TaskListView):
    page_title = gettext_lazy("My tasks")


class QueueView(TaskListView):
    page_title = gettext_lazy("Tasks waiting")
    is_queue = True
    nav_current = "queue"
    export_url_name = "workflows_admin:queue_export"
    selector = staticmethod(tasks_queue)
    counter = staticmethod(queue_count)


class ApprovalsView(TaskListView):
    """What waits for a supervisor's approval at their partners (unclaimed, or held by them)."""

    roles = [Role.SUPERVISOR]
    page_title = gettext_lazy("Waiting for my approval")
    header_icon = "check"
    is_queue = True
    nav_current = "approvals"
    export_url_name = "workflows_admin:approvals_export"
    selector = staticmethod(tasks_awaiting_approval)
    counter = staticmethod(approvals_count)


#: What the task page shows beside the task, joined into its one query.
PAGE_RELATED = (
    "process__client",
    "process__partner",
    "process__process_version__definition",
    "owner",
    "answer_set__form_version",
)
#: What a change to the task reads before its flow lock re-reads the task and its case: the
#: client, to name the task. A nine-table join takes longer to plan (~3 ms) than the change.
CHANGE_RELATED = ("process__client",)


def _visible_task(request, pk: int, related=PAGE_RELATED) -> CaseTask:
    """The task with what is shown beside it, in one query (404 if the user may not see it);
    its step and decision from the kept graph (fewer joins)."""
    tasks = tasks_visible_to(request.user).select_related(*related)
    task = get_object_or_404(tasks, pk=pk)
    running_task_graph(task)
    return task


class TaskView(VisibleObjectMixin, WorkspacePageMixin, TemplateView):
    """One task: claim it, fill in its form (or approve), or give it to someone."""

    template_name = "workflows/workspace/task.html"
    parent_url_name = "workflows_admin:inbox"
    parent_label = gettext_lazy("My tasks")
    header_icon = "tasks"
    object_name = "task"
    not_visible_what = NOT_VISIBLE_TASK

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        related = CHANGE_RELATED if request.method == "POST" else PAGE_RELATED
        try:
            self.task = _visible_task(request, kwargs["pk"], related)
        except Http404:
            self.task = None  # VisibleObjectMixin answers with NotVisiblePage

    def get_page_title(self):
        return task_title(self.task)

    def get(self, request, *args, **kwargs):
        # The task page shows the case's earlier answers: a read of the person's data.
        record_access(request, self.task, AccessKind.VIEW)
        return super().get(request, *args, **kwargs)

    @property
    def is_mine(self) -> bool:
        task = self.task
        return task.owner_id == self.request.user.pk and task.status == STATUS.ASSIGNED

    def get_context_data(self, form=None, approval_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        task, user = self.task, self.request.user
        case = task.process
        supervisor = user_is_supervisor_of(user, task.partner_id)
        can_see_sensitive = user_can_see_sensitive(user, case)
        fill = task.stage == TaskStage.FILL
        returned_by = task_returned_by(task=task) if fill else None
        refers = task.step.kind == REFER_KIND
        if self.is_mine and fill and form is None and not refers:
            form = form_for(
                version=task.step.form_version,
                initial=task_form_initial(task=task, returned_by=returned_by),
            )
        if self.is_mine and not fill and approval_form is None:
            approval_form = ApprovalForm()
        is_open = task.status in OPEN
        context.update(
            task=task,
            case=case,
            client=case.client,
            row=task_rows([task])[0],
            is_open=is_open,
            is_mine=self.is_mine,
            can_claim=task.status == STATUS.NEW and user_can_work_task(user, task),
            can_release=task.status == STATUS.ASSIGNED and (self.is_mine or supervisor),
            form=form if self.is_mine and fill else None,
            approval_form=approval_form if self.is_mine and not fill else None,
            assign_form=AssignForm(task=task) if supervisor and is_open else None,
            answers=(
                answers_display(answer_set=task.answer_set, can_see_sensitive=can_see_sensitive)
                if task.answer_set_id and not fill
                else []
            ),
            earlier=[
                entry
                for entry in case_entries(case=case, can_see_sensitive=can_see_sensitive)
                if entry.answers and entry.task.answer_set_id != task.answer_set_id
            ],
            returned_by=returned_by,
            needs_approval=fill and task.step.requires_approval,
            refer_url=reverse("workflows_admin:task_refer", args=[task.pk])
            if refers and self.is_mine and fill
            else "",
        )
        context.update(public_report_panel(case=case, user=user))
        return context

    def post(self, request, *args, **kwargs):
        if self.task.stage == TaskStage.APPROVE:
            return self._approve()
        return self._complete()

    def _complete(self):
        request, task = self.request, self.task
        if task.step.kind == REFER_KIND:
            return redirect("workflows_admin:task_refer", pk=task.pk)
        try:
            done = task_complete(
                task=task,
                user=request.user,
                data=request.POST,
                files=request.FILES,
                audit=_recorder(request, AccessKind.COMPLETE),
            )
        except FormInvalid as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(form=error.form))
        except NoTransitionMatches as error:
            messages.error(request, error.message)
            form = form_for(version=task.step.form_version, data=request.POST, files=request.FILES)
            form.is_valid()
            return self.render_to_response(self.get_context_data(form=form))
        except WorkflowError as error:
            messages.error(request, error.message)
            return redirect("workflows_admin:task", pk=task.pk)
        if done.step.requires_approval:
            message = _(
                "Saved. The step now waits for a supervisor's approval; the proposed decision "
                "is %(decision)s → %(step)s."
            )
        else:
            message = _("Saved. Decision: %(decision)s → %(step)s.")
        messages.success(
            request, message % {"decision": done.decision.label, "step": done.decision.target.name}
        )
        return redirect("workflows_admin:case", pk=task.process_id)

    def _approve(self):
        request, task = self.request, self.task
        form = ApprovalForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(approval_form=form))
        approved = form.cleaned_data["decision"] == "approve"
        try:
            task_approve(
                task=task,
                user=request.user,
                approved=approved,
                comment=form.cleaned_data["comment"],
                audit=_recorder(request, AccessKind.APPROVE, detail={"approved": approved}),
            )
        except WorkflowError as error:
            messages.error(request, error.message)
            return redirect("workflows_admin:task", pk=task.pk)
        if approved:
            messages.success(request, _("Approved. The case moves on."))
        else:
            messages.success(request, _("Returned. The step goes back to be done again."))
        return redirect("workflows_admin:case", pk=task.process_id)


def _recorder(request, kind: str, **options):
    """The access record of a change to a task, written by the service under the flow lock: the
    change and its record commit together, never one without the other."""
    return lambda task: record_access(request, task, kind, **options)


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    # A path of this site only: redirect() would read any other word as a view name.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class TaskActionView(View):
    """A POST that changes who holds a task; the task must be one the user may see (else the
    explaining 404)."""

    http_method_names = ["post"]
    access_kind = ""

    def post(self, request, pk: int):
        try:
            task = _visible_task(request, pk, CHANGE_RELATED)
        except Http404:
            return NotVisiblePage.answer(request, NOT_VISIBLE_TASK)
        try:
            target = self.act(request, task, _recorder(request, self.access_kind))
        except WorkflowError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(
                _back(request, reverse("workflows_admin:task", args=[task.pk]))
            )
        return redirect(target)


class TaskClaimView(TaskActionView):
    access_kind = AccessKind.CLAIM

    def act(self, request, task, audit):
        title = task_title(task)  # read before the claim re-reads the task from the database
        task_claim(task=task, user=request.user, audit=audit)
        messages.success(request, _("The task is yours: “%(title)s”.") % {"title": title})
        return reverse("workflows_admin:task", args=[task.pk])


class TaskReleaseView(TaskActionView):
    access_kind = AccessKind.RELEASE

    def act(self, request, task, audit):
        task_release(task=task, user=request.user, audit=audit)
        messages.success(request, _("The task is back in the queue."))
        return _back(request, reverse("workflows_admin:inbox"))


class TaskAssignView(TaskActionView):
    access_kind = AccessKind.ASSIGN

    def act(self, request, task, audit):
        if not user_is_supervisor_of(request.user, task.partner_id):
            raise WorkflowError(_("Only a supervisor of this partner can give tasks to people."))
        form = AssignForm(request.POST, task=task)
        if not form.is_valid():
            raise WorkflowError(_("Choose a worker who holds this task's role at this partner."))
        assignee = form.cleaned_data["assignee"]
        task_assign(task=task, user=request.user, assignee=assignee, audit=audit)
        messages.success(
            request,
            _("“%(title)s” given to %(person)s.") % {"title": task_title(task), "person": assignee},
        )
        return reverse("workflows_admin:task", args=[task.pk])
