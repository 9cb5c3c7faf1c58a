from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories import member


def test_a_caseworker_signs_in_to_the_thai_admin(transactional_db, page):
    member(Role.CASEWORKER, username="somchai")
    admin_login(page, "somchai")
    assert page.locator("html").get_attribute("lang") == "th"
