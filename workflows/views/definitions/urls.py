from django.urls import path

from workflows.views.definitions import draft, migration, processes

app_name = "workflows_definitions"

urlpatterns = [
    path("", processes.IndexView.as_view(), name="index"),
    path("add/", processes.CreateView.as_view(), name="create"),
    path("<int:pk>/", processes.DetailView.as_view(), name="detail"),
    path("<int:pk>/details/", processes.DetailsEditView.as_view(), name="details"),
    path("<int:pk>/export/", processes.ExportView.as_view(), name="export"),
    path("<int:pk>/draft/", draft.DraftView.as_view(), name="draft"),
    path("<int:pk>/draft/start/", draft.DraftStartView.as_view(), name="draft_start"),
    path("<int:pk>/draft/publish/", draft.PublishView.as_view(), name="publish"),
    path("<int:pk>/draft/steps/add/", draft.StepAddView.as_view(), name="step_add"),
    path("<int:pk>/draft/steps/<int:step_pk>/", draft.StepEditView.as_view(), name="step_edit"),
    path(
        "<int:pk>/draft/steps/<int:step_pk>/delete/",
        draft.StepDeleteView.as_view(),
        name="step_delete",
    ),
    path(
        "<int:pk>/draft/steps/<int:step_pk>/decisions/add/",
        draft.TransitionAddView.as_view(),
        name="transition_add",
    ),
    path(
        "<int:pk>/draft/decisions/<int:transition_pk>/",
        draft.TransitionEditView.as_view(),
        name="transition_edit",
    ),
    path(
        "<int:pk>/draft/decisions/<int:transition_pk>/delete/",
        draft.TransitionDeleteView.as_view(),
        name="transition_delete",
    ),
    path("<int:pk>/versions/<int:number>/", processes.VersionView.as_view(), name="version"),
    path(
        "<int:pk>/versions/<int:number>/migrate/",
        migration.MigrateView.as_view(),
        name="migrate",
    ),
]
