"""Demo partners of the first deployment (Chonburi) and one user per role at each.

Idempotent: running it again updates what it made and adds nothing twice.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from partners.models import Partner, PartnerKind, Role, ServiceArea, User
from partners.services import membership_grant

DEMO_PASSWORD = "demo"  # noqa: S105 - accepted only where THIPHUENG_DEMO_PASSWORDS_ALLOWED

# DOPA codes from geothai: 20 Chon Buri; 2004 Bang Lamung (200402 Nong Prue, 200408 Na Kluea);
# 2007 Si Racha (200702 Surasak, 200703 Thung Sukhla, 200704 Bueng, 200705 Nong Kham).
DEMO_PARTNERS = [
    {
        "code": "chonburi-center",
        "name_th": "ศูนย์คุ้มครองคนไร้ที่พึ่งจังหวัดชลบุรี",
        "name_en": "Chonburi Protection Center for Destitute Persons",
        "kind": PartnerKind.CENTER,
        "address": "อำเภอเมืองชลบุรี จังหวัดชลบุรี",
        "phone": "1300",
        "referral_kinds": ["admission", "shelter", "work"],
        "areas": ["20"],
    },
    {
        "code": "pattaya",
        "name_th": "เมืองพัทยา",
        "name_en": "Pattaya City",
        "kind": PartnerKind.MUNICIPALITY,
        "address": "ศาลาว่าการเมืองพัทยา ถนนพัทยาสายสาม อำเภอบางละมุง จังหวัดชลบุรี 20150",
        "phone": "1337",
        "areas": ["200402", "200408"],
    },
    {
        "code": "laem-chabang",
        "name_th": "เทศบาลนครแหลมฉบัง",
        "name_en": "Laem Chabang City Municipality",
        "kind": PartnerKind.MUNICIPALITY,
        "address": "อำเภอศรีราชา จังหวัดชลบุรี 20230",
        "phone": "038 490 500",
        "areas": ["200703", "200704", "200705"],
    },
    {
        "code": "chao-phraya-surasak",
        "name_th": "เทศบาลนครเจ้าพระยาสุรศักดิ์",
        "name_en": "Chao Phraya Surasak City Municipality",
        "kind": PartnerKind.MUNICIPALITY,
        "address": "อำเภอศรีราชา จังหวัดชลบุรี 20110",
        "phone": "038 322 100",
        "areas": ["200702"],
    },
]

ROLE_USERNAMES = {
    Role.ADMINISTRATOR: "admin",
    Role.SUPERVISOR: "supervisor",
    Role.CASEWORKER: "caseworker",
    Role.COMMUNICATIONS: "comms",
    Role.DATA_PROTECTION: "dpo",
}


def demo_username(partner_code: str, role: Role) -> str:
    return f"{partner_code}.{ROLE_USERNAMES[role]}"


def _ensure_allowed() -> None:
    if not getattr(settings, "THIPHUENG_DEMO_PASSWORDS_ALLOWED", False):
        raise ImproperlyConfigured(
            "Demo users with known passwords are only created with the dev or test settings."
        )


@transaction.atomic
def load_partners() -> list[Partner]:
    partners = []
    for spec in DEMO_PARTNERS:
        fields = {k: v for k, v in spec.items() if k not in ("code", "areas")}
        partner, _ = Partner.objects.update_or_create(code=spec["code"], defaults=fields)
        for code in spec["areas"]:
            ServiceArea.objects.get_or_create(partner=partner, code=code)
        partners.append(partner)
    return partners


def demo_email(username: str) -> str:
    """Wagtail's account page requires an email address; example.org never delivers."""
    return f"{username}@example.org"


def demo_user_get_or_create(username: str, first_name: str, last_name: str, **extra) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, **extra},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
    if created or not user.email:
        user.email = demo_email(username)
        user.save(update_fields=["password", "email"])
    return user


@transaction.atomic
def load_users(partners: list[Partner]) -> None:
    _ensure_allowed()
    demo_user_get_or_create("admin", "ผู้ดูแล", "ระบบกลาง", is_staff=True, is_superuser=True)
    role_names = {
        Role.ADMINISTRATOR: "ผู้ดูแลระบบ",
        Role.SUPERVISOR: "หัวหน้างาน",
        Role.CASEWORKER: "นักสังคมสงเคราะห์",
        Role.COMMUNICATIONS: "ประชาสัมพันธ์",
        Role.DATA_PROTECTION: "คุ้มครองข้อมูล",
    }
    for partner in partners:
        for role, title in role_names.items():
            user = demo_user_get_or_create(
                demo_username(partner.code, role), title, partner.name_th
            )
            membership_grant(user=user, partner=partner, role=role)


def load() -> list[Partner]:
    _ensure_allowed()
    partners = load_partners()
    load_users(partners)
    return partners
