"""The whole-page cache of the public site, for anonymous visitors.

A Wagtail page served to a visitor with no session and no messages is kept in the shared cache
(Redis or the database table: never per process) under its host, scheme, path, query and
language, together with the content version it was rendered under
(`cms.selectors.content_version`, which also changes every day). The next such request for the
same address is answered from the cache in one cache round trip and no database query, if the
entry's version is still the current one. Anything that changes what a page shows bumps the
version (`cms.signals`), so every entry is stale at once, in every process.

What is never kept: the admin and previews (they need a session), requests carrying a session or
messages cookie (signed-in staff, with Wagtail's userbar), responses that set a cookie, used a CSRF
token (a form) or say `private`/`no-cache`/`no-store` (the report page), anything but a 200, and
any view other than a Wagtail page (search, documents). A page class opts out with
`page_cache = False`.

Every kept page carries an ETag (a hash of its content) and a Last-Modified, and `no-cache` so that
browsers ask again each time: a conditional request that matches is answered 304.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from cms.selectors import CONTENT_VERSION_KEY, content_version

ENTRY_SECONDS = 6 * 60 * 60
MARK = "_cms_page_cache"
# Added by links shared on social media; no page reads them, so they do not make a new entry.
IGNORED_PARAMETERS = ("fbclid", "gclid", "utm_")
REFUSING_CACHE_CONTROL = ("private", "no-cache", "no-store")


@dataclass(frozen=True)
class Entry:
    version: str
    content: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str
    last_modified: float


def request_cacheable(request: HttpRequest) -> bool:
    """An anonymous GET or HEAD: no session, no messages, no credentials."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def page_mark(page, request) -> None:
    """`before_serve_page`: this response is a page that may be kept.

    Wagtail's own view-restriction hook runs first: a restricted page reaches here only for a
    visitor who passed it, which needs a session, so such a request is never cacheable."""
    if getattr(page.specific_class, "page_cache", True) and not getattr(
        request, "is_preview", False
    ):
        setattr(request, MARK, True)


def _key(request: HttpRequest) -> str:
    query = "&".join(
        sorted(
            part
            for part in request.META.get("QUERY_STRING", "").split("&")
            if part and not part.startswith(IGNORED_PARAMETERS)
        )
    )
    parts = (
        request.scheme,
        request.get_host(),
        request.path,
        query,
        translation.get_language() or "",
    )
    return "cms:page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if not getattr(request, MARK, False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in REFUSING_CACHE_CONTROL)


def _validators_set(response: HttpResponse, etag: str, last_modified: float) -> None:
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    response.headers["Cache-Control"] = "no-cache"
    # Signed-in staff get another page (Wagtail's bar): a cache on the way must tell them apart,
    # also when the hit never reads the session.
    patch_vary_headers(response, ("Cookie",))


def _from_entry(request: HttpRequest, entry: Entry) -> HttpResponse:
    response = HttpResponse(entry.content)
    for name, value in entry.headers:
        response.headers[name] = value
    return get_conditional_response(
        request, etag=entry.etag, last_modified=int(entry.last_modified), response=response
    )


class PageCacheMiddleware:
    """Answers a cacheable request from the shared cache, or keeps the page it renders."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_cacheable(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([CONTENT_VERSION_KEY, key])
        version = content_version(found.get(CONTENT_VERSION_KEY))
        entry = found.get(key)
        if entry is not None and entry.version == version:
            return _from_entry(request, entry)
        # The version is read before the page is: a change committed meanwhile bumps it, so what
        # is rendered now is never kept under the version that follows the change.
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        etag = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
        last_modified = time.time()
        _validators_set(response, etag, last_modified)
        headers = tuple((name, value) for name, value in response.headers.items())
        entry = Entry(version, response.content, headers, etag, last_modified)
        cache.set(key, entry, ENTRY_SECONDS)
        return get_conditional_response(
            request, etag=etag, last_modified=int(last_modified), response=response
        )
