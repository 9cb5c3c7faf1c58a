from django.urls import path

from partners.views import language, partners, people

app_name = "partners_admin"

urlpatterns = [
    path("partners/", partners.PartnerIndexView.as_view(), name="partner_index"),
    path("partners/add/", partners.PartnerFormView.as_view(), name="partner_add"),
    path("partners/<int:pk>/", partners.PartnerFormView.as_view(), name="partner_edit"),
    path("partners/<int:pk>/active/", partners.PartnerActiveView.as_view(), name="partner_active"),
    path("partners/areas/", partners.AreaChildrenView.as_view(), name="area_children"),
    path("people/", people.PersonIndexView.as_view(), name="person_index"),
    path("people/add/", people.PersonCreateView.as_view(), name="person_add"),
    path("people/<int:pk>/", people.PersonEditView.as_view(), name="person_edit"),
    path("people/<int:pk>/active/", people.PersonActiveView.as_view(), name="person_active"),
    path(
        "people/<int:pk>/two-factor-reset/",
        people.PersonTwoFactorResetView.as_view(),
        name="person_two_factor_reset",
    ),
    path(
        "people/<int:pk>/roles/<int:membership_pk>/revoke/",
        people.MembershipRevokeView.as_view(),
        name="membership_revoke",
    ),
    path("language/<str:language>/", language.admin_language_switch, name="language"),
]
