"""A sitemap listing every live page in every language of the site."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# Host names a Site record has before anyone sets the real one (Wagtail's default, the demo's).
UNSET_HOSTNAMES = {"localhost", "127.0.0.1"}


class BilingualSitemap(Sitemap):
    def items(self):
        # Wagtail's own sitemap lists only the site root's tree; its translations are siblings.
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        tree = Page.objects.none()
        for home in homes:
            tree |= Page.objects.descendant_of(home, inclusive=True)
        return tree.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Absolute addresses from the request while the Site record still has a local host name
        (served elsewhere, a sitemap of http://127.0.0.1:8000/… helps nobody); from the Site
        record once production has set it (docs: Settings → Sites)."""
        urls = super()._urls(page, protocol, domain)
        site = self.get_wagtail_site()
        if self.request is None or site.hostname not in UNSET_HOSTNAMES:
            return urls
        here = self.request.build_absolute_uri("/").rstrip("/")
        if here == site.root_url:
            return urls
        for url in urls:
            if url["location"].startswith(site.root_url):
                url["location"] = here + url["location"][len(site.root_url) :]
        return urls
