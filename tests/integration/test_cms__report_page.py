"""The public report page: send, thank-you, honeypot, rate limit, bad input, transient errors."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError

from cms.reports.sending import RATE_LIMIT
from forms_builder.models import AnswerFile, AnswerSet
from tests.factories_cms import english_home, fresh_cache, report_page, translate  # noqa: F401
from tests.factories_reports import jpeg, report_data, report_network
from workflows.models import Case, PublicReport, ReporterContact

pytestmark = pytest.mark.django_db

URL = "/report/"
THANKS = "/report/thanks/"


@pytest.fixture
def network(db):
    return report_network()


@pytest.fixture
def page(network):
    thai = report_page()
    english_home()
    translate(
        thai,
        title="Report a person who needs help",
        slug="report",
        privacy_notice="<p>Privacy notice: only the local partner sees it.</p>",
        thank_you_text="<p>Thank you for reporting.</p>",
    )
    return thai


def post(client, data: dict, url: str = URL, **files):
    return client.post(url, {**data, **files})


def counts() -> tuple[int, int, int, int]:
    return (
        PublicReport.objects.count(),
        Case.objects.count(),
        AnswerSet.objects.count(),
        ReporterContact.objects.count(),
    )


def test_the_form_renders_in_thai_with_the_privacy_notice_before_the_send_button(client, page):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "พบบุคคลนี้ที่ไหน" in html and "ส่งรายงาน" in html
    assert html.index("data-privacy-notice") < html.index("report-send")
    assert 'name="reporter-website"' in html and 'name="reporter-consent"' in html
    assert "no-store" in response["Cache-Control"]


def test_the_english_page_asks_in_english(client, page):
    html = client.get("/en" + URL).content.decode()
    assert "Where did you see the person?" in html
    assert "Send the report" in html and "Privacy notice: only the local partner" in html


def test_a_report_redirects_to_its_thank_you_page_with_the_reference_and_1300(
    client, network, page
):
    data = report_data("200402", in_danger="yes", description="ชายนอนริมถนน")
    data.update({"reporter-name": "สมหญิง", "reporter-phone": "081 234 5678"})
    data["reporter-consent"] = "on"
    response = post(client, data, photo=jpeg())
    assert response.status_code == 302 and response["Location"] == THANKS

    report = PublicReport.objects.get()
    assert report.case.partner == network["pattaya"]
    assert report.urgent
    html = client.get(THANKS).content.decode()
    assert report.reference in html and 'href="tel:1300"' in html
    assert report.reference not in response["Location"]
    # The contact is kept apart: never in the answers that travel with the case.
    contact = report.reporter_contact
    assert contact.phone == "0812345678" and contact.consent_to_contact
    assert "0812345678" not in str(report.answer_set.data)
    assert "สมหญิง" not in str(report.answer_set.data)


def test_a_guessed_thank_you_url_shows_nothing(client, page):
    response = client.get(THANKS)
    assert response.status_code == 302 and response["Location"] == URL


def test_the_honeypot_looks_accepted_and_stores_nothing(client, page):
    response = post(client, {**report_data(), "reporter-website": "http://spam.example"})
    assert response.status_code == 302 and response["Location"] == THANKS
    assert counts() == (0, 0, 0, 0)
    html = client.get(THANKS).content.decode()
    assert "data-report-reference" not in html


@pytest.mark.parametrize("prefix, message", [("", "กรุณารอ"), ("/en", "Please wait 10 minutes")])
def test_the_rate_limit_answers_429_with_a_clear_message_and_stores_nothing(
    client, page, prefix, message
):
    for _ in range(RATE_LIMIT):  # robots' posts count too
        post(client, {**report_data(), "reporter-website": "x"}, url=prefix + URL)
    response = post(client, report_data(description="ยังอยู่ที่เดิม"), url=prefix + URL)
    html = response.content.decode()
    assert response.status_code == 429
    assert "data-report-rate-limited" in html and message in html
    assert "ยังอยู่ที่เดิม" in html  # the answers are kept for later
    assert counts() == (0, 0, 0, 0)


def test_the_rate_limit_is_per_address(client, page):
    for _ in range(RATE_LIMIT):
        post(client, {**report_data(), "reporter-website": "x"})
    response = client.post(URL, report_data(), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302 and PublicReport.objects.count() == 1


def test_a_non_image_photo_is_rejected_and_nothing_is_stored(client, page):
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 an executable", "image/jpeg")
    response = post(client, report_data(), photo=fake)
    html = response.content.decode()
    assert response.status_code == 200
    assert "fb-field--error" in html and "เลือกภาพอีกครั้ง" in html
    assert counts() == (0, 0, 0, 0) and AnswerFile.objects.count() == 0


def test_what_the_reporter_typed_is_shown_escaped(client, page):
    data = report_data(description='<script>alert("x")</script>')
    data["location_2"] = ""  # an error, so the answers come back
    data["reporter-name"] = "<b>bold</b>"
    html = post(client, data).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>bold</b>" not in html
    assert counts() == (0, 0, 0, 0)


def test_contact_details_need_consent_and_consent_needs_a_way_to_reach(client, page):
    html = post(client, {**report_data(), "reporter-phone": "0812345678"}).content.decode()
    assert "reporter-consent" in html and "fb-error" in html
    html = post(client, {**report_data(), "reporter-consent": "on"}).content.decode()
    assert "fb-error" in html
    assert counts() == (0, 0, 0, 0)


def test_an_anonymous_report_keeps_no_contact(client, network, page):
    assert post(client, report_data("200703")).status_code == 302
    report = PublicReport.objects.get()
    assert report.case.partner == network["laem-chabang"]
    assert not ReporterContact.objects.exists()


def test_a_failure_while_sending_shows_an_error_keeps_the_answers_and_writes_nothing(
    client, page, monkeypatch
):
    def broken_start(**kwargs):
        raise OperationalError("the database went away")

    monkeypatch.setattr("workflows.services.public_reports.case_start", broken_start)
    response = post(client, report_data(description="หญิงชรานั่งอยู่หน้าวัด"), photo=jpeg())
    html = response.content.decode()
    assert response.status_code == 503
    assert "data-report-send-failed" in html and "หญิงชรานั่งอยู่หน้าวัด" in html
    assert counts() == (0, 0, 0, 0)
    assert client.get(THANKS).status_code == 302  # no thank-you without a case

    monkeypatch.undo()
    response = post(client, report_data(description="หญิงชรานั่งอยู่หน้าวัด"))
    assert response.status_code == 302 and PublicReport.objects.count() == 1


def test_without_a_published_report_form_the_page_points_to_1300(client):
    report_page()
    html = client.get(URL).content.decode()
    assert 'href="tel:1300"' in html and '<form class="report-form"' not in html


def test_the_report_page_renders_in_bounded_queries(client, page, django_assert_max_num_queries):
    client.get(URL)
    with django_assert_max_num_queries(16):
        assert client.get(URL).status_code == 200


def test_the_reference_is_ten_unambiguous_characters(client, page):
    post(client, report_data())
    reference = PublicReport.objects.get().reference
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{10}", reference)


def test_behind_a_trusted_proxy_the_forwarded_address_is_limited(client, page, settings):
    settings.THIPHUENG_TRUSTED_PROXY_COUNT = 1
    for _ in range(RATE_LIMIT):
        client.post(URL, {**report_data(), "reporter-website": "x"}, HTTP_X_FORWARDED_FOR="1.2.3.4")
    blocked = client.post(URL, report_data(), HTTP_X_FORWARDED_FOR="1.2.3.4")
    # A spoofed left-most entry does not escape: only the proxy's own entry counts.
    spoofed = client.post(URL, report_data(), HTTP_X_FORWARDED_FOR="9.9.9.9, 1.2.3.4")
    other = client.post(URL, report_data(), HTTP_X_FORWARDED_FOR="5.6.7.8")
    assert (blocked.status_code, spoofed.status_code, other.status_code) == (429, 429, 302)
