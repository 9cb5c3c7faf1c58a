import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from partners.models import Membership, PartnerKind, Role, User
from tests.factories import MembershipFactory, PartnerFactory, UserFactory, member
from tests.factories_partners import central_administrator

INDEX = reverse("partners_admin:person_index")
ADD = reverse("partners_admin:person_add")
HOME = reverse("wagtailadmin_home")


def edit_url(person):
    return reverse("partners_admin:person_edit", args=[person.pk])


def active_url(person):
    return reverse("partners_admin:person_active", args=[person.pk])


def revoke_url(membership):
    return reverse("partners_admin:membership_revoke", args=[membership.user_id, membership.pk])


def new_person(partner, **overrides):
    data = {
        "username": "pattaya.somsri",
        "first_name": "สมศรี",
        "last_name": "มีสุข",
        "email": "somsri@example.org",
        "password1": "Khon-Rai-Thi-Phueng-2564",
        "password2": "Khon-Rai-Thi-Phueng-2564",
        "partner": partner.pk,
        "role": Role.CASEWORKER,
    }
    data.update(overrides)
    return data


@pytest.fixture
def partner_a(db):
    return PartnerFactory(name_th="เทศบาลเอ")


@pytest.fixture
def partner_b(db):
    return PartnerFactory(name_th="เทศบาลบี")


@pytest.fixture
def admin_a(client, partner_a):
    user = member(Role.ADMINISTRATOR, partner=partner_a, username="a.admin")
    client.force_login(user)
    return user


# --- a partner administrator at their own partner -------------------------------------------


def test_partner_administrator_creates_a_person_with_a_role(admin_a, client, partner_a):
    response = client.post(ADD, new_person(partner_a))
    person = User.objects.get(username="pattaya.somsri")
    assert response.status_code == 302 and response.url == edit_url(person)
    assert person.check_password("Khon-Rai-Thi-Phueng-2564")
    assert not person.is_superuser and not person.is_staff
    assert Membership.objects.filter(user=person, partner=partner_a, role=Role.CASEWORKER).exists()
    assert person.groups.filter(name="เจ้าหน้าที่ผู้ปฏิบัติงาน").exists()
    actions = set(ModelLogEntry.objects.for_instance(person).values_list("action", "user"))
    assert actions == {("wagtail.create", admin_a.pk), ("partners.membership.grant", admin_a.pk)}


@pytest.mark.parametrize(
    "overrides",
    [
        {"password1": "123", "password2": "123"},
        {"password1": "password", "password2": "password"},
        {"password2": "something-else-9876"},
        {"username": "a.admin"},
        {"username": "has space"},
    ],
)
def test_bad_person_input_is_rejected_and_nothing_written(admin_a, client, partner_a, overrides):
    before = User.objects.count()
    response = client.post(ADD, new_person(partner_a, **overrides))
    assert response.status_code == 200
    assert User.objects.count() == before


def test_partner_administrator_lists_only_their_partners_people(
    admin_a, client, partner_a, partner_b
):
    member(Role.CASEWORKER, partner=partner_a, first_name="คนของเรา")
    both = member(Role.SUPERVISOR, partner=partner_b, first_name="คนสองที่")
    MembershipFactory(user=both, partner=partner_a, role=Role.CASEWORKER)
    member(Role.CASEWORKER, partner=partner_b, first_name="คนของเขา")
    content = client.get(INDEX).content.decode()
    assert "คนของเรา" in content and "คนสองที่" in content
    assert "คนของเขา" not in content


def test_partner_administrator_edits_grants_revokes_and_deactivates(admin_a, client, partner_a):
    person = member(Role.CASEWORKER, partner=partner_a)
    response = client.post(
        edit_url(person),
        {
            "action": "details",
            "first_name": "สมหญิง",
            "last_name": "ใจงาม",
            "email": "x@example.org",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("สมหญิง", "ใจงาม")

    client.post(
        edit_url(person), {"action": "grant", "partner": partner_a.pk, "role": "supervisor"}
    )
    supervisor = Membership.objects.get(user=person, role=Role.SUPERVISOR)
    assert person.groups.filter(name="หัวหน้างาน").exists()

    assert client.post(revoke_url(supervisor)).status_code == 302
    assert not Membership.objects.filter(pk=supervisor.pk).exists()
    assert not person.groups.filter(name="หัวหน้างาน").exists()

    client.post(active_url(person), {"active": "0"})
    person.refresh_from_db()
    assert not person.is_active
    client.post(active_url(person), {"active": "1"})
    person.refresh_from_db()
    assert person.is_active

    trail = list(
        ModelLogEntry.objects.for_instance(person)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert trail == [
        "wagtail.edit",
        "partners.membership.grant",
        "partners.membership.revoke",
        "partners.person.deactivate",
        "partners.person.activate",
    ]
    revoke = ModelLogEntry.objects.get(action="partners.membership.revoke")
    assert revoke.user == admin_a
    assert revoke.data == {
        "partner_id": partner_a.pk,
        "partner": partner_a.name_th,
        "role": "supervisor",
    }
    assert "สมหญิง" in client.get(edit_url(person)).content.decode()


# --- a partner administrator and another partner ---------------------------------------------


def test_people_only_at_another_partner_are_404(admin_a, client, partner_b):
    theirs = member(Role.CASEWORKER, partner=partner_b)
    membership = theirs.memberships.get()
    assert client.get(edit_url(theirs)).status_code == 404
    assert (
        client.post(edit_url(theirs), {"action": "details", "first_name": "x"}).status_code == 404
    )
    assert client.post(active_url(theirs), {"active": "0"}).status_code == 404
    assert client.post(revoke_url(membership)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active and theirs.first_name != "x"
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_cannot_grant_a_role_at_another_partner(admin_a, client, partner_a, partner_b):
    person = member(Role.CASEWORKER, partner=partner_a)
    before = ModelLogEntry.objects.count()
    response = client.post(
        edit_url(person), {"action": "grant", "partner": partner_b.pk, "role": "administrator"}
    )
    assert response.status_code == 200
    assert "คุณให้บทบาทได้เฉพาะในหน่วยงานภาคีเครือข่ายที่คุณเป็นผู้ดูแลระบบ" in response.content.decode()
    assert not Membership.objects.filter(partner=partner_b).exists()
    assert ModelLogEntry.objects.count() == before


def test_cannot_create_a_person_at_another_partner(admin_a, client, partner_b):
    response = client.post(ADD, new_person(partner_b))
    assert response.status_code == 200
    assert not User.objects.filter(username="pattaya.somsri").exists()


def test_cannot_create_a_superuser(admin_a, client, partner_a):
    client.post(ADD, new_person(partner_a, is_superuser="on", is_staff="on"))
    person = User.objects.get(username="pattaya.somsri")
    assert not person.is_superuser and not person.is_staff


def test_superusers_are_out_of_reach(admin_a, client, partner_a):
    root = UserFactory(is_superuser=True)
    MembershipFactory(user=root, partner=partner_a, role=Role.CASEWORKER)
    assert client.get(edit_url(root)).status_code == 404
    assert client.post(active_url(root), {"active": "0"}).status_code == 404
    assert root.username not in client.get(INDEX).content.decode()


def test_shared_person_shows_other_roles_but_only_ours_change(
    admin_a, client, partner_a, partner_b
):
    shared = member(Role.SUPERVISOR, partner=partner_b)
    ours = MembershipFactory(user=shared, partner=partner_a, role=Role.CASEWORKER)
    theirs = shared.memberships.get(partner=partner_b)
    content = client.get(edit_url(shared)).content.decode()
    assert "เทศบาลบี" in content
    assert revoke_url(ours) in content and revoke_url(theirs) not in content
    assert client.post(revoke_url(theirs)).status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()
    # Deactivating would lock them out of the other partner too.
    assert client.post(active_url(shared), {"active": "0"}).url == HOME
    shared.refresh_from_db()
    assert shared.is_active


def test_administrator_cannot_revoke_their_own_administrator_role(admin_a, client):
    membership = admin_a.memberships.get()
    client.post(revoke_url(membership))
    assert Membership.objects.filter(pk=membership.pk).exists()


# --- other roles and central administrators -------------------------------------------------


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.CASEWORKER, Role.COMMUNICATIONS])
def test_other_roles_cannot_open_the_people_admin(db, client, partner_a, role):
    user = member(role, partner=partner_a)
    colleague = member(Role.CASEWORKER, partner=partner_a)
    client.force_login(user)
    assert client.get(INDEX).url == HOME
    assert client.get(ADD).url == HOME
    assert client.get(edit_url(colleague)).status_code == 404
    client.post(ADD, new_person(partner_a))
    assert not User.objects.filter(username="pattaya.somsri").exists()


def test_central_administrator_manages_everyone(db, client, partner_a, partner_b):
    central = central_administrator()
    client.force_login(central)
    person = member(Role.CASEWORKER, partner=partner_b, first_name="คนของบี")
    assert "คนของบี" in client.get(INDEX).content.decode()
    client.post(
        edit_url(person), {"action": "grant", "partner": partner_a.pk, "role": "administrator"}
    )
    assert Membership.objects.filter(user=person, partner=partner_a, role="administrator").exists()
    client.post(active_url(person), {"active": "0"})
    person.refresh_from_db()
    assert not person.is_active
    assert client.post(ADD, new_person(partner_b)).status_code == 302


def test_central_administrator_does_not_touch_superusers(db, client):
    client.force_login(central_administrator())
    root = UserFactory(is_superuser=True)
    assert client.get(edit_url(root)).status_code == 404


def test_inactive_partner_is_not_offered_for_roles(db, client):
    client.force_login(central_administrator())
    closed = PartnerFactory(is_active=False, kind=PartnerKind.NGO)
    person = UserFactory()
    response = client.post(
        edit_url(person), {"action": "grant", "partner": closed.pk, "role": "caseworker"}
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(partner=closed).exists()


def test_people_list_query_count_does_not_grow_with_rows(
    admin_a, client, partner_a, partner_b, django_assert_max_num_queries
):
    for _ in range(30):
        person = member(Role.CASEWORKER, partner=partner_a)
        MembershipFactory(user=person, partner=partner_b, role=Role.SUPERVISOR)
    client.get(INDEX)
    with django_assert_max_num_queries(20):
        response = client.get(INDEX)
    assert response.content.decode().count('href="/admin/people/') >= 31
