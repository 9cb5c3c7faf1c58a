"""Publishing, versions, read-only past versions, the preview, and the "used by" extension point."""

import pytest
from django.urls import reverse
from wagtail import hooks

from forms_builder.admin.usages import USAGES_HOOK
from forms_builder.models import AnswerSet, FieldType, FormVersion, VersionStatus
from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_forms_admin import field_post, form_with_fields, newest, text_fields


def url(name, definition, *args):
    return reverse(f"forms_builder_admin:{name}", args=[definition.pk, *args])


@pytest.fixture
def partner(db):
    return PartnerFactory()


@pytest.fixture
def admin(partner, client):
    user = member(Role.ADMINISTRATOR, partner=partner, first_name="สมศรี", last_name="ผู้ดูแล")
    client.force_login(user)
    return user


def test_publish_shows_every_problem_and_publishes_nothing(client, partner, admin):
    definition = form_with_fields(
        partner,
        "intake",
        fields=[
            {"key": "group", "field_type": FieldType.SINGLE_CHOICE, "choices": []},
            {"key": "photo", "field_type": FieldType.FILE, "validation": {"max_size_mb": 500}},
        ],
    )
    response = client.post(url("publish", definition))
    assert response.status_code == 200
    errors = response.context["publish_errors"]
    assert len(errors) >= 2
    assert any(e.startswith("group:") for e in errors)
    assert any(e.startswith("photo:") for e in errors)
    assert 'id="publish-errors"' in response.content.decode()
    assert definition.versions.get().status == VersionStatus.DRAFT

    empty = form_with_fields(partner, "empty")
    errors = client.post(url("publish", empty)).context["publish_errors"]
    assert errors and empty.versions.get().status == VersionStatus.DRAFT


def test_publish_then_edit_makes_a_new_draft_and_keeps_the_published_version(
    client, partner, admin
):
    definition = form_with_fields(partner, "intake", fields=text_fields(2))
    response = client.post(url("publish", definition))
    assert response.status_code == 302
    v1 = definition.versions.get()
    assert v1.status == VersionStatus.PUBLISHED and v1.published_by == admin

    client.post(url("draft_start", definition))
    v2 = newest(definition)
    assert (v2.number, v2.status) == (2, VersionStatus.DRAFT)
    assert [f.key for f in v2.fields.all()] == ["q0", "q1"]
    client.post(url("draft_start", definition))  # a second click reuses the draft
    assert definition.versions.count() == 2

    first = v2.fields.get(key="q0")
    client.post(url("field_edit", definition, first.pk), field_post(key="q0", label_th="ชื่อใหม่"))
    client.post(url("field_delete", definition, v2.fields.get(key="q1").pk))
    assert client.post(url("publish", definition)).status_code == 302

    page = client.get(url("detail", definition))
    assert page.context["current"].number == 2
    content = page.content.decode()
    assert "สมศรี" in content  # who published
    v1_page = client.get(url("version", definition, 1)).content.decode()
    assert "q1" in v1_page and "ชื่อใหม่" not in v1_page
    v2_page = client.get(url("version", definition, 2)).content.decode()
    assert "ชื่อใหม่" in v2_page and "<code>q1</code>" not in v2_page
    assert FormVersion.objects.get(pk=v1.pk).fields.count() == 2


def test_any_version_reads_as_words_never_json(client, partner, admin):
    definition = form_with_fields(
        partner,
        "intake",
        fields=[
            {"key": "age", "field_type": FieldType.INTEGER, "validation": {"max_value": 120}},
            {
                "key": "school",
                "field_type": FieldType.SHORT_TEXT,
                "label_th": "โรงเรียน",
                "condition": {"any": [{"all": [{"field": "age", "operator": "lt", "value": 18}]}]},
            },
        ],
        publish=True,
    )
    content = client.get(url("version", definition, 1)).content.decode()
    assert "120" in content
    assert '"any"' not in content and "{&quot;any" not in content
    assert "age" in content


def test_the_preview_is_the_runtime_form_with_a_phone_width(client, partner, admin):
    definition = form_with_fields(
        partner,
        "intake",
        fields=[{"key": "name", "field_type": FieldType.SHORT_TEXT, "label_th": "ชื่อ"}],
    )
    page = client.get(url("preview", definition, 1))
    assert page.status_code == 200
    assert url("preview_frame", definition, 1) in page.content.decode()
    assert "width: 100%" in page.content.decode()
    phone = client.get(url("preview", definition, 1), {"device": "phone"}).content.decode()
    assert "width: 390px" in phone
    frame = client.get(url("preview_frame", definition, 1))
    assert frame.status_code == 200
    assert frame.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert 'name="name"' in frame.content.decode()


def test_submitting_the_preview_shows_the_runtimes_errors_and_saves_nothing(client, partner, admin):
    definition = form_with_fields(
        partner,
        "intake",
        fields=[
            {
                "key": "age",
                "field_type": FieldType.INTEGER,
                "required": True,
                "validation": {"max_value": 120},
            },
            {"key": "id_card", "field_type": FieldType.NATIONAL_ID},
        ],
        publish=True,
    )
    response = client.post(
        url("preview_frame", definition, 1),
        {"age": "130", "id_card_0": "id", "id_card_1": "1101700230706"},
    )
    form = response.context["form"]
    assert set(form.errors) == {"age", "id_card"}
    assert not response.context.get("checked")
    response = client.post(
        url("preview_frame", definition, 1),
        {"age": "30", "id_card_0": "id", "id_card_1": "1101700230708"},
    )
    assert response.context["checked"] is True
    assert not AnswerSet.objects.exists()


def test_the_used_by_section_shows_only_when_a_hook_can_tell(client, partner, admin, monkeypatch):
    definition = form_with_fields(partner, "intake", fields=text_fields(1), publish=True)
    get_hooks = hooks.get_hooks
    monkeypatch.setattr(
        hooks, "get_hooks", lambda name: [] if name == USAGES_HOOK else get_hooks(name)
    )
    assert not client.get(url("detail", definition)).context["show_usages"]
    monkeypatch.undo()

    def usages(*, definition, versions):
        return {versions[0].pk: [("กระบวนการรับแจ้ง", "/admin/processes/1/")]}

    with hooks.register_temporarily("forms_builder_version_usages", usages):
        page = client.get(url("detail", definition))
    assert page.context["show_usages"]
    assert "กระบวนการรับแจ้ง" in page.content.decode()


def test_a_valid_preview_says_so_in_the_frame_and_leaves_nothing_for_the_next_page(
    client, partner, admin
):
    definition = form_with_fields(partner, "intake", fields=text_fields(1), publish=True)
    response = client.post(url("preview_frame", definition, 1), {"q0": "ทดสอบ"})
    html = response.content.decode()
    assert 'id="preview-valid"' in html and "ทุกคำตอบถูกต้อง" in html
    detail = client.get(url("detail", definition)).content.decode()
    assert "preview-valid" not in detail and "ทุกคำตอบถูกต้อง" not in detail
