"""Template tags for Wagtail's own admin templates that the project extends."""

from django import template

from cms.dashboard import user_works_on_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def works_on_pages(context) -> bool:
    return user_works_on_pages(context["request"])
