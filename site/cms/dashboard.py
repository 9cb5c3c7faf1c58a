"""What the admin's home page shows, by what the user works on.

Wagtail's page panels (pages to review, your pages in moderation, recent edits, locked pages),
its site summary (pages, images, documents) and its "Search all pages…" box are for people who
work on the website: communications staff, editors, central administrators. A caseworker or a
partner's administrator has no pages; their home page is their work (workflows' MyWorkPanel).
No "What's new in Wagtail" banner, no help items announcing Wagtail's releases or its English
editor guide (and so no "new" badge on the help menu), and no upgrade check (settings).
"""

from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

WAGTAIL_PAGE_PANELS = (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
# Wagtail's help items that announce its releases and its (English-only) editor guide, each with
# a "new" badge on the help menu until dismissed.
WAGTAIL_NEWS_MENU_ITEMS = ("whats-new-in-wagtail", "editor-guide")


def user_works_on_pages(request) -> bool:
    """Whether the user may explore any page (cached on the request: the home page asks twice)."""
    if not hasattr(request, "_works_on_pages"):
        policy = PagePermissionPolicy(Page)
        request._works_on_pages = policy.explorable_root_instance(request.user) is not None
    return request._works_on_pages


def home_panels_for_role(request, panels: list) -> None:
    if not user_works_on_pages(request):
        panels[:] = [panel for panel in panels if not isinstance(panel, WAGTAIL_PAGE_PANELS)]


def home_summary_for_role(request, items: list) -> None:
    if not user_works_on_pages(request):
        items.clear()


def help_menu_without_wagtail_news(request, items: list) -> None:
    items[:] = [item for item in items if not item.name.startswith(WAGTAIL_NEWS_MENU_ITEMS)]
