"""The admin home page by role, and Wagtail's help menu without its release news (cms.dashboard)."""

from wagtail import hooks

from cms import dashboard

hooks.register("construct_homepage_panels", dashboard.home_panels_for_role)
hooks.register("construct_homepage_summary_items", dashboard.home_summary_for_role)
hooks.register("construct_help_menu", dashboard.help_menu_without_wagtail_news)
