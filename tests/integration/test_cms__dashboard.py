"""Each role's admin home page shows what that role works on, and no Wagtail release news."""

import pytest
from django.urls import reverse

from cms.demo import load_editor
from partners.models import Role
from tests.factories import member
from tests.factories_cms import site_baseline

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(db):
    site_baseline()


def home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR])
def test_caseworkers_see_their_tasks_and_the_queue_and_no_page_search(client, role):
    html = home(client, member(role))
    assert reverse("workflows_admin:inbox") in html
    assert reverse("workflows_admin:queue") in html
    assert 'role="search"' not in html
    assert "ค้นหาทุกหน้า" not in html
    assert "w-summary" not in html


def test_a_partners_administrator_sees_no_page_panels_or_search(client):
    html = home(client, member(Role.ADMINISTRATOR))
    assert 'role="search"' not in html
    assert "ที่คุณแก้ไขล่าสุด" not in html


def test_communications_staff_see_pages_in_moderation_recent_edits_and_a_page_search(client):
    html = home(client, member(Role.COMMUNICATIONS))
    assert 'role="search"' in html
    assert 'placeholder="ค้นหาทุกหน้า…"' in html
    assert 'value="ค้นหา"' in html
    assert "w-summary" in html


def test_an_editor_sees_pages_to_review(client):
    html = home(client, load_editor())
    assert 'role="search"' in html
    assert "w-summary" in html


@pytest.mark.parametrize("role", list(Role))
def test_no_whats_new_in_wagtail(client, role):
    html = home(client, member(role))
    assert "whats-new-in-wagtail" not in html
    assert "editor-guide" not in html  # its "new" badge nagged on every page
    assert "มีอะไรใหม่" not in html
