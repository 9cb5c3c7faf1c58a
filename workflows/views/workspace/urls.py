from django.urls import path

from workflows.views.workspace import (
    access_log,
    breaches,
    cases,
    clients,
    dashboard,
    exports,
    followups,
    imports,
    referrals,
    subject,
    tasks,
)

app_name = "workflows_admin"

urlpatterns = [
    path("inbox/", tasks.InboxView.as_view(), name="inbox"),
    path("queue/", tasks.QueueView.as_view(), name="queue"),
    path("inbox/export/", exports.TaskExportView.as_view(), name="inbox_export"),
    path("queue/export/", exports.QueueExportView.as_view(), name="queue_export"),
    path("approvals/export/", exports.ApprovalsExportView.as_view(), name="approvals_export"),
    path("clients/export/", exports.ClientExportView.as_view(), name="client_export"),
    path("approvals/", tasks.ApprovalsView.as_view(), name="approvals"),
    path("tasks/<int:pk>/", tasks.TaskView.as_view(), name="task"),
    path("tasks/<int:pk>/claim/", tasks.TaskClaimView.as_view(), name="task_claim"),
    path("tasks/<int:pk>/release/", tasks.TaskReleaseView.as_view(), name="task_release"),
    path("tasks/<int:pk>/assign/", tasks.TaskAssignView.as_view(), name="task_assign"),
    path("cases/start/", cases.StartCaseView.as_view(), name="case_start"),
    path("cases/<int:pk>/", cases.CaseView.as_view(), name="case"),
    path(
        "cases/<int:pk>/follow-ups/",
        followups.FollowUpChangeView.as_view(),
        name="case_follow_ups",
    ),
    path("cases/<int:pk>/refer/", referrals.ReferralSendView.as_view(), name="case_refer"),
    path("referrals/", referrals.ReferralQueueView.as_view(), name="referral_queue"),
    path("referrals/<int:pk>/", referrals.ReferralView.as_view(), name="referral"),
    path(
        "referrals/<int:pk>/consent-photo/",
        referrals.ReferralConsentPhotoView.as_view(),
        name="referral_consent_photo",
    ),
    path(
        "referrals/<int:pk>/<str:action>/",
        referrals.ReferralActionView.as_view(),
        name="referral_action",
    ),
    path("clients/", clients.ClientIndexView.as_view(), name="client_index"),
    path("clients/add/", clients.ClientFormView.as_view(), name="client_add"),
    path("clients/import/", imports.ClientImportView.as_view(), name="client_import"),
    path(
        "clients/import/confirm/",
        imports.ClientImportConfirmView.as_view(),
        name="client_import_confirm",
    ),
    path(
        "clients/import/template.xlsx",
        imports.ClientImportTemplateView.as_view(),
        name="client_import_template",
    ),
    path("clients/<int:pk>/", clients.ClientView.as_view(), name="client"),
    path("clients/<int:pk>/edit/", clients.ClientEditView.as_view(), name="client_edit"),
    path(
        "clients/<int:pk>/access/",
        access_log.ClientAccessLogView.as_view(),
        name="client_access_log",
    ),
    path("clients/<int:pk>/requests/", subject.ClientSubjectView.as_view(), name="client_subject"),
    path(
        "clients/<int:pk>/requests/export/",
        subject.ClientSubjectExportView.as_view(),
        name="client_subject_export",
    ),
    path("breaches/", breaches.BreachListView.as_view(), name="breaches"),
    path("breaches/add/", breaches.BreachFormView.as_view(), name="breach_add"),
    path("breaches/<int:pk>/", breaches.BreachFormView.as_view(), name="breach"),
    path("access-log/", access_log.PartnerAccessLogView.as_view(), name="access_log"),
    path("overview/", dashboard.SupervisorDashboardView.as_view(), name="dashboard"),
]
