"""Playwright driving Debian's Chromium against Django's live server. No browser is downloaded."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_db(django_db_serialized_rollback, transactional_db):
    """Every browser test runs on a flushed database restored from what the migrations made
    (role groups, Wagtail's root page and locales), whatever ran before it: a live server needs
    a transactional database, and mixing serialized and plain ones fails by test order."""


@pytest.fixture
def page(browser_db, chromium, live_server):
    """A fresh Thai-language browser page; `page.base_url` is the live server."""
    context = chromium.new_context(locale="th-TH", base_url=live_server.url)
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    browser_page.base_url = live_server.url
    violations = csp_violations(browser_page)
    yield browser_page
    context.close()
    assert not violations, violations


@pytest.fixture
def phone_page(browser_db, chromium, live_server):
    """A Thai-language page at a phone's viewport."""
    context = chromium.new_context(
        locale="th-TH",
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    browser_page.base_url = live_server.url
    violations = csp_violations(browser_page)
    yield browser_page
    context.close()
    assert not violations, violations


def csp_violations(browser_page) -> list[str]:
    """What the Content-Security-Policy blocked on this page, as Chromium reports it."""
    found: list[str] = []

    def listen(message):
        if "Content Security Policy" in message.text:
            found.append(message.text)

    browser_page.on("console", listen)
    return found


def admin_login(page, username: str, password: str = "secret-pass-123") -> None:
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
