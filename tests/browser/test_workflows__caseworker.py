"""A caseworker on a phone: claims a task from the queue, fills its form, and the case takes the
branch the answers select."""

from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import PartnerFactory, member
from tests.factories_workspace import case_at, open_task


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_caseworker_claims_fills_and_sees_the_branch_on_the_case_page(
    transactional_db, phone_page
):
    partner = PartnerFactory()
    member(Role.CASEWORKER, partner=partner, username="nok")
    case = case_at(partner, first_name="สมปอง", last_name="รักดี")
    task = open_task(case)
    page = phone_page

    admin_login(page, "nok")
    page.goto("/admin/work/queue/")
    card = page.locator(f"[data-task='{task.pk}']")
    assert "คัดกรอง — สมปอง รักดี" in card.inner_text()
    assert no_sideways_scroll(page)

    # Fingers, not pointers: buttons at least 44px tall, form text at least 16px.
    assert card.locator("[data-claim]").bounding_box()["height"] >= 44
    font = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.ws-filters input')).fontSize)"
    )
    assert font >= 16

    card.locator("[data-claim]").click()
    page.wait_for_url(f"**/admin/work/tasks/{task.pk}/")
    # A submit with an answer missing comes back with the first field in error focused, and
    # the summary links to it.
    page.check("input[name=nationality][value=thai]")
    page.click("[data-complete]")
    page.wait_for_selector("[data-fb-error-summary] a[href='#id_age']")
    page.wait_for_function("document.activeElement && document.activeElement.name === 'age'")
    page.check("input[name=nationality][value=thai]")
    page.fill("input[name=age]", "12")
    assert no_sideways_scroll(page)
    page.click("[data-complete]")

    page.wait_for_url(f"**/admin/work/cases/{case.pk}/")
    assert page.locator("[data-current-step]").get_attribute("data-current-step") == "child"
    assert page.locator("[data-outcome]").get_attribute("data-outcome") == "child_protection"
    assert "เด็ก" in page.locator("[data-decision]").first.inner_text()
    # On a phone, the one-column drawing, within the screen's width.
    assert page.locator("svg.process-diagram:visible").count() == 1
    column = page.locator("svg.process-diagram--column")
    assert column.is_visible()
    assert no_sideways_scroll(page)
    # Drawn at its own size, so its decisions' 12px labels stay readable; its box scrolls
    # sideways when they reach further than the screen.
    drawn, made = column.evaluate("e => [e.getBoundingClientRect().width, e.viewBox.baseVal.width]")
    assert drawn >= made - 1
    box = page.locator(".process-diagram-box")
    assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"


SMALL_TARGETS_JS = """
() => {
  const found = [];
  for (const el of document.querySelectorAll(
      '#main a.button, #main button, #main select, #main input:not([type=hidden]), #main textarea,'
      + ' #main label')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || ['checkbox', 'radio'].includes(el.type)) continue;
    const choice = el.querySelector('input[type=radio], input[type=checkbox]');
    if (el.tagName === 'LABEL' && !choice) continue;
    const small = r.height < 43.5;
    const tiny = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
      && parseFloat(getComputedStyle(el).fontSize) < 16;
    const what = el.name || el.textContent.trim();
    if (small || tiny) found.push([location.pathname, el.tagName, what]);
  }
  return found;
}
"""


def test_every_workspace_page_has_finger_sized_targets_and_16px_form_text(
    transactional_db, phone_page
):
    partner = PartnerFactory()
    member(Role.CASEWORKER, partner=partner, username="nok")
    case = case_at(partner, first_name="สมปอง", last_name="รักดี")
    task = open_task(case)
    page = phone_page
    admin_login(page, "nok")
    found = []
    for url in (
        "/admin/work/inbox/",
        "/admin/work/queue/",
        "/admin/work/clients/",
        "/admin/work/clients/add/",
        f"/admin/work/clients/{case.client_id}/",
        f"/admin/work/clients/{case.client_id}/edit/",
        "/admin/work/cases/start/",
        "/admin/work/referrals/",
        f"/admin/work/tasks/{task.pk}/",
        f"/admin/work/cases/{case.pk}/",
    ):
        page.goto(url)
        found += page.evaluate(SMALL_TARGETS_JS)
        assert no_sideways_scroll(page), url
    assert not found
