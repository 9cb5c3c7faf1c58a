"""Whether decisions take every answer (forms_builder.condition_coverage)."""

from forms_builder.condition_coverage import answers_describe, conditions_coverage
from forms_builder.models import FieldDefinition, FieldType


def choice(key, *values, required=True):
    return FieldDefinition(
        key=key,
        field_type=FieldType.SINGLE_CHOICE,
        label_th=key,
        required=required,
        choices=[{"value": v, "label_th": f"ค่า {v}", "label_en": v} for v in values],
    )


def rule(key, operator, value=None):
    row = {"field": key, "operator": operator}
    if value is not None:
        row["value"] = value
    return {"any": [{"all": [row]}]}


NATIONALITY = choice("nationality", "thai", "foreign")
CHILD = FieldDefinition(key="is_child", field_type=FieldType.YES_NO, label_th="เป็นเด็ก")
AGE = FieldDefinition(key="age", field_type=FieldType.INTEGER, label_th="อายุ")
FIELDS = {f.key: f for f in (NATIONALITY, CHILD, AGE)}


def test_every_choice_taken_is_complete():
    coverage = conditions_coverage(
        [rule("nationality", "equals", "thai"), rule("nationality", "equals", "foreign")],
        FIELDS,
        may_be_missing=set(),
    )
    assert coverage.complete


def test_a_choice_no_decision_takes_is_named():
    coverage = conditions_coverage(
        [rule("nationality", "equals", "thai")], FIELDS, may_be_missing=set()
    )
    assert coverage.uncovered == [{"nationality": "foreign"}]
    assert answers_describe(coverage.uncovered[0], FIELDS) == "nationality: ค่า foreign"


def test_an_answer_that_may_be_missing_must_be_taken_too():
    conditions = [rule("is_child", "equals", True), rule("is_child", "equals", False)]
    assert conditions_coverage(conditions, FIELDS, may_be_missing=set()).complete
    coverage = conditions_coverage(conditions, FIELDS, may_be_missing={"is_child"})
    assert coverage.uncovered == [{"is_child": None}]
    conditions.append(rule("is_child", "empty"))
    assert conditions_coverage(conditions, FIELDS, may_be_missing={"is_child"}).complete


def test_a_number_cannot_be_foreseen_unless_only_its_emptiness_is_tested():
    coverage = conditions_coverage([rule("age", "lt", 18)], FIELDS, may_be_missing=set())
    assert coverage.open_fields == [AGE] and not coverage.complete
    emptiness = [rule("age", "empty"), rule("age", "not_empty")]
    assert conditions_coverage(emptiness, FIELDS, may_be_missing={"age"}).complete


def test_combinations_of_fields_and_an_always_decision():
    conditions = [
        {
            "any": [
                {"all": [{"field": "nationality", "operator": "equals", "value": "thai"}]},
                {"all": [{"field": "is_child", "operator": "equals", "value": True}]},
            ]
        }
    ]
    coverage = conditions_coverage(conditions, FIELDS, may_be_missing=set())
    assert coverage.uncovered == [{"nationality": "foreign", "is_child": False}]
    assert conditions_coverage([*conditions, None], FIELDS, may_be_missing=set()).complete


def test_multiple_choice_subsets_are_tried():
    needs = FieldDefinition(
        key="needs",
        field_type=FieldType.MULTIPLE_CHOICE,
        label_th="needs",
        choices=[{"value": v, "label_th": v} for v in ("food", "shelter")],
    )
    fields = {"needs": needs}
    contains_food = {
        "any": [{"all": [{"field": "needs", "operator": "contains", "value": "food"}]}]
    }
    coverage = conditions_coverage([contains_food], fields, may_be_missing=set())
    assert coverage.uncovered == [{"needs": ["shelter"]}]
