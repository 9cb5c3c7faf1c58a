"""factory_boy factories shared by the whole suite."""

import factory

from partners.models import Membership, Partner, PartnerKind, Role, ServiceArea, User
from partners.services import user_sync_role_groups


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "สมชาย"
    last_name = factory.Sequence(lambda n: f"ใจดี{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"partner-{n}")
    name_th = factory.Sequence(lambda n: f"เทศบาลทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test Municipality {n}")
    kind = PartnerKind.MUNICIPALITY


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceArea

    partner = factory.SubFactory(PartnerFactory)
    code = "200402"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = Role.CASEWORKER

    @factory.post_generation
    def sync_groups(obj, create, extracted, **kwargs):
        if create:
            user_sync_role_groups(user=obj.user)


def member(role: Role = Role.CASEWORKER, partner: Partner | None = None, **user_fields) -> User:
    """A user holding one role at a partner (a new partner when none is given)."""
    partner = partner or PartnerFactory()
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, partner=partner, role=role)
    return user
