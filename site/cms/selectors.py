"""Reads of the public site: listings, the partner network, translations, search."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from partners.areas import area_name
from partners.models import Partner

CONTENT_VERSION_KEY = "cms:content-version"
# Entries under an old content version are never read again; this lets them go.
CACHE_SECONDS = 10 * 60
OG_LOCALES = {"th": "th_TH", "en": "en_US"}
SEARCH_LIMIT = 50


def content_version(stored: str | None = None) -> str:
    """A token that changes whenever published content or partners change, and every day (a
    campaign that ended yesterday leaves the lists): it keys the page and fragment caches.
    `stored`: the shared token when the caller has just read it (`CONTENT_VERSION_KEY`)."""
    token = stored or cache.get(CONTENT_VERSION_KEY) or content_version_new()
    return f"{token}-{timezone.localdate():%Y%m%d}"


def content_version_new() -> str:
    """The version after a bump: a new random token, the same for every process (the first one
    kept wins). Never a counter: a version evicted from the cache must not come back."""
    token = uuid.uuid4().hex
    cache.add(CONTENT_VERSION_KEY, token, None)
    return cache.get(CONTENT_VERSION_KEY) or token


def news_latest(*, locale: Locale, limit: int = 3):
    from cms.models import NewsArticlePage

    return (
        NewsArticlePage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-date", "-pk")
        .defer_streamfields()[:limit]
    )


def news_page_of(*, index: Page, number, per_page: int = 10) -> PaginatorPage:
    from cms.models import NewsArticlePage

    articles = (
        NewsArticlePage.objects.child_of(index)
        .live()
        .public()
        .order_by("-date", "-pk")
        .defer_streamfields()
    )
    return Paginator(articles, per_page).get_page(number)


def campaigns_current(*, locale: Locale, limit: int = 6):
    from cms.models import CampaignPage

    today = timezone.localdate()
    return (
        CampaignPage.objects.live()
        .public()
        .filter(locale=locale)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("-first_published_at", "-pk")
        .defer_streamfields()[:limit]
    )


@dataclass(frozen=True)
class NetworkPartner:
    name: str
    kind: str
    areas: list[str]
    address: str
    phone: str
    email: str
    website: str
    contact_person: str


def partners_for_network() -> list[NetworkPartner]:
    """The active partners with their areas by name, in the active language (cached)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"cms:partners:{language}:{content_version()}"
    partners = cache.get(key)
    if partners is None:
        partners = [
            NetworkPartner(
                name=partner.name,
                kind=str(partner.get_kind_display()),
                areas=[area_name(area.code) for area in partner.service_areas.all()],
                address=partner.address,
                phone=partner.phone,
                email=partner.email,
                website=partner.website,
                contact_person=partner.contact_person,
            )
            for partner in Partner.objects.active()
            .order_by("kind", "name_th")
            .prefetch_related("service_areas")
        ]
        cache.set(key, partners, CACHE_SECONDS)
    return partners


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    language_name: str
    url: str
    is_current: bool
    is_translation: bool


def _home_pages_by_language(site: Site) -> dict[str, Page]:
    return {
        page.locale.language_code: page
        for page in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }


def page_language_links(*, page: Page | None, request) -> list[LanguageLink]:
    """For each site language: the page's live translation, or that language's home page."""
    current = translation.get_language()
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    translations = {}
    if page is not None and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is None:
            homes = homes if homes is not None else _home_pages_by_language(site)
            target = homes.get(code)
        url = target.get_url(request) if target is not None else f"/{code}/"
        links.append(
            LanguageLink(
                language_code=code,
                language_name=name,
                url=url,
                is_current=code == current,
                is_translation=code in translations,
            )
        )
    return links


def page_search(*, query: str, locale: Locale) -> list[Page]:
    """Live public pages in the locale matching the query.

    The search backend tokenizes on spaces, so a Thai word inside a Thai sentence is never a token
    of its own: substring matches on the pages' plain text (cms.PageText) complete its results.
    """
    query = query.strip()
    if not query:
        return []
    pages = Page.objects.live().public().filter(locale=locale)
    found = list(pages.search(query)[:SEARCH_LIMIT])
    seen = {page.pk for page in found}
    substring = Q(title__icontains=query) | Q(search_description__icontains=query)
    substring |= Q(cms_text__text__icontains=query)
    more = pages.filter(substring).exclude(pk__in=seen).order_by("-last_published_at", "pk")
    found += list(more[: max(SEARCH_LIMIT - len(found), 0)])
    return found


def menu_pages(*, request) -> list[Page]:
    """The active language's home page children shown in menus."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    home = site.root_page.localized
    return list(home.get_children().live().public().in_menu())
