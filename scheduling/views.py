"""Special days off (วันหยุดพิเศษ) in the Wagtail admin, kept by central administrators."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from forms_builder.runtime.fields import BuddhistDateField
from partners.menus import RoleMenuItem
from partners.selectors import user_is_central_administrator
from scheduling.models import DayOff
from thai.dates import format_thai_date


class CentralAdministratorsPolicy(BasePermissionPolicy):
    """Days off hold for the whole network: central administrators keep them."""

    def user_has_permission(self, user, action) -> bool:
        return action in ("add", "change", "delete", "view") and (
            user.is_superuser or user_is_central_administrator(user)
        )

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        if self.user_has_permission(user, action):
            return self.model.objects.all()
        return self.model.objects.none()


class DayOffForm(forms.ModelForm):
    date = BuddhistDateField(label=_("Date"))

    class Meta:
        model = DayOff
        fields = ["date", "name"]


class DayOffIndexView(generic.IndexView):
    @property
    def columns(self):
        return [
            TitleColumn(
                "date",
                label=_("Date"),
                sort_key="date",
                accessor=lambda day: format_thai_date(day.date),
                url_name=self.edit_url_name,
            ),
            Column("name", label=_("Name"), sort_key="name"),
        ]


class DayOffViewSet(ModelViewSet):
    model = DayOff
    icon = "date"
    name = "days_off"
    menu_label = _("Special days off")
    menu_order = 830
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["date", "name"]
    ordering = ["-date"]
    search_fields = ["name"]
    index_view_class = DayOffIndexView

    def __init__(self, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if policy_registry.get_by_type(DayOff, fallback=False) is None:
            register_permission_policy(DayOff, CentralAdministratorsPolicy(DayOff))

    def get_form_class(self, for_update=False):
        return DayOffForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(usage_url_name=None, **kwargs)

    def get_menu_item(self, order=None):
        return RoleMenuItem(
            self.menu_label,
            self.menu_url,
            central_only=True,
            name="days-off",
            icon_name=self.icon,
            order=order or self.menu_order,
        )

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.none()
