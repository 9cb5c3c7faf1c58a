"""A sitemap listing every live page in every language of the site."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    def items(self):
        # Wagtail's own sitemap lists only the site root's tree; its translations are siblings.
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        tree = Page.objects.none()
        for home in homes:
            tree |= Page.objects.descendant_of(home, inclusive=True)
        return tree.live().public().order_by("path").defer_streamfields().specific()
