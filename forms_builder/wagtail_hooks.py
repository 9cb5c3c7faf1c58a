"""The forms administration in the Wagtail admin: its viewset (URLs, menu item, permissions).

Extension point: `forms_builder_version_usages` (forms_builder.admin.usages.USAGES_HOOK) lets a
later app (workflows) list which processes use each form version.
"""

from wagtail import hooks

from forms_builder.admin.viewset import FormDefinitionViewSet


@hooks.register("register_admin_viewset")
def register_forms_admin():
    return FormDefinitionViewSet()
