import pytest
from django.urls import reverse

from partners.models import Partner, PartnerKind, Role, ServiceArea
from tests.factories import PartnerFactory, ServiceAreaFactory, member
from tests.factories_partners import central_administrator

INDEX = reverse("partners_admin:partner_index")
ADD = reverse("partners_admin:partner_add")


def edit_url(partner):
    return reverse("partners_admin:partner_edit", args=[partner.pk])


def active_url(partner):
    return reverse("partners_admin:partner_active", args=[partner.pk])


def partner_post(**overrides):
    data = {
        "code": "bang-lamung",
        "name_th": "อำเภอบางละมุง",
        "name_en": "Bang Lamung District",
        "kind": PartnerKind.OTHER,
        "address": "",
        "phone": "038-000-000",
        "email": "",
        "website": "",
        "contact_person": "",
        "areas-TOTAL_FORMS": "2",
        "areas-INITIAL_FORMS": "0",
        "areas-MIN_NUM_FORMS": "0",
        "areas-MAX_NUM_FORMS": "1000",
        "areas-0-province": "20",
        "areas-0-district": "2004",
        "areas-0-subdistrict": "200402",
        "areas-1-province": "20",
        "areas-1-district": "2007",
        "areas-1-subdistrict": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def central(db, client):
    user = central_administrator()
    client.force_login(user)
    return user


def test_central_administrator_creates_a_partner_with_service_areas(central, client):
    response = client.post(ADD, partner_post())
    assert response.status_code == 302
    partner = Partner.objects.get(code="bang-lamung")
    assert set(partner.service_areas.values_list("code", flat=True)) == {"2007", "200402"}
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.for_instance(partner).get()
    assert (entry.action, entry.user) == ("wagtail.create", central)


def test_central_administrator_lists_every_partner(central, client):
    PartnerFactory(name_th="เทศบาลหนึ่ง")
    PartnerFactory(name_th="เทศบาลสอง")
    content = client.get(INDEX).content.decode()
    assert "เทศบาลหนึ่ง" in content and "เทศบาลสอง" in content
    assert ADD in content


def test_central_administrator_edits_areas_and_deactivates(central, client):
    partner = PartnerFactory()
    ServiceAreaFactory(partner=partner, code="200402")
    data = partner_post(
        code=partner.code,
        **{
            "areas-TOTAL_FORMS": "1",
            "areas-INITIAL_FORMS": "1",
            "areas-0-province": "20",
            "areas-0-district": "2007",
            "areas-0-subdistrict": "200703",
        },
    )
    data.pop("areas-1-province"), data.pop("areas-1-district"), data.pop("areas-1-subdistrict")
    assert client.post(edit_url(partner), data).status_code == 302
    assert list(partner.service_areas.values_list("code", flat=True)) == ["200703"]

    caseworker = member(Role.CASEWORKER, partner=partner)
    assert caseworker.groups.filter(name="เจ้าหน้าที่ผู้ปฏิบัติงาน").exists()
    assert client.post(active_url(partner), {"active": "0"}).status_code == 302
    partner.refresh_from_db()
    assert not partner.is_active
    assert not caseworker.groups.filter(name="เจ้าหน้าที่ผู้ปฏิบัติงาน").exists()
    client.post(active_url(partner), {"active": "1"})
    partner.refresh_from_db()
    assert partner.is_active
    assert caseworker.groups.filter(name="เจ้าหน้าที่ผู้ปฏิบัติงาน").exists()


def test_edit_page_renders_existing_areas_as_chained_selects(central, client):
    partner = PartnerFactory()
    ServiceAreaFactory(partner=partner, code="200402")
    content = client.get(edit_url(partner)).content.decode()
    assert 'value="200402" selected' in content
    assert "หนองปรือ" in content
    assert "service-areas.js" in content


def test_area_children_endpoint(central, client):
    url = reverse("partners_admin:area_children")
    areas = client.get(url, {"parent": "2004"}).json()["areas"]
    assert {"code": "200402", "name": "หนองปรือ"} in areas
    assert client.get(url, {"parent": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ({"areas-0-province": "99"}, "Unknown province"),
        ({"areas-0-district": "2104"}, "not in the chosen province"),
        ({"areas-0-district": "2099"}, "Unknown district"),
        ({"areas-0-subdistrict": "200702"}, "not in the chosen district"),
        ({"areas-0-subdistrict": "200499"}, "Unknown subdistrict"),
        ({"areas-0-province": "", "areas-0-district": "2004"}, "province first"),
        ({"areas-1-district": "2004", "areas-1-subdistrict": "200402"}, "chosen twice"),
    ],
)
def test_wrong_service_areas_are_rejected_and_nothing_is_written(central, client, area, message):
    with_english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(central)
    profile.preferred_language = "en"
    profile.save()
    response = client.post(ADD, partner_post(**area), **with_english)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Partner.objects.filter(code="bang-lamung").exists()
    assert not ServiceArea.objects.exists()


def test_unknown_area_is_rejected_in_thai(central, client):
    response = client.post(ADD, partner_post(**{"areas-0-province": "99"}))
    assert "ไม่พบรหัสจังหวัด" in response.content.decode()
    assert not Partner.objects.filter(code="bang-lamung").exists()


def test_partner_administrator_sees_and_edits_only_their_own_partner(db, client):
    own, other = PartnerFactory(name_th="เทศบาลของฉัน"), PartnerFactory(name_th="เทศบาลอื่น")
    ServiceAreaFactory(partner=own, code="200402")
    client.force_login(member(Role.ADMINISTRATOR, partner=own))

    content = client.get(INDEX).content.decode()
    assert "เทศบาลของฉัน" in content and "เทศบาลอื่น" not in content
    assert ADD not in content
    assert client.get(edit_url(other)).status_code == 404
    own_page = client.get(edit_url(own)).content.decode()
    assert 'name="contact_person"' in own_page and 'name="referral_answer_days"' in own_page
    assert 'name="kind"' not in own_page and 'name="areas-0-province"' not in own_page
    assert client.post(edit_url(other), {"phone": "1"}).status_code == 404
    assert client.post(active_url(other), {"active": "0"}).status_code == 404

    response = client.post(
        edit_url(own),
        {
            "phone": "038-111-222",
            "kind": PartnerKind.CENTER,
            "areas-0-province": "10",
            "address": "",
            "email": "",
            "website": "",
            "contact_person": "คุณสมศรี",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.phone, own.contact_person, own.kind) == ("038-111-222", "คุณสมศรี", "municipality")
    assert list(own.service_areas.values_list("code", flat=True)) == ["200402"]


def test_partner_administrator_cannot_create_or_deactivate(db, client):
    own = PartnerFactory()
    client.force_login(member(Role.ADMINISTRATOR, partner=own))
    assert client.get(ADD).url == reverse("wagtailadmin_home")
    client.post(ADD, partner_post())
    assert not Partner.objects.filter(code="bang-lamung").exists()
    assert client.post(active_url(own), {"active": "0"}).url == reverse("wagtailadmin_home")
    own.refresh_from_db()
    assert own.is_active


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.CASEWORKER, Role.COMMUNICATIONS])
def test_other_roles_cannot_open_the_partner_admin(db, client, role):
    partner = PartnerFactory()
    client.force_login(member(role, partner=partner))
    response = client.get(INDEX)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert client.get(edit_url(partner)).status_code == 404
    assert client.post(active_url(partner), {"active": "0"}).status_code == 302
    partner.refresh_from_db()
    assert partner.is_active


def test_partner_list_query_count_does_not_grow_with_rows(
    central, client, django_assert_max_num_queries
):
    for _ in range(40):
        partner = PartnerFactory()
        ServiceAreaFactory(partner=partner, code="200402")
        member(Role.CASEWORKER, partner=partner)
    client.get(INDEX)  # warm per-process caches (content types, site)
    with django_assert_max_num_queries(20):
        response = client.get(INDEX)
    assert response.content.decode().count('href="/admin/partners/') >= 41


def test_a_partner_administrator_ticks_the_kinds_of_referral_it_accepts(db, client):
    own = PartnerFactory(name_th="บ้านพักเด็ก")
    client.force_login(member(Role.ADMINISTRATOR, partner=own))
    page = client.get(edit_url(own)).content.decode()
    assert 'name="referral_kinds" value="child_protection"' in page and "การคุ้มครองเด็ก" in page
    contacts = {"address": "", "email": "", "website": "", "contact_person": "", "phone": ""}
    response = client.post(edit_url(own), {**contacts, "referral_kinds": ["made_up"]})
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.referral_kinds == []
    client.post(edit_url(own), {**contacts, "referral_kinds": ["child_protection", "shelter"]})
    own.refresh_from_db()
    assert own.referral_kinds == ["child_protection", "shelter"]
