"""The legal bases a referral may rest on without consent (administrators add more)."""

from django.db import migrations

LEGAL_BASES = [
    (
        "vital_interest",
        "ป้องกันหรือระงับอันตรายต่อชีวิต ร่างกาย หรือสุขภาพของบุคคล (ประโยชน์อันสำคัญต่อชีวิต)",
        "Vital interest: to prevent or stop danger to a person's life, body or health",
        True,
    ),
    (
        "destitute_persons_act",
        "หน้าที่ตามพระราชบัญญัติการคุ้มครองคนไร้ที่พึ่ง พ.ศ. 2557",
        "Duty under the Destitute Persons Protection Act B.E. 2557",
        False,
    ),
    (
        "begging_control_act",
        "หน้าที่ตามพระราชบัญญัติควบคุมการขอทาน พ.ศ. 2559",
        "Duty under the Begging Control Act B.E. 2559",
        False,
    ),
    (
        "child_in_danger",
        "เด็กที่อยู่ในภาวะอันตราย ตามพระราชบัญญัติคุ้มครองเด็ก พ.ศ. 2546",
        "A child in danger (Child Protection Act B.E. 2546)",
        True,
    ),
]


def add_legal_bases(apps, schema_editor):
    LegalBasis = apps.get_model("workflows", "LegalBasis")
    for order, (key, name_th, name_en, allows_sensitive) in enumerate(LEGAL_BASES):
        LegalBasis.objects.update_or_create(
            key=key,
            defaults={
                "name_th": name_th,
                "name_en": name_en,
                "allows_sensitive": allows_sensitive,
                "sort_order": order,
            },
        )


def remove_legal_bases(apps, schema_editor):
    apps.get_model("workflows", "LegalBasis").objects.filter(
        key__in=[key for key, *_ in LEGAL_BASES], referrals__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("workflows", "0011_referrals")]

    operations = [migrations.RunPython(add_legal_bases, remove_legal_bases)]
