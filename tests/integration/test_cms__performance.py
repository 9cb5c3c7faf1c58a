"""Public pages render in a bounded number of queries, and fewer once their fragments are cached."""

import pytest

from tests.factories_cms import (  # noqa: F401 - fresh_cache is an autouse fixture
    campaign,
    english_home,
    fresh_cache,
    network_page,
    news_article,
    news_index,
)

pytestmark = pytest.mark.django_db

COLD_LIMIT = 25  # the footer reads the site and its settings (cached afterwards)
WARM_LIMIT = 10


@pytest.fixture
def site_with_content(db):
    english_home()
    index = news_index()
    for number in range(12):
        news_article(index=index, title=f"ข่าว {number}", slug=f"news-{number}")
    for number in range(4):
        campaign(title=f"รณรงค์ {number}", slug=f"campaign-{number}")
    network_page()


@pytest.mark.parametrize("url", ["/", "/en/", "/news/", "/network/"])
def test_public_pages_render_in_bounded_queries(
    client, site_with_content, django_assert_max_num_queries, url
):
    with django_assert_max_num_queries(COLD_LIMIT):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(WARM_LIMIT):
        assert client.get(url).status_code == 200


def test_home_query_count_does_not_grow_with_content(
    client, site_with_content, django_assert_max_num_queries
):
    client.get("/")
    for number in range(12, 20):
        news_article(title=f"ข่าว {number}", slug=f"news-{number}")
    with django_assert_max_num_queries(COLD_LIMIT):
        html = client.get("/").content.decode()
    assert "ข่าว 19" in html  # publishing invalidated the cached lists
