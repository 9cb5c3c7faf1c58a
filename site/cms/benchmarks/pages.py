"""What the bench serves: our home page with the demo's content, and a bare Wagtail page."""

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Locale, Page, Site

from cms import demo
from cms.models import NewsArticlePage
from cms.services import content_version_bump

BARE_HOST = "bare-wagtail.bench"
BARE_SLUG = "bare-wagtail-bench"


def home_with_content() -> None:
    """The demo's public site (news, campaigns, images), unless there is news already."""
    if not NewsArticlePage.objects.live().exists():
        demo.load()


def bare_page_site() -> str:
    """A plain Wagtail `Page` as the root of a site of its own; its host name."""
    page = Page.objects.filter(depth=2, slug=BARE_SLUG).first()
    if page is None:
        page = Page.get_first_root_node().add_child(
            instance=Page(title="หน้า Wagtail เปล่า", slug=BARE_SLUG, locale=Locale.get_default())
        )
    Site.objects.get_or_create(hostname=BARE_HOST, defaults={"root_page": page, "port": 80})
    return BARE_HOST


def home_statements() -> tuple[int, int]:
    """Statements of the home page rendered after a change, then of the next read (a hit)."""
    content_version_bump()
    client = Client()
    with override_settings(ALLOWED_HOSTS=["*"]):
        counts = []
        for _read in range(2):
            with CaptureQueriesContext(connection) as captured:
                assert client.get("/").status_code == 200
            counts.append(len(captured))
    return counts[0], counts[1]


def cache_backend() -> str:
    backend = settings.CACHES["default"]["BACKEND"]
    return {
        "django.core.cache.backends.redis.RedisCache": "Redis",
        "django.core.cache.backends.db.DatabaseCache": "database table",
    }.get(backend, backend)
