"""Template tags of the public site: cache keys, language links, Open Graph locale."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from cms.selectors import (
    OG_LOCALES,
    LanguageLink,
    content_version,
    menu_pages,
    page_language_links,
)

register = template.Library()


@register.simple_tag(name="content_version")
def content_version_tag() -> str:
    """{% content_version as cv %}: vary fragment caches on it."""
    return content_version()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """{% language_links as links %}: one link per site language for the page being shown."""
    request = context["request"]
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        return page_language_links(page=page, request=request)
    current = translation.get_language()
    path = request.get_full_path()
    return [
        LanguageLink(
            language_code=code,
            language_name=name,
            url=translate_url(path, code),
            is_current=code == current,
            is_translation=True,
        )
        for code, name in settings.LANGUAGES
    ]


@register.filter
def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True, name="menu_pages")
def menu_pages_tag(context) -> list:
    """{% menu_pages as menu %}: the main menu of the active language."""
    return menu_pages(request=context["request"])


@register.simple_tag
def absolute_url(url: str, page) -> str:
    """{% absolute_url image.url page %}: media and static URLs made absolute on the page's site."""
    if url.startswith(("http://", "https://")):
        return url
    site = page.get_site()
    return f"{site.root_url}{url}" if site else url


@register.filter
def is_section_of(item, page) -> bool:
    """{% if item|is_section_of:page %}: the menu item is the page or one of its ancestors."""
    path = getattr(page, "path", None)
    return bool(path) and path.startswith(item.path)
