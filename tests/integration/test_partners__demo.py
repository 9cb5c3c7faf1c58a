import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from partners import demo
from partners.areas import is_valid_area_code
from partners.models import Membership, Partner, Role, User
from partners.selectors import user_has_role, user_is_central_administrator
from partners.services import ROLE_GROUP_NAMES


def test_each_demo_partner_has_one_user_per_role(db):
    partners = demo.load()
    assert len(partners) == 4
    for partner in partners:
        for role, suffix in [
            (Role.ADMINISTRATOR, "admin"),
            (Role.SUPERVISOR, "supervisor"),
            (Role.CASEWORKER, "caseworker"),
            (Role.COMMUNICATIONS, "comms"),
        ]:
            user = User.objects.get(username=f"{partner.code}.{suffix}")
            assert list(user.memberships.values_list("partner__code", "role")) == [
                (partner.code, role)
            ]
            assert user.groups.filter(name=ROLE_GROUP_NAMES[role]).exists()
            assert user.check_password(demo.DEMO_PASSWORD)
            assert not user.is_superuser
    assert Membership.objects.count() == 20  # 4 partners × 5 roles


def test_demo_service_areas_are_real_dopa_codes(db):
    demo.load()
    for partner in Partner.objects.prefetch_related("service_areas"):
        codes = [area.code for area in partner.service_areas.all()]
        assert codes and all(is_valid_area_code(code) for code in codes)
        assert all(code.startswith("20") for code in codes)  # Chon Buri


def test_center_administrator_is_central_and_municipal_one_is_not(db):
    demo.load()
    assert user_is_central_administrator(User.objects.get(username="chonburi-center.admin"))
    pattaya_admin = User.objects.get(username="pattaya.admin")
    assert not user_is_central_administrator(pattaya_admin)
    assert user_has_role(pattaya_admin, Role.ADMINISTRATOR)


def test_demo_load_is_idempotent(db):
    demo.load()
    demo.load()
    assert Partner.objects.count() == 4
    assert User.objects.count() == 21
    assert Membership.objects.count() == 20  # 4 partners × 5 roles


@pytest.mark.parametrize("remove", [True, False])
def test_load_demo_refuses_without_the_dev_setting(db, settings, remove):
    if remove:
        del settings.THIPHUENG_DEMO_PASSWORDS_ALLOWED
    else:
        settings.THIPHUENG_DEMO_PASSWORDS_ALLOWED = False
    with pytest.raises(ImproperlyConfigured):
        call_command("load_demo")
    with pytest.raises(ImproperlyConfigured):
        demo.load_users([])
    assert not User.objects.exists()
    assert not Partner.objects.exists()


def test_production_settings_do_not_allow_demo_passwords():
    from pathlib import Path

    import config.settings

    production = Path(config.settings.__file__).with_name("production.py").read_text()
    base = Path(config.settings.__file__).with_name("base.py").read_text()
    assert "THIPHUENG_DEMO_PASSWORDS_ALLOWED" not in production + base


def test_demo_staff_have_email_addresses(db):
    """Wagtail's account page refuses to save a profile without one."""
    from cms.demo import load_editor

    demo.load()
    load_editor()
    assert not User.objects.filter(email="").exists()
    assert User.objects.get(username="editor").email == "editor@example.org"
