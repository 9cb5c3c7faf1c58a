"""The admin home page by role, Wagtail's help menu without its release news (cms.dashboard),
the admin's own stylesheet on every page, and which served pages the page cache may keep
(cms.page_cache)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from cms import dashboard, page_cache

hooks.register("construct_homepage_panels", dashboard.home_panels_for_role)
hooks.register("construct_homepage_summary_items", dashboard.home_summary_for_role)
hooks.register("construct_help_menu", dashboard.help_menu_without_wagtail_news)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cms/admin.css"))


@hooks.register("before_serve_page", order=100)
def page_cache_mark(page, request, serve_args, serve_kwargs):
    page_cache.page_mark(page, request)
