"""Writes of the public site: the plain-text search index and the content cache version."""

from django.core.cache import cache
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.models import PageText
from cms.selectors import CONTENT_VERSION_KEY


def content_version_bump() -> None:
    """Make every cached page and fragment of the public site stale, in every process.

    Now, so that the writer's own next read (and a test) sees the change, and again once the
    transaction commits: a page another process rendered from the rows as they were before the
    commit may have been kept under the version made in between."""
    cache.delete(CONTENT_VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(CONTENT_VERSION_KEY))


def _field_text(page: Page, name: str) -> str:
    value = getattr(page, name, None)
    if not value:
        return ""
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        return " ".join(str(part) for part in field.get_searchable_content(value))
    if isinstance(field, RichTextField):
        return strip_tags(value)
    return str(value)


def page_text_index(*, page: Page) -> PageText:
    """Store the plain text of the page's searchable fields, as published."""
    page = page.specific
    names = [page.seo_title, page.search_description]
    names += [
        _field_text(page, field.field_name)
        for field in page.get_search_fields()
        if isinstance(field, index.SearchField)
    ]
    text = " ".join(part for part in names if part)
    page_text, _ = PageText.objects.update_or_create(page_id=page.pk, defaults={"text": text})
    return page_text
