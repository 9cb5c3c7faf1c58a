"""The network's short lists that central administrators keep in the Wagtail admin (legal bases,
external organizations, letter templates): only they see the menu item and the screens; rows
are deactivated, never deleted, since referrals and letters cite them."""

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from partners.menus import RoleMenuItem
from scheduling.views import CentralAdministratorsPolicy


class CentralListViewSet(ModelViewSet):
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    #: The menu item's name (for tests and the role menus).
    menu_name = ""

    def __init__(self, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, CentralAdministratorsPolicy(self.model))

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(usage_url_name=None, delete_url_name=None, **kwargs)

    def get_menu_item(self, order=None):
        return RoleMenuItem(
            self.menu_label,
            self.menu_url,
            central_only=True,
            name=self.menu_name,
            icon_name=self.icon,
            order=order or self.menu_order,
        )

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission

        return Permission.objects.none()
