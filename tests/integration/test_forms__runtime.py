"""The runtime form: the server judges conditions, errors sit by their fields, nothing is saved."""

import io

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import translation
from PIL import Image

from forms_builder.models import AnswerFile, AnswerSet, FieldType
from forms_builder.runtime.dynamic_form import form_class_for, form_for
from forms_builder.services import answer_set_create
from tests.factories_forms import field, version_with


def when(key, operator, value=None):
    row = {"field": key, "operator": operator, **({} if value is None else {"value": value})}
    return {"any": [{"all": [row]}]}


def render(form) -> str:
    return Template("{% load dynamic_forms %}{% dynamic_form form %}").render(
        Context({"form": form})
    )


@pytest.fixture
def intake(db):
    return version_with(
        [
            field("nationality", FieldType.SINGLE_CHOICE, required=True),
            field(
                "national_id",
                FieldType.NATIONAL_ID,
                required=True,
                condition=when("nationality", "equals", "thai"),
            ),
            field(
                "passport",
                FieldType.SHORT_TEXT,
                required=True,
                condition=when("nationality", "equals", "foreign"),
            ),
            field("age", FieldType.INTEGER, required=True, validation={"max_value": 120}),
            field("address", FieldType.THAI_ADDRESS),
            field("note", FieldType.SHORT_TEXT, required=True),
        ]
    )


def test_a_hidden_required_field_is_not_required_and_its_answer_is_not_stored(intake):
    data = {
        "nationality": "foreign",
        "passport": "AA123",
        "national_id_0": "id",
        "national_id_1": "1101700230707",  # wrong, but hidden: ignored
        "age": "40",
        "note": "พบที่ตลาด",
    }
    form = form_for(version=intake, data=data)
    assert form.is_valid(), form.errors
    answer_set = answer_set_create(version=intake, form=form, user=None)
    assert answer_set.data == {
        "nationality": "foreign",
        "passport": "AA123",
        "age": 40,
        "note": "พบที่ตลาด",
    }
    assert answer_set.form_version == intake


def test_bad_input_shows_each_error_in_thai_by_its_field_and_saves_nothing(intake, client):
    data = {
        "nationality": "thai",
        "national_id_0": "id",
        "national_id_1": "1101700230707",  # wrong check digit
        "age": "130",  # out of range
        "address_0": "20",
        "address_1": "2004",
        "address_2": "200702",  # a subdistrict of Si Racha, not of Bang Lamung
        "note": "",  # required and visible
    }
    with translation.override("th"):
        form = form_for(version=intake, data=data)
        assert not form.is_valid()
        html = render(form)
    assert set(form.errors) == {"national_id", "age", "address", "note"}
    assert "เลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง" in form.errors["national_id"][0]
    assert form.errors["address"] == ["ตำบลที่เลือกไม่อยู่ในอำเภอที่เลือก"]
    assert "passport" not in form.errors  # hidden
    for key in ("national_id", "age", "address", "note"):
        wrapper = html.split(f'data-fb-field="{key}"')[1].split("data-fb-field=")[0]
        assert 'class="fb-error"' in wrapper
    with pytest.raises(Exception):  # noqa: B017 - any refusal will do; nothing may be saved
        answer_set_create(version=intake, form=form, user=None)
    assert AnswerSet.objects.count() == 0
    assert html.count('class="fb-error"') == 4


def test_english_errors_follow_the_language(intake):
    with translation.override("en"):
        form = form_for(version=intake, data={"nationality": "foreign", "age": "x", "note": "n"})
        assert not form.is_valid()
        assert form.errors["passport"] == ["Please answer this question."]
        assert form.errors["age"] == ["Enter a whole number."]
    with translation.override("th"):
        form = form_for(version=intake, data={"nationality": "foreign", "age": "x", "note": "n"})
        assert not form.is_valid()
        assert form.errors["passport"] == ["กรุณาตอบคำถามนี้"]
        assert form.errors["age"] == ["กรอกจำนวนเต็ม"]


def test_labels_help_and_choices_are_escaped_in_the_page(db):
    evil = "<script>alert(1)</script>"
    version = version_with(
        [
            field(
                "q",
                FieldType.SINGLE_CHOICE,
                label_th=evil,
                help_th=evil,
                choices=[{"value": "a", "label_th": evil, "label_en": evil}],
            ),
            field("h", FieldType.HEADING, label_th=evil, help_th=evil),
        ]
    )
    with translation.override("th"):
        html = render(form_for(version=version))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_conditions_go_to_the_browser_as_data_and_notes_for_no_javascript(intake):
    with translation.override("th"):
        html = render(form_for(version=intake))
    assert 'data-fb-condition="{&quot;any&quot;: [{&quot;all&quot;: [{&quot;field&quot;:' in html
    assert "ตอบเฉพาะเมื่อ:" in html
    assert "forms_builder/conditions.js" in html and "forms_builder/address.js" in html
    assert " required" not in html  # the browser must not block a hidden required field


def test_a_bound_address_renders_its_districts_without_javascript(intake):
    form = form_for(version=intake, data={"address_0": "20", "address_1": "2004"})
    form.is_valid()
    html = render(form)
    assert '<option value="2004" selected>' in html
    assert '<option value="200402">' in html


def test_building_and_rendering_sixty_fields_takes_a_few_queries(db, django_assert_max_num_queries):
    types = list(FieldType)
    version = version_with(
        [field(f"f{i}", types[i % len(types)]) for i in range(60)], publish=False
    )
    with django_assert_max_num_queries(2):
        form = form_class_for(version)()
        html = render(form)
    assert html.count("data-fb-field=") == 60


def png_upload(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def test_a_photo_is_stored_privately_under_a_neutral_name(db):
    version = version_with([field("photo", FieldType.FILE, validation={"accept": ["image/*"]})])
    form = form_for(version=version, data={}, files={"photo": png_upload("สมชาย ใจดี.png")})
    assert form.is_valid(), form.errors
    answer_set = answer_set_create(version=version, form=form, user=None)
    stored = AnswerFile.objects.get()
    assert stored.answer_set == answer_set
    assert answer_set.data["photo"]["file"] == str(stored.uuid)
    assert answer_set.data["photo"]["content_type"] == "image/png"
    assert stored.file.storage is storages["private"]
    assert "สมชาย" not in stored.file.name and stored.file.name.endswith(".png")
    assert storages["private"].exists(stored.file.name)


def test_a_draft_takes_no_answers(db):
    version = version_with([field("q")], publish=False)
    form = form_for(version=version, data={"q": "x"})
    with pytest.raises(Exception):  # noqa: B017
        answer_set_create(version=version, form=form, user=None)
    assert AnswerSet.objects.count() == 0


def test_the_area_lookup_is_public_and_read_only(db, client):
    districts = client.get("/forms/areas/20/").json()["areas"]
    assert {"code": "2004", "name_th": "บางละมุง", "name_en": "Bang Lamung"} in districts
    subdistricts = client.get("/forms/areas/2004/").json()["areas"]
    assert "200402" in {a["code"] for a in subdistricts}
    assert len(client.get("/forms/areas/").json()["areas"]) == 77
    assert client.get("/forms/areas/99/").status_code == 404
    assert client.post("/forms/areas/20/").status_code == 405


@pytest.mark.parametrize(
    "field_type",
    [FieldType.YES_NO, FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE, FieldType.INTEGER],
)
def test_every_link_of_the_error_summary_leads_to_its_field(db, field_type):
    import re

    version = version_with([field("answer", field_type, required=True)])
    form = form_for(version=version, data={})
    assert not form.is_valid()
    html = render(form)
    links = re.findall(r'<li><a href="#([^"]*)">', html)
    assert links and all(f'id="{target}"' in html for target in links), links
