"""Every admin page a demo role reaches from its menu (two levels of links, GET only) reads in
Thai: no English interface text, shown or read by a screen reader, outside user data, codes and
the allow-list of names in tests/english_text.py; and no date in the Christian era (the demo's
dates are all recent, so any year from 2010 to 2049 is one)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

from partners.models import User
from tests.english_text import data_pattern, english_in, page_texts

pytestmark = pytest.mark.django_db

# Links not followed: they sign out, or answer with a file, a preview or JSON.
SKIP = re.compile(
    r"/logout/|/preview|/jsi18n|/export|/download|/serve/|\.csv|\.xlsx|\.json|format=|"
    r"/images/\d+/generate|/api/|/autocomplete|/chooser"
)
HREF = re.compile(r'href="(/admin/[^"#?]*(?:\?[^"#]*)?)"')
SIDEBAR_URL = re.compile(r'"url": "(/admin/[^"]*)"')
CHRISTIAN_ERA_YEAR = re.compile(r"(?<![\d.,])20[1-4]\d(?![\d])")
PER_PATTERN = 2  # pages like /admin/pages/3/edit/ are sampled, two of each shape
# The superuser's Settings menu, each screen and a form behind it, must be among the pages read.
SETTINGS_SCREENS = [
    *("/admin/sites/", "/admin/sites/edit/", "/admin/users/", "/admin/users/edit/"),
    *("/admin/groups/", "/admin/groups/edit/", "/admin/workflows/list/", "/admin/workflows/edit/"),
    *("/admin/collections/", "/admin/redirects/", "/admin/searchpicks/", "/admin/locales/"),
    "/admin/locales/edit/",
]
ROLES = [
    "pattaya.comms",
    "editor",
    "pattaya.caseworker",
    "pattaya.supervisor",
    "pattaya.admin",
    "admin",
]


def shape(url: str) -> str:
    return re.sub(r"\d+", "N", urlsplit(url).path)


def crawl(client, start: list[str], levels: int = 2):
    """(url, html) of each admin page reachable from `start` in `levels` clicks, GET only."""
    seen, per_shape = set(), {}
    frontier = start
    for level in range(levels + 1):
        following = []
        for url in frontier:
            url = url.replace("&amp;", "&")
            if url in seen or SKIP.search(url) or per_shape.get(shape(url), 0) >= PER_PATTERN:
                continue
            seen.add(url)
            per_shape[shape(url)] = per_shape.get(shape(url), 0) + 1
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            html = response.content.decode()
            yield url, html
            if level < levels:
                following += HREF.findall(html)
        frontier = following


@pytest.mark.parametrize("username", ROLES)
def test_every_admin_page_of_the_role_reads_in_thai(client, username):
    call_command("load_demo")
    client.force_login(User.objects.get(username=username))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    start = ["/admin/", "/admin/account/", *SIDEBAR_URL.findall(home)]
    data = data_pattern()
    english, christian_era = {}, {}
    read = []
    for url, html in crawl(client, start):
        read.append(url)
        leftovers = english_in(page_texts(html), data)
        if leftovers:
            english[url] = sorted(set(leftovers))[:15]
        years = [text for text in page_texts(html) if CHRISTIAN_ERA_YEAR.search(text)]
        if years:
            christian_era[url] = sorted(set(years))[:5]
    assert len(read) > 5
    if username == "admin":
        missed = [s for s in SETTINGS_SCREENS if not any(u.startswith(s) for u in read)]
        assert not missed, f"the crawl did not reach {missed}"
    assert not english, "\n".join(f"{url}: {texts}" for url, texts in english.items())
    assert not christian_era, "\n".join(f"{url}: {t}" for url, t in christian_era.items())
