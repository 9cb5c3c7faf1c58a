from django.core.management import call_command

from forms_builder.demo import demo_partner_form_keys
from forms_builder.models import FormDefinition, FormVersion, VersionStatus
from forms_builder.runtime.dynamic_form import form_for
from partners.models import Partner

DEMO_FORMS = demo_partner_form_keys()


def test_load_demo_publishes_five_thai_forms_per_partner_idempotently(db):
    call_command("load_demo")
    call_command("load_demo")
    assert Partner.objects.count() == 4
    # Each partner's forms, and the network's public report form.
    assert FormDefinition.objects.count() == 4 * len(DEMO_FORMS) + 1
    assert FormVersion.objects.count() == 4 * len(DEMO_FORMS) + 1
    assert not FormVersion.objects.exclude(status=VersionStatus.PUBLISHED).exists()
    screening = FormVersion.objects.get(
        definition__partner__code="pattaya", definition__key="begging_screening"
    )
    keys = set(screening.fields.values_list("key", flat=True))
    assert {
        "nationality",
        "is_child",
        "is_pregnant",
        "is_elderly",
        "is_disabled",
        "is_mentally_ill",
        "is_registered_performer",
    } <= keys
    assert form_for(version=screening).fields["is_child"].label == "เป็นเด็ก (อายุต่ำกว่า 18 ปี)"
