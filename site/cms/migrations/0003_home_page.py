"""The Thai home page replaces Wagtail's welcome page and becomes the default site's root."""

import uuid

from django.db import migrations

HOME_TITLE = "ที่พึ่ง"
STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_path(parent_path: str, last_child_path: str | None) -> str:
    number = int(last_child_path[-STEP:], 36) + 1 if last_child_path else 1
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return parent_path + digits.rjust(STEP, "0")


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")
    if HomePage.objects.exists():
        return
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    # Wagtail's own welcome page: a plain, childless wagtailcore.Page.
    Page.objects.filter(
        depth=2, numchild=0, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=content_type,
        path=_next_path(root.path, last),
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=root.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
    )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
    updated = Site.objects.filter(is_default_site=True).update(root_page_id=home.pk)
    if not updated:
        Site.objects.create(
            hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_site_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
