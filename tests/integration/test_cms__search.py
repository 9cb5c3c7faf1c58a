"""Search finds Thai words inside Thai sentences (Thai is written without spaces)."""

import pytest
from wagtail.models import Locale

from cms.demo.content import paragraphs
from cms.selectors import page_search
from tests.factories_cms import (  # noqa: F401 - fresh_cache is an autouse fixture
    campaign,
    english_home,
    fresh_cache,
    news_article,
    news_index,
    translate,
)

pytestmark = pytest.mark.django_db


def titles(query: str, code: str = "th") -> list[str]:
    return [
        page.title
        for page in page_search(query=query, locale=Locale.objects.get(language_code=code))
    ]


def test_a_thai_word_inside_a_thai_sentence_is_found():
    news_article(title="ข่าวชุมชน", body=paragraphs("ปัญหาคนขอทานในชุมชนเป็นเรื่องที่ทุกคนช่วยได้"))
    news_article(title="ข่าวอื่น", body=paragraphs("การประชุมประจำปีของเครือข่าย"))
    assert titles("ขอทาน") == ["ข่าวชุมชน"]


def test_thai_words_in_titles_and_introductions_are_found():
    campaign(title="รณรงค์ไม่ให้เงินคนขอทาน", introduction="โทรแจ้งสายด่วนหนึ่งสามศูนย์ศูนย์")
    assert titles("ให้เงิน") == ["รณรงค์ไม่ให้เงินคนขอทาน"]
    assert titles("สายด่วน") == ["รณรงค์ไม่ให้เงินคนขอทาน"]


def test_english_search_uses_the_search_backend_and_stays_in_its_language():
    english_home()
    article = news_article(title="ข่าวไทย", slug="mou")
    translate(news_index(), title="News")
    translate(article, title="Pattaya meeting", body=paragraphs("Beggars in the community"))
    assert titles("beggars", "en") == ["Pattaya meeting"]
    assert titles("beggars", "th") == []
    assert titles("ข่าวไทย", "en") == []


def test_drafts_are_not_found():
    article = news_article(title="ฉบับเผยแพร่", body=paragraphs("ข้อความที่เผยแพร่แล้ว"))
    article.body = paragraphs("ข้อความฉบับร่างลับเฉพาะ")
    article.save_revision()
    assert titles("ร่างลับ") == []
    assert titles("เผยแพร่แล้ว") == ["ฉบับเผยแพร่"]


def test_the_search_page_shows_thai_results(client):
    news_article(title="ข่าวชุมชน", body=paragraphs("ปัญหาคนขอทานในชุมชน"))
    html = client.get("/search/", {"q": "ขอทาน"}).content.decode()
    assert "ข่าวชุมชน" in html
    assert client.get("/search/", {"q": "ไม่มีคำนี้แน่นอน"}).status_code == 200
    assert client.get("/search/", {"q": "x" * 5000}).status_code == 200
