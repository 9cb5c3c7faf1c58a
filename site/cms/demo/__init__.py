"""Demo content of the public site, in Thai with English translations. Idempotent.

Pages that exist already (found by slug under their parent) are left as editors changed them;
missing ones, and missing English translations, are created and published.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.demo import content
from cms.demo.images import lead_image
from cms.models import (
    CampaignPage,
    ContentPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    PartnerNetworkPage,
    ReportPage,
    SiteFooter,
)
from partners.demo import demo_user_get_or_create, demo_username
from partners.models import Role, User

EDITOR_USERNAME = "editor"
MODERATORS_GROUP = "ผู้ตรวจเนื้อหา"  # Wagtail's Moderators group, named in Thai by cms 0006


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def _home(locale: Locale) -> HomePage:
    """The Thai home page (made by cms migration 0003), given its demo words once."""
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(slug="home", locale=locale, **content.HOME["th"])
        )
        return _publish(home)
    if not home.introduction:
        for name, value in content.HOME["th"].items():
            setattr(home, name, value)
        _publish(home)
    return home


def _child(parent: Page, model: type[Page], spec: dict, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    page = model(slug=spec["slug"], locale=parent.locale, **spec["th"], **fields)
    return _publish(parent.add_child(instance=page))


def _translate(page: Page, locale: Locale, words: dict) -> Page:
    """The page's translation in the locale, created from the Thai page with the given words."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = page.copy_for_translation(locale)
    for name, value in words.items():
        setattr(translation, name, value)
    return _publish(translation)


def _site(home: HomePage) -> None:
    # The address `make run` serves, so canonical, Open Graph and sitemap URLs work locally;
    # production sets its own host name under Settings → Sites.
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "127.0.0.1", "port": 8000, "root_page": home, "site_name": "ที่พึ่ง"},
    )


def _footer(privacy: Page) -> None:
    """Who runs the site and the privacy page, for every page's footer (kept once edited)."""
    site = Site.objects.get(is_default_site=True)
    footer = SiteFooter.for_site(site)
    if not footer.organisation_th:
        for name, value in content.FOOTER.items():
            setattr(footer, name, value)
    footer.privacy_page = footer.privacy_page or privacy
    footer.save()


def load_editor() -> User:
    """The demo approver: a member of Wagtail's Moderators group (dev and test settings only)."""
    if not getattr(settings, "THIPHUENG_DEMO_PASSWORDS_ALLOWED", False):
        raise ImproperlyConfigured("Demo users are only created with the dev or test settings.")
    editor = demo_user_get_or_create(EDITOR_USERNAME, "บรรณาธิการ", "เว็บไซต์")
    editor.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    return editor


@transaction.atomic
def load(*, partners=None) -> HomePage:
    locale_th, _ = Locale.objects.get_or_create(language_code="th")
    locale_en, _ = Locale.objects.get_or_create(language_code="en")
    home = _home(locale_th)
    if not home.lead_image:
        home.lead_image = lead_image("home")
        _publish(home)
    _site(home)
    network = _child(home, PartnerNetworkPage, content.NETWORK, show_in_menus=True)
    news = _child(home, NewsIndexPage, content.NEWS_INDEX, show_in_menus=True)
    report = _child(home, ReportPage, content.REPORT, show_in_menus=True)
    article = _child(
        news,
        NewsArticlePage,
        content.MOU_ARTICLE,
        date=content.MOU_ARTICLE["date"],
        lead_image=lead_image("mou"),
    )
    campaigns = [
        (
            _child(home, CampaignPage, spec, lead_image=lead_image(picture), **spec["audiences"]),
            spec,
        )
        for spec, picture in (
            (content.CAMPAIGN_COMMUNITY, "hotline"),
            (content.CAMPAIGN_SCHOOL, "school"),
        )
    ]
    privacy = _child(home, ContentPage, content.PRIVACY)
    _footer(privacy)
    # Parents before children: a translation is created under its parent's translation.
    english = [
        (home, content.HOME),
        (network, content.NETWORK),
        (news, content.NEWS_INDEX),
        (report, content.REPORT),
        (article, content.MOU_ARTICLE),
        *campaigns,
        (privacy, content.PRIVACY),
    ]
    for page, spec in english:
        _translate(page, locale_en, spec["en"])
    load_editor()
    _submitted_for_review(news, content.SUBMITTED_ARTICLE)
    return home


def _submitted_for_review(news: NewsIndexPage, spec: dict) -> None:
    """An article pattaya.comms wrote and sent to the moderation workflow, once: they see it
    among their pages in moderation, the editor among the pages awaiting review."""
    if NewsArticlePage.objects.child_of(news).filter(slug=spec["slug"]).exists():
        return
    author = User.objects.filter(username=demo_username("pattaya", Role.COMMUNICATIONS)).first()
    if author is None:
        return
    article = NewsArticlePage(
        slug=spec["slug"], locale=news.locale, live=False, owner=author, date=spec["date"]
    )
    for name, value in spec["th"].items():
        setattr(article, name, value)
    news.add_child(instance=article)
    article.save_revision(user=author)
    article.get_workflow().start(article, author)
