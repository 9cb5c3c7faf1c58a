from django.urls import path

from partners.two_factor import views

app_name = "partners_two_factor"
urlpatterns = [
    path("", views.VerifyView.as_view(), name="verify"),
    path("setup/", views.SetupView.as_view(), name="setup"),
]
