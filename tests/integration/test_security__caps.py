"""A request cannot make the server build unbounded forms or read an unbounded body."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from forms_builder.models import FieldType
from partners.models import Role
from tests.factories import member
from tests.factories_forms_admin import field_post, form_with_fields, text_fields
from tests.factories_partners import central_administrator

HUGE = "100000000"


@pytest.fixture
def draft_form(partner, client):
    client.force_login(member(Role.ADMINISTRATOR, partner=partner))
    return form_with_fields(partner, "intake", fields=text_fields(2))


def _field_add(definition):
    url = reverse("forms_builder_admin:field_add", args=[definition.pk])
    return f"{url}?type={FieldType.SINGLE_CHOICE}"


@pytest.mark.parametrize("prefix", ["choices", "condition"])
def test_a_huge_total_forms_in_the_field_editor_is_refused_quickly(client, draft_form, prefix):
    data = field_post(choices=[("a", "ก", "A")])
    data[f"{prefix}-TOTAL_FORMS"] = HUGE
    started = time.monotonic()
    response = client.post(_field_add(draft_form), data)
    elapsed = time.monotonic() - started
    assert response.status_code == 200  # the editor again, with its message
    assert elapsed < 5, elapsed
    assert len(response.content) < 1_000_000
    assert draft_form.versions.get().fields.count() == 2


def test_a_huge_total_forms_of_service_areas_is_refused_quickly(client, db):
    client.force_login(central_administrator())
    data = {
        "code": "bang-lamung",
        "name_th": "อำเภอบางละมุง",
        "kind": "other",
        "areas-TOTAL_FORMS": HUGE,
        "areas-INITIAL_FORMS": "0",
    }
    started = time.monotonic()
    response = client.post(reverse("partners_admin:partner_add"), data)
    assert time.monotonic() - started < 5
    assert response.status_code == 200
    assert len(response.content) < 1_000_000


def test_request_bodies_are_capped_deliberately():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 5_000
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES <= 20


def test_a_body_over_the_cap_is_a_bad_request(client, db):
    body = "a=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/search/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_too_many_fields_is_a_bad_request(client, db):
    body = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.post("/search/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
