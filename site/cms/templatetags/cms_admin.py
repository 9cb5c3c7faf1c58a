"""Template tags for Wagtail's own admin templates that the project extends."""

from django import template

from cms import permission_labels
from cms.dashboard import user_works_on_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def works_on_pages(context) -> bool:
    return user_works_on_pages(context["request"])


register.filter("permission_label", permission_labels.permission_label)
register.filter("content_type_label", permission_labels.content_type_label)
register.filter("permission_row_label", permission_labels.permission_row_label)
