"""The forms administration: who enters, the list (scope, search, filters, pages), new forms."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from forms_builder.models import FormDefinition, VersionStatus
from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_forms_admin import form_with_fields, text_fields
from tests.factories_partners import central_administrator

INDEX = reverse("forms_builder_admin:index")
CREATE = reverse("forms_builder_admin:create")


def url(name, definition, *args):
    return reverse(f"forms_builder_admin:{name}", args=[definition.pk, *args])


@pytest.fixture
def partner_a(db):
    return PartnerFactory(name_th="เทศบาลนครแหลมฉบัง", name_en="Laem Chabang")


@pytest.fixture
def partner_b(db):
    return PartnerFactory(name_th="เมืองพัทยา", name_en="Pattaya City")


@pytest.fixture
def admin_a(partner_a, client):
    user = member(Role.ADMINISTRATOR, partner=partner_a)
    client.force_login(user)
    return user


@pytest.fixture
def forms_ab(partner_a, partner_b):
    return {
        "a": form_with_fields(partner_a, "street_intake", fields=text_fields(2), publish=True),
        "b": form_with_fields(partner_b, "pattaya_intake", fields=text_fields(2), publish=True),
        "network": form_with_fields(None, "network_referral", fields=text_fields(1), publish=True),
    }


def test_the_forms_menu_is_for_administrators_only(client, partner_a):
    caseworker = member(Role.CASEWORKER, partner=partner_a)
    client.force_login(caseworker)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX not in home
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")

    client.force_login(member(Role.ADMINISTRATOR, partner=partner_a))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in home
    assert client.get(INDEX).status_code == 200


def test_a_caseworker_opens_no_form_screen(client, partner_a, forms_ab):
    client.force_login(member(Role.CASEWORKER, partner=partner_a))
    definition = forms_ab["a"]
    for target in (
        url("detail", definition),
        url("preview", definition, 1),
        url("export", definition),
        CREATE,
    ):
        response = client.get(target)
        assert response.status_code == 302, target
        assert response.url == reverse("wagtailadmin_home")


def test_the_list_shows_own_and_network_forms_not_another_partners(admin_a, client, forms_ab):
    response = client.get(INDEX)
    content = response.content.decode()
    assert "street_intake" in content
    assert "network_referral" in content
    assert "pattaya_intake" not in content


def test_a_central_administrator_sees_every_form(client, forms_ab):
    client.force_login(central_administrator())
    content = client.get(INDEX).content.decode()
    for key in ("street_intake", "pattaya_intake", "network_referral"):
        assert key in content


def test_search_and_filters(client, partner_a, partner_b):
    client.force_login(central_administrator())
    form_with_fields(partner_a, "screening_a", fields=text_fields(1), publish=True)
    FormDefinition.objects.filter(key="screening_a").update(purpose="screening")
    form_with_fields(partner_a, "unpublished_x")
    form_with_fields(partner_b, "followup_b", fields=text_fields(1), publish=True)

    def keys(**params):
        content = client.get(INDEX, params).content.decode()
        return {k for k in ("screening_a", "unpublished_x", "followup_b") if k in content}

    assert keys(q="follow") == {"followup_b"}
    assert keys(q="แบบฟอร์ม screening") == {"screening_a"}
    assert keys(partner=partner_a.pk) == {"screening_a", "unpublished_x"}
    assert keys(purpose="screening") == {"screening_a"}
    assert keys(status="draft_only") == {"unpublished_x"}
    assert keys(status="published") == {"screening_a", "followup_b"}
    assert keys(partner="network") == set()
    # A bad filter value is ignored, not an error.
    assert client.get(INDEX, {"partner": "not-a-number"}).status_code == 200


def test_the_list_pages_with_a_bounded_number_of_queries(
    client, partner_a, django_assert_max_num_queries
):
    admin = member(Role.ADMINISTRATOR, partner=partner_a)
    for n in range(30):
        form_with_fields(partner_a, f"form_{n:02}", fields=text_fields(1), publish=n % 2 == 0)
    client.force_login(admin)
    client.get(INDEX)  # warm the session and Wagtail's caches
    with django_assert_max_num_queries(16):
        response = client.get(INDEX)
    content = response.content.decode()
    assert "form_00" in content and "form_29" not in content
    assert "form_29" in client.get(INDEX, {"p": 2}).content.decode()


def test_a_partner_administrator_creates_a_form_for_their_partner(admin_a, client, partner_a):
    response = client.post(
        CREATE,
        {
            "partner": partner_a.pk,
            "key": "street_intake",
            "name_th": "แบบรับแจ้งคนไร้ที่พึ่ง",
            "name_en": "Street intake",
            "purpose": "intake",
        },
    )
    definition = FormDefinition.objects.get(key="street_intake")
    assert response.status_code == 302
    assert response.url == url("draft", definition)
    assert definition.partner == partner_a
    assert definition.versions.get().status == VersionStatus.DRAFT


def test_a_partner_administrator_cannot_create_for_another_or_the_network(
    admin_a, client, partner_b
):
    for partner in (partner_b.pk, ""):
        response = client.post(
            CREATE,
            {"partner": partner, "key": "x_form", "name_th": "แบบ", "purpose": "intake"},
        )
        assert response.status_code == 200
        assert response.context["form"].errors["partner"]
    assert not FormDefinition.objects.exists()


def test_create_reports_every_bad_input_and_saves_nothing(admin_a, client, partner_a):
    form_with_fields(partner_a, "taken")
    response = client.post(CREATE, {"partner": partner_a.pk, "key": "taken", "purpose": "nope"})
    errors = response.context["form"].errors
    assert set(errors) == {"key", "name_th", "purpose"}
    assert FormDefinition.objects.count() == 1
    response = client.post(
        CREATE, {"partner": partner_a.pk, "key": "ไทย", "name_th": "แบบ", "purpose": "intake"}
    )
    assert "key" in response.context["form"].errors
    assert "Enter a valid" not in response.content.decode()  # Thai messages in a Thai admin


def test_a_central_administrator_creates_a_network_wide_form(db, client):
    client.force_login(central_administrator())
    response = client.post(
        CREATE, {"partner": "", "key": "referral", "name_th": "แบบส่งต่อ", "purpose": "referral"}
    )
    assert response.status_code == 302
    assert FormDefinition.objects.get(key="referral").partner is None


def test_another_partners_form_is_404_on_every_screen(admin_a, client, forms_ab):
    other = forms_ab["b"]
    field = other.versions.get().fields.first()
    gets = [
        url("detail", other),
        url("details", other),
        url("draft", other),
        url("version", other, 1),
        url("preview", other, 1),
        url("preview_frame", other, 1),
        url("copy", other),
        url("export", other),
        url("field_edit", other, field.pk),
        url("field_delete", other, field.pk),
        url("field_add", other) + "?type=short_text",
    ]
    for target in gets:
        assert client.get(target).status_code == 404, target
    posts = [
        url("draft_start", other),
        url("publish", other),
        url("field_move", other, field.pk, "up"),
        url("field_delete", other, field.pk),
        url("copy", other),
    ]
    for target in posts:
        assert client.post(target).status_code == 404, target
    assert other.versions.count() == 1


def test_network_forms_are_read_only_for_partner_administrators(admin_a, client, forms_ab):
    shared = forms_ab["network"]
    assert client.get(url("detail", shared)).status_code == 200
    assert client.get(url("version", shared, 1)).status_code == 200
    assert client.get(url("preview", shared, 1)).status_code == 200
    assert client.get(url("export", shared)).status_code == 200
    assert client.post(url("draft_start", shared)).status_code == 404
    assert client.get(url("details", shared)).status_code == 404
    assert shared.versions.count() == 1
    content = client.get(url("detail", shared)).content.decode()
    assert url("draft_start", shared) not in content


def test_a_central_administrator_edits_a_network_form(client, forms_ab):
    client.force_login(central_administrator())
    shared = forms_ab["network"]
    assert client.post(url("draft_start", shared)).status_code == 302
    assert shared.versions.filter(status=VersionStatus.DRAFT).count() == 1
    assert client.get(url("draft", shared)).status_code == 200


def test_names_and_purpose_are_edited_without_a_new_version(admin_a, client, forms_ab):
    definition = forms_ab["a"]
    response = client.post(
        url("details", definition),
        {"name_th": "แบบใหม่", "name_en": "New", "purpose": "screening"},
    )
    assert response.status_code == 302
    definition.refresh_from_db()
    assert (definition.name_th, definition.purpose) == ("แบบใหม่", "screening")
    assert definition.versions.count() == 1
    response = client.post(url("details", definition), {"name_th": "", "purpose": "intake"})
    assert "name_th" in response.context["form"].errors
    definition.refresh_from_db()
    assert definition.name_th == "แบบใหม่"


def test_the_admin_speaks_english_too(admin_a, client, forms_ab):
    profile = UserProfile.get_for_user(admin_a)
    profile.preferred_language = "en"
    profile.save()
    content = client.get(url("detail", forms_ab["a"])).content.decode()
    assert "Versions" in content and "Copy to another partner" in content
