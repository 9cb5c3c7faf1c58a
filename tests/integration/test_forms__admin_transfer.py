"""Copy to another partner, export as JSON, import a JSON bundle (all or nothing)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forms_builder.models import FieldDefinition, FormDefinition, FormVersion, VersionStatus
from forms_builder.serialization import definitions_export
from partners.models import Role
from tests.factories import MembershipFactory, PartnerFactory, member
from tests.factories_forms_admin import form_with_fields, newest, text_fields
from tests.factories_partners import central_administrator

IMPORT = reverse("forms_builder_admin:import")


def url(name, definition, *args):
    return reverse(f"forms_builder_admin:{name}", args=[definition.pk, *args])


@pytest.fixture
def partner_a(db):
    return PartnerFactory(code="laem-chabang")


@pytest.fixture
def partner_b(db):
    return PartnerFactory(code="pattaya")


@pytest.fixture
def partner_c(db):
    return PartnerFactory(code="surasak")


@pytest.fixture
def admin_ac(partner_a, partner_c, client):
    """Administrator of A and C, not of B."""
    user = member(Role.ADMINISTRATOR, partner=partner_a)
    MembershipFactory(user=user, partner=partner_c, role=Role.ADMINISTRATOR)
    client.force_login(user)
    return user


def upload(document, name="bundle.json"):
    body = document if isinstance(document, bytes) else json.dumps(document).encode()
    return SimpleUploadedFile(name, body, content_type="application/json")


def preview_and_confirm(client, document, url=IMPORT, **fields):
    """Upload (the preview), then confirm what it showed: the confirmation's response."""
    preview = client.post(url, {"bundle": upload(document), **fields})
    assert preview.context.get("token"), preview.context.get("import_errors")
    return client.post(url, {"token": preview.context["token"]})


def test_copy_to_a_partner_the_user_administers(client, admin_ac, partner_a, partner_b, partner_c):
    source = form_with_fields(partner_a, "intake", fields=text_fields(3), publish=True)
    page = client.get(url("copy", source))
    choices = {p.pk for p in page.context["form"].fields["partner"].queryset}
    assert choices == {partner_c.pk}  # not B (not theirs), not A (the source's own)
    response = client.post(url("copy", source), {"partner": partner_c.pk})
    copy = FormDefinition.objects.get(partner=partner_c, key="intake")
    assert response.status_code == 302 and response.url == url("detail", copy)
    assert copy.copied_from == source
    version = copy.versions.get()
    assert version.status == VersionStatus.DRAFT
    assert [f.key for f in version.fields.all()] == ["q0", "q1", "q2"]

    before = FormDefinition.objects.count()
    response = client.post(url("copy", source), {"partner": partner_b.pk})
    assert response.status_code == 200 and response.context["form"].errors["partner"]
    response = client.post(url("copy", source), {"partner": partner_c.pk})  # key taken now
    assert response.context["form"].errors["partner"]
    assert FormDefinition.objects.count() == before


def test_a_partner_administrator_copies_a_network_form_to_their_partner(
    client, admin_ac, partner_a
):
    shared = form_with_fields(None, "referral", fields=text_fields(1), publish=True)
    client.post(url("copy", shared), {"partner": partner_a.pk})
    assert FormDefinition.objects.get(partner=partner_a, key="referral").copied_from == shared


def test_export_all_versions_the_current_one_or_one(client, admin_ac, partner_a):
    definition = form_with_fields(partner_a, "intake", fields=text_fields(2), publish=True)
    client.post(url("draft_start", definition))
    client.post(url("publish", definition))
    client.post(url("draft_start", definition))

    response = client.get(url("export", definition), {"versions": "all"})
    assert response["Content-Type"].startswith("application/json")
    assert 'filename="laem-chabang-intake-all.json"' in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document == definitions_export(definitions=[definition], versions="all")
    assert [v["number"] for v in document["forms"][0]["versions"]] == [1, 2, 3]

    latest = json.loads(client.get(url("export", definition), {"versions": "latest"}).content)
    assert [v["number"] for v in latest["forms"][0]["versions"]] == [2]
    one = client.get(url("export", definition), {"version": "1"})
    assert [v["number"] for v in json.loads(one.content)["forms"][0]["versions"]] == [1]
    assert client.get(url("export", definition), {"version": "9"}).status_code == 404
    assert (
        f"{url('export', definition)}?version=1"
        in client.get(url("detail", definition)).content.decode()
    )


def test_import_a_bundle_into_the_users_partner(client, admin_ac, partner_a):
    definition = form_with_fields(partner_a, "intake", fields=text_fields(2), publish=True)
    document = definitions_export(definitions=[definition], versions="all")
    FormDefinition.objects.all().delete()
    response = preview_and_confirm(client, document)
    assert response.status_code == 200
    assert 'id="import-report"' in response.content.decode()
    imported = FormDefinition.objects.get(partner=partner_a, key="intake")
    assert newest(imported).status == VersionStatus.PUBLISHED
    assert definitions_export(definitions=[imported], versions="all") == document


def bad_bundle(partner_code: str) -> dict:
    good_field = {"key": "name", "field_type": "short_text", "label_th": "ชื่อ"}
    return {
        "format": "thiphueng-definitions",
        "format_version": 1,
        "forms": [
            {
                "partner": partner_code,
                "key": "fine_form",
                "name_th": "แบบที่ถูกต้อง",
                "purpose": "intake",
                "versions": [{"number": 1, "status": "published", "fields": [good_field]}],
            },
            {
                "partner": partner_code,
                "key": "broken_form",
                "name_th": "แบบที่ผิด",
                "purpose": "intake",
                "versions": [
                    {
                        "number": 1,
                        "status": "published",
                        "fields": [
                            {"key": "Bad Key", "field_type": "short_text", "label_th": "ก"},
                            {"key": "kind", "field_type": "rocket", "label_th": "ข"},
                        ],
                    }
                ],
            },
        ],
        "processes": [],
    }


def test_an_import_with_errors_reports_them_all_and_writes_nothing(client, admin_ac, partner_a):
    response = client.post(IMPORT, {"bundle": upload(bad_bundle(partner_a.code))})
    errors = response.context["import_errors"]
    assert len(errors) >= 2
    assert all("broken_form" in error for error in errors)
    assert 'id="import-errors"' in response.content.decode()
    assert not FormDefinition.objects.exists()
    assert not FormVersion.objects.exists()
    assert not FieldDefinition.objects.exists()


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", json.dumps({"format": "other"}).encode()])
def test_an_unreadable_file_is_a_form_error(client, admin_ac, body):
    response = client.post(IMPORT, {"bundle": upload(body)})
    assert response.status_code == 200
    assert response.context["form"].errors or response.context["import_errors"]
    assert not FormDefinition.objects.exists()


def test_a_partner_administrator_cannot_import_into_another_partner_or_the_network(
    client, admin_ac, partner_b
):
    document = bad_bundle(partner_b.code)
    document["forms"] = document["forms"][:1]
    network = json.loads(json.dumps(document["forms"][0]))
    network.update(partner=None, key="network_form")
    document["forms"].append(network)
    response = client.post(IMPORT, {"bundle": upload(document)})
    errors = response.context["import_errors"]
    assert len(errors) == 2
    assert partner_b.name in errors[0] and partner_b.code not in errors[0]
    assert not FormDefinition.objects.exists()


def test_a_central_administrator_imports_a_network_form(client, partner_a):
    client.force_login(central_administrator())
    document = bad_bundle(partner_a.code)
    document["forms"] = document["forms"][:1]
    document["forms"][0]["partner"] = None
    preview_and_confirm(client, document)
    assert FormDefinition.objects.get(key="fine_form").partner is None
