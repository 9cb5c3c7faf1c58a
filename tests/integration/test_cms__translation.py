"""Pages are translated with wagtail-localize's Translate action; previews skip the caches."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from cms.demo.content import paragraphs
from partners.models import Role
from tests.factories import member
from tests.factories_cms import english_home, fresh_cache, news_article  # noqa: F401

pytestmark = pytest.mark.django_db


def test_communications_staff_translate_a_page_with_the_translate_action(client):
    english_home()
    article = news_article(slug="to-translate", body=paragraphs("ปัญหาคนขอทานในชุมชน"))
    client.force_login(member(Role.COMMUNICATIONS))
    english = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_page_translation", args=(article.pk,))
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [english.pk], "include_subtree": ""})
    assert response.status_code == 302
    translated = article.get_translation(english)
    assert translated.url == "/en/news/to-translate/"
    assert Translation.objects.filter(
        source__object_id=article.translation_key, target_locale=english
    ).exists()


def test_previews_render_the_draft_not_the_cached_page(client):
    article = news_article(slug="preview", seo_title="ชื่อที่เผยแพร่")
    assert "ชื่อที่เผยแพร่" in client.get("/news/preview/").content.decode()
    article.seo_title = "ชื่อฉบับร่าง"
    article.save_revision()
    draft = article.get_latest_revision_as_object()
    preview = draft.make_preview_request().content.decode()
    assert 'content="ชื่อฉบับร่าง"' in preview
    assert "ชื่อที่เผยแพร่" in client.get("/news/preview/").content.decode()
