"""Past answers render read-only with their own version's labels; sensitive ones are masked."""

from django.template import Context, Template
from django.utils import translation

from forms_builder.models import FieldType
from forms_builder.runtime.dynamic_form import form_for
from forms_builder.selectors import answers_display
from forms_builder.services import (
    answer_set_create,
    field_delete,
    field_update,
    form_version_draft,
    form_version_publish,
)
from tests.factories_forms import field, version_with


def table(rows) -> str:
    return Template("{% load dynamic_forms %}{% answers_table rows %}").render(
        Context({"rows": rows})
    )


def test_answers_to_v1_still_render_after_v2_renames_labels_and_removes_a_field(db):
    v1 = version_with(
        [
            field("nationality", FieldType.SINGLE_CHOICE, label_th="สัญชาติ"),
            field("seen_on", FieldType.DATE, label_th="วันที่พบ"),
            field("note", FieldType.SHORT_TEXT, label_th="หมายเหตุ"),
        ]
    )
    with translation.override("th"):
        form = form_for(
            version=v1, data={"nationality": "thai", "seen_on": "06/08/2563", "note": "ok"}
        )
        answer_set = answer_set_create(version=v1, form=form, user=None)
    v2 = form_version_draft(definition=v1.definition)
    renamed = v2.fields.get(key="nationality")
    field_update(
        field=renamed,
        label_th="สัญชาติของผู้รับบริการ",
        choices=[{"value": "thai", "label_th": "คนไทย", "label_en": "Thai person"}],
    )
    field_delete(field=v2.fields.get(key="note"))
    form_version_publish(version=v2)
    with translation.override("th"):
        rows = answers_display(answer_set=answer_set, can_see_sensitive=False)
    assert [(r.label, r.text) for r in rows] == [
        ("สัญชาติ", "ไทย"),
        ("วันที่พบ", "6 สิงหาคม 2563"),
        ("หมายเหตุ", "ok"),
    ]
    with translation.override("en"):
        rows = answers_display(answer_set=answer_set, can_see_sensitive=False)
    assert rows[0].label == "Label nationality" and rows[0].text == "Thai"
    assert rows[1].text == "6 August 2020"


def test_sensitive_answers_are_masked_unless_allowed_and_hidden_fields_left_out(db):
    version = version_with(
        [
            field("is_disabled", FieldType.YES_NO),
            field(
                "disability",
                FieldType.SHORT_TEXT,
                sensitive=True,
                condition={
                    "any": [
                        {"all": [{"field": "is_disabled", "operator": "equals", "value": True}]}
                    ]
                },
            ),
            field("heading", FieldType.HEADING, label_th="สรุป", help_th="<b>อ่าน</b>"),
            field("phone", FieldType.PHONE),
            field("nid", FieldType.NATIONAL_ID),
        ]
    )
    form = form_for(
        version=version,
        data={
            "is_disabled": "yes",
            "disability": "<i>ตาบอด</i>",
            "phone": "0812345678",
            "nid_0": "foreign",
            "nid_2": "P123",
        },
    )
    answer_set = answer_set_create(version=version, form=form, user=None)
    with translation.override("th"):
        masked = answers_display(answer_set=answer_set, can_see_sensitive=False)
        shown = answers_display(answer_set=answer_set, can_see_sensitive=True)
    assert masked[1].masked and masked[1].value is None and "ตาบอด" not in masked[1].text
    assert shown[1].text == "<i>ตาบอด</i>"
    assert masked[2].is_heading
    assert masked[3].text == "081-234-5678"
    assert masked[4].text == "เอกสารต่างด้าว (หนังสือเดินทาง บัตรสีชมพู ฯลฯ): P123"
    html = table(shown)
    assert "&lt;i&gt;ตาบอด&lt;/i&gt;" in html and "<i>" not in html
    assert "&lt;b&gt;อ่าน&lt;/b&gt;" in html

    form = form_for(version=version, data={"is_disabled": "no", "disability": "x"})
    answer_set = answer_set_create(version=version, form=form, user=None)
    assert answer_set.data == {"is_disabled": False}
    keys = [r.key for r in answers_display(answer_set=answer_set, can_see_sensitive=True)]
    assert "disability" not in keys and "phone" in keys


def test_displaying_answers_takes_a_fixed_number_of_queries(db, django_assert_num_queries):
    version = version_with([field(f"f{i}") for i in range(30)])
    form = form_for(version=version, data={f"f{i}": "x" for i in range(30)})
    answer_set = answer_set_create(version=version, form=form, user=None)
    answer_set = type(answer_set).objects.get(pk=answer_set.pk)
    with django_assert_num_queries(2):
        table(answers_display(answer_set=answer_set, can_see_sensitive=True))
