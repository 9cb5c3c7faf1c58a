"""Accounts that resist attack: login throttling, the admin's idle timeout, browser policies."""

import time

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.urls import reverse

from config.middleware import IDLE_KEY
from partners.client_ip import client_address
from partners.models import Role
from tests.factories import member

LOGIN = reverse("wagtailadmin_login")


def login(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def worker(partner):
    return member(Role.CASEWORKER, partner=partner, username="somchai")


def test_wrong_passwords_lock_the_account_from_that_address(client, worker):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "somchai", "wrong").status_code == 200  # the form again
    assert login(client, "somchai", "wrong").status_code == 429
    locked = login(client, "somchai", "secret-pass-123")
    assert locked.status_code == 429
    assert "ลองใหม่" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert (
        AccessFailureLog.objects.filter(username="somchai").count() >= settings.AXES_FAILURE_LIMIT
    )


def test_the_lock_holds_only_for_that_address(client, worker):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "somchai", "wrong")
    response = login(client, "somchai", "secret-pass-123", address="198.51.100.9")
    assert response.status_code == 302
    assert AccessLog.objects.filter(username="somchai").exists()  # the successful login


def test_a_successful_login_clears_earlier_failures(client, worker):
    login(client, "somchai", "wrong")
    assert login(client, "somchai", "secret-pass-123").status_code == 302
    assert not AccessAttempt.objects.filter(username="somchai").exists()


def test_the_address_counted_is_the_one_our_proxies_saw(rf, settings):
    settings.THIPHUENG_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    assert client_address(request) == "203.0.113.7"  # the left entry was written by the sender
    settings.THIPHUENG_TRUSTED_PROXY_COUNT = 0
    assert client_address(request) == "127.0.0.1"


def test_the_admin_signs_out_after_the_idle_time(client, worker):
    client.force_login(worker)
    inbox = reverse("workflows_admin:inbox")
    assert client.get(inbox).status_code == 200
    session = client.session
    session[IDLE_KEY] = int(time.time()) - settings.THIPHUENG_ADMIN_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get(inbox)
    assert response.status_code == 302 and response.url.startswith(LOGIN)
    followed = client.get(response.url)
    assert "_auth_user_id" not in client.session
    assert "ไม่มีการใช้งาน" in followed.content.decode()


def test_activity_keeps_the_admin_open(client, worker):
    client.force_login(worker)
    inbox = reverse("workflows_admin:inbox")
    client.get(inbox)
    session = client.session
    session[IDLE_KEY] = int(time.time()) - 60 * (settings.THIPHUENG_ADMIN_IDLE_MINUTES - 1)
    session.save()
    assert client.get(inbox).status_code == 200
    assert client.session[IDLE_KEY] > time.time() - 5


BACKGROUND_REQUESTS = [
    # Wagtail's editor tells the server every few seconds that the page is still open.
    ("post", "wagtailadmin_editing_sessions:ping", ["wagtailcore", "page", "1", 1], {}),
    ("post", "wagtailadmin_editing_sessions:release", [1], {}),
    # Its autosave posts the form and asks for JSON.
    ("post", "wagtailadmin_pages:edit", [1], {"HTTP_ACCEPT": "application/json"}),
    # A background import's page polls its progress every second.
    ("get", "workflows_admin:client_import_progress", [1], {"HTTP_ACCEPT": "application/json"}),
]


@pytest.mark.parametrize(("method", "name", "args", "headers"), BACKGROUND_REQUESTS)
def test_requests_an_open_page_sends_by_itself_are_not_activity(
    client, worker, method, name, args, headers
):
    client.force_login(worker)
    client.get(reverse("workflows_admin:inbox"))
    session = client.session
    seen = int(time.time()) - 60 * (settings.THIPHUENG_ADMIN_IDLE_MINUTES - 1)
    session[IDLE_KEY] = seen
    session.save()
    getattr(client, method)(reverse(name, args=args), **headers)
    assert client.session[IDLE_KEY] == seen
    # ... so a page left open still signs out on time.
    session = client.session
    session[IDLE_KEY] = seen - 120
    session.save()
    getattr(client, method)(reverse(name, args=args), **headers)
    assert "_auth_user_id" not in client.session


def test_sessions_are_shorter_than_two_weeks():
    assert settings.SESSION_COOKIE_AGE < 14 * 24 * 60 * 60
    assert settings.THIPHUENG_ADMIN_IDLE_MINUTES == 30


@pytest.mark.parametrize("url", ["/", "/admin/login/", "/search/?q=x"])
def test_every_page_has_a_content_security_policy_and_a_permissions_policy(client, db, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "object-src 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]


def test_wagtails_date_widgets_carry_no_inline_script(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True))
    html = client.get("/admin/users/").content.decode()
    assert "initDateChooser(" not in html
    assert 'data-widget-start="initDateChooser"' in html
    assert "partners/js/widget-starts.js" in html
