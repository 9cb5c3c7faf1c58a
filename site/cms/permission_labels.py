"""Thai names for Django's permissions and content types on Wagtail's group editor.

Django stores permission names in English ("Can add page") and Wagtail shows them, and the
models' names, as they are; here they are rebuilt from translatable text: Django's four default
permissions from the model's (translated) verbose name, any other through the catalogue
(locale_wagtail/th). Used by the template
`site/templates/wagtailusers/groups/includes/formatted_permissions.html`.
"""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DEFAULT_PERMISSIONS = {
    "add": _("Can add %(name)s"),
    "change": _("Can change %(name)s"),
    "delete": _("Can delete %(name)s"),
    "view": _("Can view %(name)s"),
}


def model_label(content_type: ContentType) -> str:
    """The model's name in the user's language; models that leave their verbose name
    unmarked (wagtail-localize's) are looked up in the catalogue."""
    model = content_type.model_class()
    if model is None:
        return content_type.model
    return gettext(str(model._meta.verbose_name))


def content_type_label(content_type: ContentType) -> str:
    return capfirst(model_label(content_type))


def permission_label(permission: Permission) -> str:
    content_type = permission.content_type
    model = content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if (
        model is not None
        and action in DEFAULT_PERMISSIONS
        and permission.codename == get_permission_codename(action, model._meta)
    ):
        return DEFAULT_PERMISSIONS[action] % {"name": model_label(content_type)}
    return gettext(permission.name)


def permission_row_label(row: dict) -> str:
    """A row of Wagtail's object-permissions table: {"add": {"perm": …}, …, "custom": […]}."""
    perms = [row[key]["perm"] for key in ("add", "change", "delete") if key in row]
    perms += [custom["perm"] for custom in row.get("custom", [])]
    return content_type_label(perms[0].content_type) if perms else row.get("object", "")


def page_permission_label(permission: Permission) -> str:
    """A checkbox of a group's page permissions: Wagtail's own translatable description."""
    from wagtail.models import Page

    for codename, _short_label, long_label in Page.permission_types:
        if codename == permission.codename:
            return str(long_label)
    return permission_label(permission)
