"""The field editor: settings by type, choice rows, condition rows, keys, order, removal."""

import pytest
from django.urls import reverse

from forms_builder import services
from forms_builder.models import FieldDefinition, FieldType
from partners.models import Role
from tests.factories import PartnerFactory, member
from tests.factories_forms_admin import field_post, form_with_fields, newest, text_fields


def url(name, definition, *args):
    return reverse(f"forms_builder_admin:{name}", args=[definition.pk, *args])


def add_url(definition, field_type):
    return url("field_add", definition) + f"?type={field_type}"


@pytest.fixture
def partner(db):
    return PartnerFactory()


@pytest.fixture
def admin(partner, client):
    user = member(Role.ADMINISTRATOR, partner=partner)
    client.force_login(user)
    return user


@pytest.fixture
def draft_form(partner, admin):
    return form_with_fields(partner, "intake", fields=text_fields(2))


def fields_of(definition):
    return list(newest(definition).fields.order_by("sort_order"))


@pytest.mark.parametrize(
    ("field_type", "shown", "hidden"),
    [
        (FieldType.SHORT_TEXT, {"default", "pattern", "max_length", "required"}, {"min_value"}),
        (FieldType.INTEGER, {"min_value", "max_value", "default"}, {"pattern", "max_length"}),
        (FieldType.SINGLE_CHOICE, {"widget", "default"}, {"min_value", "max_size_mb"}),
        (FieldType.FILE, {"max_size_mb", "accept"}, {"default", "pattern"}),
        (FieldType.HEADING, {"label_th"}, {"required", "sensitive", "default"}),
        (FieldType.DATE, {"min_value", "default", "default_today"}, {"pattern"}),
        (FieldType.NATIONAL_ID, {"required", "sensitive"}, {"default", "pattern", "min_value"}),
    ],
)
def test_the_editor_shows_only_the_settings_of_the_type(
    client, draft_form, field_type, shown, hidden
):
    response = client.get(add_url(draft_form, field_type))
    assert response.status_code == 200
    names = set(response.context["form"].fields)
    assert shown <= names
    assert not (hidden & names)
    assert (response.context["choices_formset"] is not None) == (
        field_type in {FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE}
    )


def test_an_unknown_type_is_404(client, draft_form):
    assert client.get(add_url(draft_form, "script")).status_code == 404


def test_add_a_single_choice_with_rows_and_a_default(client, draft_form):
    response = client.post(
        add_url(draft_form, FieldType.SINGLE_CHOICE),
        field_post(
            key="group",
            label_th="กลุ่ม",
            required="on",
            widget="dropdown",
            default="elderly",
            choices=[("child", "เด็ก", "Child"), ("elderly", "ผู้สูงอายุ", "Elderly"), ("", "", "")],
        ),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    field = fields_of(draft_form)[-1]
    assert field.key == "group"
    assert field.required is True
    assert field.options == {"widget": "dropdown"}
    assert field.default == "elderly"
    assert field.choices == [
        {"value": "child", "label_th": "เด็ก", "label_en": "Child"},
        {"value": "elderly", "label_th": "ผู้สูงอายุ", "label_en": "Elderly"},
    ]


def test_choice_rows_reorder_by_number_and_remove_by_tick(client, draft_form):
    data = field_post(
        key="group",
        widget="radio",
        choices=[("a", "ก", ""), ("b", "ข", ""), ("c", "ค", "")],
    )
    data["choices-0-ORDER"] = "4"
    data["choices-1-DELETE"] = "on"
    client.post(add_url(draft_form, FieldType.SINGLE_CHOICE), data)
    assert [c["value"] for c in fields_of(draft_form)[-1].choices] == ["c", "a"]


@pytest.mark.parametrize(
    ("settings", "choices", "where"),
    [
        ({"key": "Bad Key"}, None, "key"),
        ({"key": "q0"}, None, "key"),  # taken by another field
        ({"label_th": ""}, None, "label_th"),
        ({"min_length": "5", "max_length": "2"}, None, "max_length"),
        ({"pattern": "([a-z"}, None, "pattern"),
        ({"pattern": "[0-9]+", "pattern_message_th": ""}, None, "pattern_message_th"),
    ],
)
def test_bad_text_settings_are_form_errors_and_nothing_is_saved(
    client, draft_form, settings, choices, where
):
    before = FieldDefinition.objects.count()
    response = client.post(add_url(draft_form, FieldType.SHORT_TEXT), field_post(**settings))
    assert response.status_code == 200
    assert where in response.context["form"].errors
    assert FieldDefinition.objects.count() == before


@pytest.mark.parametrize(
    ("choices", "default", "problem"),
    [
        ([], "", "Add at least one choice."),
        ([("a", "ก", ""), ("a", "ข", "")], "", "repeated"),
        ([("Bad Value", "ก", "")], "", None),
        ([("a", "", "A")], "", None),
        ([("a", "ก", "")], "zzz", None),
    ],
)
def test_bad_choices_are_form_errors_and_nothing_is_saved(
    client, draft_form, choices, default, problem
):
    before = FieldDefinition.objects.count()
    with_english = client.get(reverse("wagtailadmin_home"))  # keep the session warm
    assert with_english.status_code == 200
    response = client.post(
        add_url(draft_form, FieldType.SINGLE_CHOICE),
        field_post(key="group", widget="radio", default=default, choices=choices),
    )
    assert response.status_code == 200
    assert FieldDefinition.objects.count() == before
    formset = response.context["choices_formset"]
    errors = [*formset.non_form_errors(), *[e for form in formset for e in form.errors.values()]]
    errors += list(response.context["form"].errors.values())
    assert errors


def test_number_settings_keep_types(client, draft_form):
    client.post(
        add_url(draft_form, FieldType.DECIMAL),
        field_post(key="weight", min_value="0.5", max_value="200", default="60.5"),
    )
    field = fields_of(draft_form)[-1]
    assert field.validation == {"min_value": "0.5", "max_value": "200"}
    assert field.default == "60.5"
    client.post(
        add_url(draft_form, FieldType.INTEGER),
        field_post(key="age", min_value="0", max_value="120"),
    )
    assert fields_of(draft_form)[-1].validation == {"min_value": 0, "max_value": 120}


def test_date_settings_are_typed_in_the_buddhist_era(client, draft_form):
    response = client.post(
        add_url(draft_form, FieldType.DATE),
        field_post(key="found_on", min_value="01/10/2567", default_today="on"),
    )
    assert response.status_code == 302
    field = fields_of(draft_form)[-1]
    assert field.validation == {"min_value": "2024-10-01"}
    assert field.default == "today"
    page = client.get(url("field_edit", draft_form, field.pk)).content.decode()
    assert "01/10/2567" in page


def test_file_limits(client, draft_form):
    client.post(
        add_url(draft_form, FieldType.FILE),
        field_post(key="photo", max_size_mb="5", accept=["image/*"]),
    )
    assert fields_of(draft_form)[-1].validation == {"max_size_mb": 5, "accept": ["image/*"]}
    response = client.post(
        add_url(draft_form, FieldType.FILE), field_post(key="scan", max_size_mb="500")
    )
    assert "max_size_mb" in response.context["form"].errors


def test_a_condition_is_built_from_rows_in_and_or_groups(client, partner, admin):
    definition = form_with_fields(
        partner,
        "screening",
        fields=[
            {"key": "age", "field_type": FieldType.INTEGER},
            {
                "key": "group",
                "field_type": FieldType.SINGLE_CHOICE,
                "choices": [
                    {"value": "child", "label_th": "เด็ก"},
                    {"value": "disabled", "label_th": "คนพิการ"},
                ],
            },
            {"key": "is_thai", "field_type": FieldType.YES_NO},
        ],
    )
    response = client.post(
        add_url(definition, FieldType.LONG_TEXT),
        field_post(
            key="guardian",
            conditions=[
                {"group": "1", "field": "age", "operator": "lt", "value": "18"},
                {"group": "1", "field": "is_thai", "operator": "equals", "value": "yes"},
                {"group": "2", "field": "group", "operator": "in", "value": "child, disabled"},
                {"group": "1", "field": "", "operator": "", "value": ""},
            ],
        ),
    )
    assert response.status_code == 302, response.context["condition_formset"].errors
    field = fields_of(definition)[-1]
    assert field.condition == {
        "any": [
            {
                "all": [
                    {"field": "age", "operator": "lt", "value": 18},
                    {"field": "is_thai", "operator": "equals", "value": True},
                ]
            },
            {"all": [{"field": "group", "operator": "in", "value": ["child", "disabled"]}]},
        ]
    }
    # The rows come back as rows, never as JSON.
    page = client.get(url("field_edit", definition, field.pk))
    rows = [f.initial for f in page.context["condition_formset"] if f.initial]
    assert rows[2] == {"group": 2, "field": "group", "operator": "in", "value": "child, disabled"}
    assert '{"any"' not in page.content.decode()
    assert page.context["choice_hints"] == [
        ("group", ["child", "disabled"]),
        ("is_thai", ["yes", "no"]),
    ]


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ({"field": "age", "operator": "lt", "value": "many"}, "value"),
        ({"field": "age", "operator": "", "value": "3"}, "operator"),
        ({"field": "age", "operator": "in", "value": ""}, "value"),
        ({"field": "group", "operator": "equals", "value": "adult"}, "value"),
        ({"field": "later", "operator": "empty", "value": ""}, "field"),  # not a field before
        ({"field": "group", "operator": "gt", "value": "child"}, "non_form"),  # wrong operator
    ],
)
def test_bad_condition_rows_are_errors_and_nothing_is_saved(client, partner, admin, row, where):
    definition = form_with_fields(
        partner,
        "screening",
        fields=[
            {"key": "age", "field_type": FieldType.INTEGER},
            {
                "key": "group",
                "field_type": FieldType.SINGLE_CHOICE,
                "choices": [{"value": "child", "label_th": "เด็ก"}],
            },
            {"key": "note", "field_type": FieldType.SHORT_TEXT},
            {"key": "later", "field_type": FieldType.SHORT_TEXT},
        ],
    )
    note = fields_of(definition)[2]
    response = client.post(
        url("field_edit", definition, note.pk), field_post(key="note", conditions=[row])
    )
    assert response.status_code == 200
    formset = response.context["condition_formset"]
    if where == "non_form":
        assert formset.non_form_errors()
    else:
        assert where in formset.forms[0].errors
    note.refresh_from_db()
    assert note.condition is None


def test_a_published_key_is_read_only_and_a_new_one_is_not(client, partner, admin):
    definition = form_with_fields(partner, "intake", fields=text_fields(1), publish=True)
    services.form_version_draft(definition=definition, user=admin)
    field = fields_of(definition)[0]
    page = client.get(url("field_edit", definition, field.pk))
    assert page.context["form"].fields["key"].disabled
    client.post(url("field_edit", definition, field.pk), field_post(key="renamed", label_th="ใหม่"))
    field.refresh_from_db()
    assert (field.key, field.label_th) == ("q0", "ใหม่")

    client.post(add_url(definition, FieldType.SHORT_TEXT), field_post(key="fresh"))
    fresh = fields_of(definition)[-1]
    assert (
        not client.get(url("field_edit", definition, fresh.pk))
        .context["form"]
        .fields["key"]
        .disabled
    )
    client.post(url("field_edit", definition, fresh.pk), field_post(key="fresher"))
    fresh.refresh_from_db()
    assert fresh.key == "fresher"


def test_up_and_down_buttons_reorder_without_javascript(client, partner, admin):
    definition = form_with_fields(partner, "intake", fields=text_fields(3))
    first, second, third = fields_of(definition)
    client.post(url("field_move", definition, third.pk, "up"))
    assert [f.key for f in fields_of(definition)] == ["q0", "q2", "q1"]
    client.post(url("field_move", definition, first.pk, "down"))
    assert [f.key for f in fields_of(definition)] == ["q2", "q0", "q1"]
    client.post(url("field_move", definition, second.pk, "down"))  # already last: no change
    assert [f.key for f in fields_of(definition)] == ["q2", "q0", "q1"]
    client.post(url("fields_reorder", definition), {"keys": ["q1", "q0", "q2"]})
    assert [f.key for f in fields_of(definition)] == ["q1", "q0", "q2"]
    client.post(url("fields_reorder", definition), {"keys": ["q1"]})  # incomplete: refused
    assert [f.key for f in fields_of(definition)] == ["q1", "q0", "q2"]


def test_remove_a_field_after_confirming(client, partner, admin):
    definition = form_with_fields(
        partner,
        "intake",
        fields=[
            {"key": "age", "field_type": FieldType.INTEGER},
            {
                "key": "school",
                "field_type": FieldType.SHORT_TEXT,
                "condition": {"any": [{"all": [{"field": "age", "operator": "lt", "value": 18}]}]},
            },
        ],
    )
    age = fields_of(definition)[0]
    page = client.get(url("field_delete", definition, age.pk))
    assert [f.key for f in page.context["dependents"]] == ["school"]
    client.post(url("field_delete", definition, age.pk))
    assert [f.key for f in fields_of(definition)] == ["school"]


def test_published_fields_cannot_be_edited_through_the_editor(client, partner, admin):
    definition = form_with_fields(partner, "intake", fields=text_fields(1), publish=True)
    field = fields_of(definition)[0]
    assert client.get(url("field_edit", definition, field.pk)).status_code == 404
    assert client.post(url("field_delete", definition, field.pk)).status_code == 404
    assert client.get(url("draft", definition)).status_code == 302  # no draft: back to the form


def test_the_editor_of_a_60_field_form_has_a_bounded_number_of_queries(
    client, partner, admin, django_assert_max_num_queries
):
    definition = form_with_fields(partner, "big", fields=text_fields(60))
    last = fields_of(definition)[-1]
    client.get(url("draft", definition))
    with django_assert_max_num_queries(16):
        assert client.get(url("draft", definition)).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(url("field_edit", definition, last.pk)).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(url("version", definition, 1)).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(url("preview_frame", definition, 1)).status_code == 200
