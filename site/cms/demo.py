"""Demo content of the public site, in Thai. Idempotent."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import HomePage


@transaction.atomic
def load(*, partners) -> HomePage:
    locale_th, _ = Locale.objects.get_or_create(language_code="th")
    # Wagtail's own welcome page (a plain Page) is replaced by ours.
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    home = HomePage.objects.filter(locale=locale_th).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="ที่พึ่ง",
                slug="home",
                locale=locale_th,
                introduction="<p>เครือข่ายคุ้มครองคนไร้ที่พึ่งและคนขอทานจังหวัดชลบุรี</p>",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home.pk:
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "ที่พึ่ง"},
        )
    return home
