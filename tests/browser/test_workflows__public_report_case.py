"""A Pattaya caseworker on a phone opens a public report's case: the reporter's answers, photo
and contact are there, and the report can be closed as not actionable."""

from partners.demo import demo_username
from partners.models import Role
from tests.browser.conftest import admin_login
from tests.factories_reports import jpeg, report_data, report_form, report_network
from workflows.services.public_reports import public_report_submit


def test_a_caseworker_sees_the_report_and_closes_it_as_not_actionable(
    transactional_db, phone_page, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    report_network()
    report = public_report_submit(
        form=report_form(report_data("200402", is_ill="yes"), files={"photo": jpeg()}),
        reporter={"name": "สมศรี", "phone": "0812345678"},
        consent=True,
    )
    page = phone_page
    admin_login(page, demo_username("pattaya", Role.CASEWORKER), "demo")
    page.goto(f"/admin/work/cases/{report.case.pk}/")
    panel = page.locator("#public-report")
    assert report.reference in panel.inner_text()
    assert "0812345678" in page.locator("#reporter-contact").inner_text()
    assert panel.locator("img.ws-report-photo").evaluate("img => img.naturalWidth") == 20
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    panel.screenshot(path=str(tmp_path / "panel.png"))

    page.click("text=ระบุว่าไม่สามารถดำเนินการได้")
    page.wait_for_selector("[data-outcome=not_actionable]")
    assert page.locator("#public-report form").count() == 0
