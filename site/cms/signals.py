"""Keep the search text and the page caches in step with what the public site shows.

Any saved or deleted row of a kind a public page shows bumps the content version
(`cms.services.content_version_bump`), so every cached page and fragment is stale at once: pages
(publishing, unpublishing, drafts, translations, moves, deletion), sites and locales, site settings
(the footer), view restrictions, images and documents, partners and their service areas, and any
registered snippet. Coarse on purpose: a publish is rare beside the reads it serves, and nothing
can be forgotten by a page that shows more than it used to.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import AbstractSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.services import content_version_bump, page_text_index
from partners.models import Partner, ServiceArea

SHOWN = (
    Page,
    Site,
    Locale,
    AbstractSetting,
    BaseViewRestriction,
    AbstractImage,
    AbstractDocument,
    Partner,
    ServiceArea,
)


def _shown(instance) -> bool:
    return isinstance(instance, SHOWN) or type(instance) in get_snippet_models()


def _on_published(sender, instance, **kwargs):
    page_text_index(page=instance)
    content_version_bump()


def _on_content_changed(sender, **kwargs):
    content_version_bump()


def _on_saved(sender, instance, created=False, raw=False, **kwargs):
    # A site setting's row is made empty on the first page view (`for_site`): nothing shown
    # changes then, and that view must not make the page it renders stale.
    if raw or (created and isinstance(instance, AbstractSetting)):
        return
    if _shown(instance):
        content_version_bump()


def _on_deleted(sender, instance, **kwargs):
    if _shown(instance):
        content_version_bump()


def connect() -> None:
    page_published.connect(_on_published, dispatch_uid="cms_page_published")
    page_unpublished.connect(_on_content_changed, dispatch_uid="cms_page_unpublished")
    post_page_move.connect(_on_content_changed, dispatch_uid="cms_page_moved")
    page_slug_changed.connect(_on_content_changed, dispatch_uid="cms_page_slug_changed")
    post_save.connect(_on_saved, dispatch_uid="cms_shown_saved")
    post_delete.connect(_on_deleted, dispatch_uid="cms_shown_deleted")
