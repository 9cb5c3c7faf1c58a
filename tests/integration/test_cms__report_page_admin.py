"""Communications staff add and edit the report page like any other page, once per language."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ContentPage, HomePage, ReportPage
from partners.models import Role
from tests.factories import member
from tests.factories_cms import report_page, thai_home


def report_form(**fields) -> dict:
    data = {
        "title": "แจ้งพบคนไร้ที่พึ่ง",
        "slug": "report",
        "introduction": rich_text("<p>บอกเราว่าพบที่ไหน</p>"),
        "privacy_notice": rich_text("<p>ประกาศความเป็นส่วนตัว</p>"),
        "thank_you_text": rich_text("<p>ขอบคุณ</p>"),
        "lead_image": streamfield([]),
        "comments": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


class ReportPageAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.communications = member(Role.COMMUNICATIONS, username="comms")
        self.client.force_login(self.communications)

    def test_it_lives_under_the_home_page_only_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ReportPage, {HomePage})
        self.assertAllowedSubpageTypes(ReportPage, set())
        self.assertCanNotCreateAt(ContentPage, ReportPage)

    def test_communications_staff_add_it(self):
        self.assertCanCreate(thai_home(), ReportPage, report_form(), publish=False)
        page = ReportPage.objects.get(slug="report")
        self.assertEqual(page.owner, self.communications)
        self.assertIn("ประกาศความเป็นส่วนตัว", page.privacy_notice)

    def test_the_privacy_notice_and_thank_you_text_are_required_to_publish(self):
        page = ReportPage(title="แจ้งเหตุ", slug="report", locale=thai_home().locale)
        with self.assertRaises(ValidationError) as raised:
            page.full_clean(exclude=["path", "depth"])
        self.assertTrue({"privacy_notice", "thank_you_text"} <= set(raised.exception.error_dict))

    def test_communications_staff_edit_it(self):
        page = report_page()
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = report_form(thank_you_text=rich_text("<p>ขอบคุณมาก</p>"))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertIn("ขอบคุณมาก", page.get_latest_revision_as_object().thank_you_text)

    def test_one_per_home_page_and_so_one_per_language(self):
        report_page()
        self.assertFalse(ReportPage.can_create_at(thai_home()))
