"""Keep the search text and the page caches in step with what is published."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.models import SiteFooter
from cms.services import content_version_bump, page_text_index
from partners.models import Partner, ServiceArea


def _on_published(sender, instance, **kwargs):
    page_text_index(page=instance)
    content_version_bump()


def _on_content_changed(sender, **kwargs):
    content_version_bump()


def _on_footer_saved(sender, created=False, **kwargs):
    # for_site() makes the empty row on the first page view: nothing shown has changed then.
    if not created:
        content_version_bump()


def connect() -> None:
    page_published.connect(_on_published, dispatch_uid="cms_page_published")
    page_unpublished.connect(_on_content_changed, dispatch_uid="cms_page_unpublished")
    post_page_move.connect(_on_content_changed, dispatch_uid="cms_page_moved")
    page_slug_changed.connect(_on_content_changed, dispatch_uid="cms_page_slug_changed")
    post_delete.connect(_on_content_changed, sender=Page, dispatch_uid="cms_page_deleted")
    post_save.connect(_on_footer_saved, sender=SiteFooter, dispatch_uid="cms_site_footer")
    for model in (Partner, ServiceArea):
        for signal in (post_save, post_delete):
            signal.connect(_on_content_changed, sender=model, dispatch_uid=f"cms_{model.__name__}")
