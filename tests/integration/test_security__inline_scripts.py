"""No admin page we serve carries an inline script (the Content-Security-Policy would block it and
whatever it starts would silently do nothing): Wagtail's choosers, inline panels, date widgets,
search promotions and wagtail-localize start from data read by partners/js/widget-starts.js. An
upgrade of Wagtail that adds an inline script to one of these pages fails here."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.admin.widgets import AdminPageChooser
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.images.widgets import AdminImageChooser

from tests.factories import UserFactory
from tests.factories_cms import news_article, site_baseline

# A <script> that runs and has no src: JSON data blocks and templates are not scripts.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?:application/json|text/template)\")[^>]*>"
)


def inline_scripts(html: str) -> list[str]:
    return [html[m.start() : m.start() + 200] for m in INLINE_SCRIPT.finditer(html)]


def test_the_pattern_finds_an_inline_script_and_passes_the_rest():
    assert inline_scripts(
        '<p><script>alert(1)</script></p><script type="text/javascript">x</script>'
    )
    assert len(inline_scripts('<script>a</script><script type="text/javascript">b</script>')) == 2
    kept = '<script src="/s.js"></script><script id="d" type="application/json">{}</script>'
    assert inline_scripts(kept) == []


@pytest.fixture
def admin_pages(db):
    site_baseline()
    article = news_article()
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:add", args=["cms", "newsarticlepage", article.get_parent().pk]),
        reverse("wagtailsettings:edit", args=["cms", "sitefooter"]),
        reverse("wagtailadmin_workflows:add"),
        reverse("wagtailadmin_workflows:select_task_type"),
        reverse("wagtailsearchpromotions:add"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_groups:add"),
        reverse("wagtailredirects:add"),
        reverse("wagtailadmin_collections:add"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("workflows_admin:inbox"),
        reverse("workflows_admin:breach_add"),
    ]


def test_no_admin_page_carries_an_inline_script(client, admin_pages):
    client.force_login(UserFactory(is_superuser=True))
    found = {}
    for url in admin_pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if scripts := inline_scripts(response.content.decode()):
            found[url] = scripts
    assert found == {}


class SnippetProbe(BaseChooser):
    """A snippet chooser's shape (the project registers no snippet model to choose)."""

    js_constructor = "SnippetChooser"

    def get_chooser_modal_url(self):
        return "/admin/snippets/choose/"


@pytest.mark.parametrize(
    ("widget", "start"),
    [
        (AdminPageChooser(), "PageChooser"),
        (AdminImageChooser(), "ImageChooser"),
        (AdminDocumentChooser(), "DocumentChooser"),
        (SnippetProbe(), "SnippetChooser"),
        (AdminTaskChooser(), "createTaskChooser"),
    ],
)
def test_every_chooser_starts_from_a_marker(db, widget, start):
    html = widget.render("thing", None, attrs={"id": "id_thing"})
    assert inline_scripts(html) == [] and "<script" not in html
    marker = re.search(
        r"<span hidden data-widget-start=\"(\w+)\" data-widget-for=\"id_thing\"", html
    )
    assert marker and marker[1] == start
    if start != "createTaskChooser":
        options = re.search(r'data-widget-options="([^"]*)"', html)[1].replace("&quot;", '"')
        assert json.loads(options)["modalUrl"]
