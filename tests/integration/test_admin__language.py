import json

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from partners.models import Role
from tests.factories import member


def switch_url(language: str, next_url: str = "") -> str:
    url = reverse("partners_admin:language", args=[language])
    return f"{url}?next={next_url}" if next_url else url


@pytest.fixture
def admin_user(db, client):
    user = member(Role.ADMINISTRATOR, username="a.admin")
    client.force_login(user)
    return user


def test_switching_renders_the_admin_in_english_and_back(admin_user, client):
    people = reverse("partners_admin:person_index")
    thai = client.get(people).content.decode()
    assert 'lang="th"' in thai and "บุคลากร" in thai

    response = client.post(switch_url("en", people))
    assert response.status_code == 302 and response.url == people
    assert UserProfile.get_for_user(admin_user).preferred_language == "en"
    english = client.get(people).content.decode()
    assert 'lang="en"' in english and "People" in english and "บุคลากร" not in english
    # The switcher now offers Thai.
    assert json.dumps("ไทย")[1:-1] in english and switch_url("th") in english

    response = client.post(switch_url("th"), HTTP_REFERER="http://testserver" + people)
    assert response.url == "http://testserver" + people
    assert 'lang="th"' in client.get(people).content.decode()


def test_switcher_is_on_every_admin_page(admin_user, client):
    for url in (reverse("wagtailadmin_home"), reverse("partners_admin:partner_index")):
        content = client.get(url).content.decode()
        assert switch_url("en") in content and "English" in content


def test_switching_is_never_a_get(admin_user, client):
    assert client.get(switch_url("en")).status_code == 405
    assert UserProfile.get_for_user(admin_user).preferred_language in ("", "th")


def test_switching_needs_the_csrf_token(admin_user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    assert strict.post(switch_url("en")).status_code == 403
    assert UserProfile.get_for_user(admin_user).preferred_language in ("", "th")


def test_unknown_language_and_foreign_next_are_refused(admin_user, client):
    assert client.post(switch_url("fr")).status_code == 404
    response = client.post(switch_url("en", "https://evil.example/"))
    assert response.url == reverse("wagtailadmin_home")


def test_caseworker_can_switch_too(db, client):
    client.force_login(member(Role.CASEWORKER))
    assert client.post(switch_url("en")).status_code == 302
    assert 'lang="en"' in client.get(reverse("wagtailadmin_home")).content.decode()
