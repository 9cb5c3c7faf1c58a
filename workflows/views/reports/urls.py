from django.urls import path

from workflows.views.reports import views as reports

app_name = "workflows_reports"

urlpatterns = [
    path("files/<uuid:uuid>/", reports.AnswerFileView.as_view(), name="answer_file"),
    path("cases/<int:pk>/duplicate/", reports.ReportDuplicateView.as_view(), name="duplicate"),
    path(
        "cases/<int:pk>/not-actionable/",
        reports.ReportNotActionableView.as_view(),
        name="not_actionable",
    ),
    path("settings/", reports.ReportSettingsView.as_view(), name="settings"),
    path("settings/<int:pk>/", reports.ReportSettingEditView.as_view(), name="setting_edit"),
]
