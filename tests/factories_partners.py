"""Helpers for the partners admin tests: a central administrator, a role at a partner."""

from partners.models import PartnerKind, Role
from tests.factories import PartnerFactory, member


def central_administrator(**user_fields):
    center = PartnerFactory(kind=PartnerKind.CENTER)
    return member(Role.ADMINISTRATOR, partner=center, **user_fields)


def role_user(role: Role, partner, **user_fields):
    return member(role, partner=partner, **user_fields)
