import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from partners import services
from partners.models import Membership, PartnerKind, Role
from partners.selectors import (
    people_visible_to,
    person_deactivatable_by,
    user_has_role,
    user_partner_ids,
)
from tests.factories import MembershipFactory, PartnerFactory, UserFactory, member
from tests.factories_partners import central_administrator


def test_grant_and_revoke_are_logged_with_the_actor(db):
    partner = PartnerFactory()
    actor = member(Role.ADMINISTRATOR, partner=partner)
    person = UserFactory()
    membership = services.membership_grant(
        user=person, partner=partner, role=Role.SUPERVISOR, by=actor
    )
    assert user_has_role(person, Role.SUPERVISOR, partner)
    services.membership_revoke(membership=membership, by=actor)
    assert not user_has_role(person, Role.SUPERVISOR)
    entries = ModelLogEntry.objects.for_instance(person).order_by("pk")
    assert [(e.action, e.user_id, e.data["role"]) for e in entries] == [
        ("partners.membership.grant", actor.pk, "supervisor"),
        ("partners.membership.revoke", actor.pk, "supervisor"),
    ]


def test_granting_twice_writes_once(db):
    partner, person = PartnerFactory(), UserFactory()
    services.membership_grant(user=person, partner=partner, role=Role.CASEWORKER)
    services.membership_grant(user=person, partner=partner, role=Role.CASEWORKER)
    assert Membership.objects.count() == 1
    assert ModelLogEntry.objects.filter(action="partners.membership.grant").count() == 1


def test_services_refuse_an_administrator_of_another_partner(db):
    own, other = PartnerFactory(), PartnerFactory()
    actor = member(Role.ADMINISTRATOR, partner=own)
    theirs = MembershipFactory(partner=other)
    with pytest.raises(PermissionDenied):
        services.membership_grant(user=UserFactory(), partner=other, role=Role.CASEWORKER, by=actor)
    with pytest.raises(PermissionDenied):
        services.membership_revoke(membership=theirs, by=actor)
    with pytest.raises(PermissionDenied):
        services.partner_set_active(partner=other, is_active=False, by=actor)
    assert Membership.objects.filter(partner=other).count() == 1


def test_selectors_scope_people_to_administered_partners(db):
    own, other = PartnerFactory(), PartnerFactory()
    actor = member(Role.ADMINISTRATOR, partner=own)
    ours = member(Role.CASEWORKER, partner=own)
    shared = member(Role.CASEWORKER, partner=other)
    MembershipFactory(user=shared, partner=own, role=Role.SUPERVISOR)
    theirs = member(Role.CASEWORKER, partner=other)
    visible = set(people_visible_to(actor))
    assert {actor, ours, shared} == visible and theirs not in visible
    assert person_deactivatable_by(actor, ours)
    assert not person_deactivatable_by(actor, shared)
    assert not person_deactivatable_by(actor, actor)
    central = central_administrator()
    assert theirs in set(people_visible_to(central))


def test_memberships_at_a_deactivated_partner_give_no_role(db):
    partner = PartnerFactory(kind=PartnerKind.NGO)
    person = member(Role.CASEWORKER, partner=partner)
    services.partner_set_active(partner=partner, is_active=False, by=None)
    person.refresh_from_db()
    assert not user_partner_ids(person)
    assert not person.groups.exists()
