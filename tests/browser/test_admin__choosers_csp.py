"""Under the Content-Security-Policy (no inline scripts), Wagtail's choosers outside StreamField
and its inline panels work: each chooser opens its modal and a choice fills the field; an
InlinePanel's "add" adds a form whose chooser works too. The `page` fixture fails the test on
any CSP violation the console reports. (Our admin has no image, document or snippet chooser
outside StreamField: tests/integration/test_security__inline_scripts.py renders those.)"""

from playwright.sync_api import expect

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member
from tests.factories_cms import news_article, site_baseline

MODAL = ".modal.in .modal-body"


def open_and_close_chooser(page, field) -> None:
    """Open the chooser of `field` (its wrapper), check the modal loaded, close it."""
    field.locator("[data-chooser-action-choose]").first.click()
    expect(page.locator(MODAL)).to_be_visible()
    expect(page.locator(MODAL)).not_to_be_empty()
    page.locator(".modal.in [data-dismiss=modal]").click()
    expect(page.locator(".modal.in")).to_have_count(0)


def test_choosers_and_inline_panels_work_under_the_csp(page):
    site_baseline()
    news_article(title="ข่าวมีรูป")
    member(Role.ADMINISTRATOR, username="root", is_superuser=True)
    admin_login(page, "root")

    # A page chooser that fills its field.
    page.goto("/admin/settings/cms/sitefooter/")
    page.locator("#id_privacy_page-chooser [data-chooser-action-choose]").click()
    choice = page.locator(f"{MODAL} a.choose-page").first
    title = choice.inner_text().strip()
    choice.click()
    expect(page.locator("#id_privacy_page-chooser")).to_contain_text(title)

    # An InlinePanel's "add", then the task chooser in the form it added.
    page.goto("/admin/workflows/add/")
    page.locator("#id_workflow_tasks-ADD").click()
    added = page.locator("#id_workflow_tasks-FORMS > *").last
    open_and_close_chooser(page, added)

    # Search promotions: the formset's "add" and the page chooser in it.
    page.goto("/admin/searchpicks/add/")
    page.locator("#id_query_string-chooser").click()
    expect(page.locator(MODAL)).to_be_visible()
    page.locator(".modal.in [data-dismiss=modal]").click()
    page.locator("#id_editors_picks-ADD").click()
    open_and_close_chooser(page, page.locator("#id_editors_picks-FORMS > *").last)
