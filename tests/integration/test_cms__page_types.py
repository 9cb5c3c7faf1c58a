"""Which page types may be created where (Wagtail's own test assertions)."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import (
    CampaignPage,
    ContentPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    PartnerNetworkPage,
    ReportPage,
)


class PageTypeRulesTests(WagtailPageTestCase):
    def test_the_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage, {NewsIndexPage, CampaignPage, PartnerNetworkPage, ContentPage, ReportPage}
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_pages_come_from_the_migration_and_the_translate_action_only(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(root))
        self.assertNotIn(HomePage, root.specific_class.creatable_subpage_models())
        self.assertEqual(HomePage.objects.filter(locale__language_code="th").count(), 1)

    def test_news_articles_live_in_the_news_index_only(self):
        self.assertCanCreateAt(NewsIndexPage, NewsArticlePage)
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        for parent in (HomePage, ContentPage, CampaignPage, PartnerNetworkPage):
            self.assertCanNotCreateAt(parent, NewsArticlePage)

    def test_sections_sit_under_the_home_page(self):
        for model in (NewsIndexPage, CampaignPage, PartnerNetworkPage):
            self.assertCanCreateAt(HomePage, model)
            self.assertCanNotCreateAt(ContentPage, model)
            self.assertCanNotCreateAt(Page, model)
        self.assertAllowedSubpageTypes(CampaignPage, set())
        self.assertAllowedSubpageTypes(PartnerNetworkPage, set())

    def test_content_pages_nest(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(NewsIndexPage, ContentPage)
