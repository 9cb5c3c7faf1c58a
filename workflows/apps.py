from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Processes and cases")

    def ready(self):
        # Viewflow finds flows by import path; importing here registers the one generic flow.
        from workflows import due, flows, signals  # noqa: F401
        from workflows.services import followups, referrals, waits  # noqa: F401 - declare due kinds
