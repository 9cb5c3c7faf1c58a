"""Public, read-only URLs of the forms runtime (mounted at /forms/ by config.urls)."""

from django.urls import path

from forms_builder.runtime.area_lookup import areas_view

app_name = "forms_builder"

urlpatterns = [
    path("areas/", areas_view, name="areas"),
    path("areas/<str:code>/", areas_view, name="area_children"),
]
