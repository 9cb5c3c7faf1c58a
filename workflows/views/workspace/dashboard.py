"""The supervisor's overview, and the home page panel with the user's own work."""

from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component

from partners.models import Role
from workflows.selectors import dashboard
from workflows.views.workspace.base import WorkspacePageMixin
from workflows.views.workspace.rows import task_rows


class SupervisorDashboardView(WorkspacePageMixin, TemplateView):
    roles = (Role.SUPERVISOR,)
    template_name = "workflows/workspace/dashboard.html"
    page_title = gettext_lazy("Work overview")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner_ids = dashboard.supervised_partner_ids(self.request.user)
        overdue, counts = dashboard.overdue_tasks(partner_ids=partner_ids)
        context.update(
            by_step=dashboard.open_cases_by_step(partner_ids=partner_ids),
            overdue_rows=task_rows(overdue),
            overdue_count=counts["overdue"],
            escalated_count=counts["escalated"],
            workers=dashboard.tasks_per_worker(partner_ids=partner_ids),
            unclaimed=dashboard.unclaimed_count(partner_ids=partner_ids),
        )
        return context


class MyWorkPanel(Component):
    """On the admin home page of caseworkers and supervisors: my tasks and the queue."""

    name = "workflows_my_work"
    template_name = "workflows/workspace/home_panel.html"
    order = 50

    def __init__(self, user, is_supervisor: bool):
        self.user = user
        self.is_supervisor = is_supervisor

    def get_context_data(self, parent_context=None):
        return {**dashboard.work_counts(user=self.user), "is_supervisor": self.is_supervisor}
