from django.urls import path

from forms_builder.admin.views import definitions, draft, fields, transfer, versions

app_name = "forms_builder_admin"

urlpatterns = [
    path("", definitions.IndexView.as_view(), name="index"),
    path("add/", definitions.CreateView.as_view(), name="create"),
    path("import/", transfer.ImportView.as_view(), name="import"),
    path("<int:pk>/", definitions.DetailView.as_view(), name="detail"),
    path("<int:pk>/details/", definitions.DetailsEditView.as_view(), name="details"),
    path("<int:pk>/copy/", transfer.CopyView.as_view(), name="copy"),
    path("<int:pk>/export/", transfer.ExportView.as_view(), name="export"),
    path("<int:pk>/draft/", draft.DraftView.as_view(), name="draft"),
    path("<int:pk>/draft/start/", draft.DraftStartView.as_view(), name="draft_start"),
    path("<int:pk>/draft/publish/", draft.PublishView.as_view(), name="publish"),
    path("<int:pk>/draft/reorder/", draft.FieldsReorderView.as_view(), name="fields_reorder"),
    path("<int:pk>/draft/fields/add/", fields.FieldAddView.as_view(), name="field_add"),
    path(
        "<int:pk>/draft/fields/<int:field_pk>/", fields.FieldEditView.as_view(), name="field_edit"
    ),
    path(
        "<int:pk>/draft/fields/<int:field_pk>/delete/",
        draft.FieldDeleteView.as_view(),
        name="field_delete",
    ),
    path(
        "<int:pk>/draft/fields/<int:field_pk>/move/<str:direction>/",
        draft.FieldMoveView.as_view(),
        name="field_move",
    ),
    path("<int:pk>/versions/<int:number>/", versions.VersionView.as_view(), name="version"),
    path(
        "<int:pk>/versions/<int:number>/preview/",
        versions.PreviewView.as_view(),
        name="preview",
    ),
    path(
        "<int:pk>/versions/<int:number>/preview/frame/",
        versions.PreviewFrameView.as_view(),
        name="preview_frame",
    ),
]
