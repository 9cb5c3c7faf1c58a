"""The versioned-definition admin that forms and processes share: history, the listing's AJAX
results, filters, the definition's page, and the demo's bundles."""

import json

import pytest
from django.urls import reverse

from forms_builder import services
from forms_builder.demo import DEMO_DEFINITIONS, demo_bundle
from forms_builder.models import FormDefinition
from partners import demo as partners_demo
from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_forms_admin import form_with_fields, text_fields
from tests.factories_processes import two_step_draft
from workflows.models import ProcessDefinition
from workflows.serialization import bundle_export, bundle_import

NAMESPACES = {"form": "forms_builder_admin", "process": "workflows_definitions"}


def url(kind, name, *args):
    return reverse(f"{NAMESPACES[kind]}:{name}", args=args)


@pytest.fixture
def admin_a(partner, client):
    user = member(Role.ADMINISTRATOR, partner=partner)
    client.force_login(user)
    return user


def own_and_foreign(kind, partner, other_partner):
    if kind == "form":
        return (
            form_with_fields(partner, "own_form", fields=text_fields(1)),
            form_with_fields(other_partner, "foreign_form", fields=text_fields(1)),
        )
    return two_step_draft(partner, key="own_process")[0], two_step_draft(
        other_partner, key="foreign_process"
    )[0]


@pytest.mark.parametrize("kind", ["form", "process"])
def test_history_and_results_are_scoped_like_every_other_screen(
    kind, client, admin_a, partner, other_partner
):
    own, foreign = own_and_foreign(kind, partner, other_partner)
    assert client.get(url(kind, "history", own.pk)).status_code == 200
    assert client.get(url(kind, "history", foreign.pk)).status_code == 404
    results = client.get(url(kind, "index_results")).content.decode()
    assert own.key in results and foreign.key not in results
    client.force_login(member(Role.CASEWORKER, partner=partner))
    for target in (url(kind, "history", own.pk), url(kind, "index_results")):
        response = client.get(target)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_the_history_tells_who_created_and_published_a_form(client, admin_a, partner):
    client.post(
        url("form", "create"),
        {"partner": partner.pk, "key": "intake", "name_th": "แบบรับแจ้ง", "purpose": "intake"},
    )
    definition = FormDefinition.objects.get(key="intake")
    services.field_create(
        version=definition.versions.get(), key="name", field_type="short_text", label_th="ชื่อ"
    )
    client.post(url("form", "publish", definition.pk))
    client.post(url("form", "draft_start", definition.pk))
    html = client.get(url("form", "history", definition.pk)).content.decode()
    assert "สร้าง" in html or "Created" in html
    assert "เผยแพร่ฉบับที่ 1 แล้ว" in html
    assert "เริ่มฉบับร่าง ฉบับที่ 2" in html
    assert admin_a.get_username() in html or admin_a.get_full_name() in html


def test_processes_filter_by_kind_and_status(client, admin_a, partner):
    intake, _version = two_step_draft(partner, key="p_intake")
    other, _version = two_step_draft(partner, key="p_other")
    ProcessDefinition.objects.filter(pk=other.pk).update(kind="follow_up")

    def keys(**params):
        html = client.get(url("process", "index"), params).content.decode()
        return {k for k in ("p_intake", "p_other") if k in html}

    assert keys(kind="follow_up") == {"p_other"}
    assert keys(status="draft_only") == {"p_intake", "p_other"}
    assert keys(status="published") == set()
    assert keys(q="p_int") == {"p_intake"}


def test_a_description_shows_as_escaped_paragraphs(client, admin_a, partner):
    definition = form_with_fields(partner, "described", fields=text_fields(1))
    FormDefinition.objects.filter(pk=definition.pk).update(
        description_th="บรรทัดแรก\n\n<b>ตัวหนา</b>"
    )
    html = client.get(url("form", "detail", definition.pk)).content.decode()
    assert "<p>บรรทัดแรก</p>" in html and "&lt;b&gt;ตัวหนา&lt;/b&gt;" in html


def test_the_definition_pages_stay_within_a_query_budget(
    client, admin_a, partner, django_assert_max_num_queries
):
    definition, _version = two_step_draft(partner)
    client.get(url("process", "detail", definition.pk))
    for name in ("detail", "history", "details"):
        with django_assert_max_num_queries(25):
            assert client.get(url("process", name, definition.pk)).status_code == 200


def test_each_demo_bundle_is_exactly_what_the_import_makes_of_it(db):
    """The demo's definitions are data in the documented format: importing a partner's bundle
    into an empty database and exporting it again gives the bundle back."""
    partners = {p.code: p for p in partners_demo.load()}
    names = sorted(path.stem for path in DEMO_DEFINITIONS.glob("*.json"))
    assert names == sorted(["network", *partners])
    bundle_import(document=demo_bundle("network"))
    for code, partner in partners.items():
        document = demo_bundle(code)
        bundle_import(document=document)
        again = bundle_export(
            processes=ProcessDefinition.objects.filter(partner=partner),
            forms=FormDefinition.objects.filter(partner=partner),
            versions="all",  # a bundle keeps its earlier versions (Pattaya's process has two)
        )
        for item in [*again["forms"], *again["processes"]]:
            for version in item["versions"]:
                version["published_at"] = None
        assert json.loads(json.dumps(again)) == document, code


def test_a_new_partner_with_no_bundle_is_left_alone(db):
    from forms_builder import demo as forms_demo

    stranger = PartnerFactory(code="not-in-the-demo")
    forms_demo.load(partners=[stranger])
    assert not FormDefinition.objects.filter(partner=stranger).exists()
    assert FormDefinition.objects.filter(partner=None, key="public_report").exists()


@pytest.mark.parametrize(("kind", "title"), [("form", "แบบฟอร์มใหม่"), ("process", "กระบวนการใหม่")])
def test_a_new_definitions_page_says_its_title_once(client, admin_a, kind, title):
    path = {"form": "/admin/form-definitions/add/", "process": "/admin/processes/add/"}[kind]
    html = client.get(path).content.decode()
    assert f"<title>{title} - ที่พึ่ง</title>" in html
    assert f"{title}: {title}" not in html
