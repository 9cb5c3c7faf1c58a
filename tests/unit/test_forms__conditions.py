"""Visibility conditions: examples, validation, and properties (hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from forms_builder.conditions import (
    condition_evaluate,
    condition_fields,
    condition_validate,
    operators_for,
)
from forms_builder.models import FieldType
from tests.factories_forms import field


def rule(key, operator, value=None):
    row = {"field": key, "operator": operator}
    if value is not None:
        row["value"] = value
    return row


def cond(*groups):
    return {"any": [{"all": list(rows)} for rows in groups]}


def test_none_and_empty_conditions_always_hold():
    assert condition_evaluate(None, {})
    assert condition_evaluate({"any": []}, {"x": 1})


def test_examples_of_every_operator():
    answers = {
        "age": 12,
        "nationality": "thai",
        "needs": ["food", "shelter"],
        "is_child": True,
        "seen": "2020-08-06",
        "income": "1500.50",
    }
    holds = [
        ("age", "lt", 18, True),
        ("age", "gte", 12, True),
        ("age", "gt", 12, False),
        ("age", "lte", 11, False),
        ("nationality", "equals", "thai", True),
        ("nationality", "not_equals", "thai", False),
        ("nationality", "in", ["thai", "foreign"], True),
        ("nationality", "not_in", ["foreign"], True),
        ("needs", "contains", "food", True),
        ("needs", "contains", "job", False),
        ("is_child", "equals", True, True),
        ("is_child", "equals", "true", False),
        ("seen", "lt", "2021-01-01", True),
        ("seen", "gt", "2020-08-06", False),
        ("income", "gt", 1000, True),
        ("missing", "equals", "x", False),
        ("missing", "not_equals", "x", True),
        ("missing", "lt", 5, False),
        ("age", "lt", "abc", False),
        ("income", "gt", "NaN", False),
    ]
    for key, operator, value, expected in holds:
        assert condition_evaluate(cond([rule(key, operator, value)]), answers) is expected, (
            key,
            operator,
            value,
        )
    assert condition_evaluate(cond([rule("missing", "empty")]), answers)
    assert condition_evaluate(cond([rule("needs", "not_empty")]), answers)
    assert condition_evaluate(cond([rule("x", "empty")]), {"x": []})


def test_condition_fields_lists_each_key_once():
    condition = cond([rule("a", "empty"), rule("b", "empty")], [rule("a", "not_empty")])
    assert condition_fields(condition) == ["a", "b"]


def test_validate_accepts_a_good_condition():
    before = {
        "age": field("age", FieldType.INTEGER),
        "nationality": field("nationality", FieldType.SINGLE_CHOICE),
        "is_child": field("is_child", FieldType.YES_NO),
    }
    condition = cond(
        [rule("age", "lt", 18), rule("nationality", "in", ["thai"])],
        [rule("is_child", "equals", True), rule("age", "not_empty")],
    )
    assert condition_validate(condition, before) == []


def test_validate_lists_every_problem():
    before = {
        "age": field("age", FieldType.INTEGER),
        "nationality": field("nationality", FieldType.SINGLE_CHOICE),
        "is_child": field("is_child", FieldType.YES_NO),
        "notes": field("notes", FieldType.LONG_TEXT),
    }
    condition = cond(
        [
            rule("later", "equals", 1),  # not an earlier field
            rule("age", "lt", "eighteen"),  # wrong type
            rule("nationality", "equals", "martian"),  # not a choice
            rule("is_child", "equals", "yes"),  # not a boolean
            rule("age", "wobble", 1),  # unknown operator
            rule("notes", "gt", 3),  # operator not for the type
            rule("nationality", "in", "thai"),  # needs a list
            rule("age", "equals"),  # needs a value
        ]
    )
    assert len(condition_validate(condition, before)) == 8
    assert condition_validate({"all": []}, before)
    assert condition_validate({"any": [{"all": []}]}, before)


def test_operators_for_types():
    assert dict(operators_for(FieldType.MULTIPLE_CHOICE)).keys() == {
        "contains",
        "empty",
        "not_empty",
    }
    assert "lt" in dict(operators_for(FieldType.DATE))
    assert operators_for(FieldType.HEADING) == []


# --- properties -------------------------------------------------------------------------------

values = st.one_of(st.integers(-5, 5), st.sampled_from(["a", "b", "c"]), st.booleans())
answers_strategy = st.dictionaries(st.sampled_from(["x", "y", "z"]), values, max_size=3)
operators = st.sampled_from(["equals", "not_equals", "lt", "gt", "empty", "not_empty"])
rows = st.builds(
    lambda key, operator, value: rule(key, operator, value),
    st.sampled_from(["x", "y", "z"]),
    operators,
    st.integers(-5, 5),
)
groups = st.lists(rows, min_size=1, max_size=3)


def reference_row(row, answers):
    """A direct reading of the contract for integer-valued rows."""
    present = row["field"] in answers
    answer = answers.get(row["field"])
    op, value = row["operator"], row["value"]
    if op == "empty":
        return not present
    if op == "not_empty":
        return present
    numeric = present and isinstance(answer, int) and not isinstance(answer, bool)
    if op == "equals":
        return numeric and answer == value
    if op == "not_equals":
        return not (numeric and answer == value)
    if op == "lt":
        return numeric and answer < value
    return numeric and answer > value


@given(groups=st.lists(groups, min_size=1, max_size=3), answers=answers_strategy)
def test_evaluate_agrees_with_a_reference(groups, answers):
    expected = any(all(reference_row(r, answers) for r in group) for group in groups)
    assert condition_evaluate(cond(*groups), answers) is expected


@given(key=st.sampled_from(["x", "y"]), value=values, answers=answers_strategy)
def test_not_equals_is_the_negation_of_equals_for_present_values(key, value, answers):
    if key in answers:
        equals = condition_evaluate(cond([rule(key, "equals", value)]), answers)
        differs = condition_evaluate(cond([rule(key, "not_equals", value)]), answers)
        assert differs is (not equals)


@given(a=groups, b=groups, answers=answers_strategy)
def test_or_and_laws(a, b, answers):
    either = condition_evaluate(cond(a, b), answers)
    assert either is (condition_evaluate(cond(a), answers) or condition_evaluate(cond(b), answers))
    both = condition_evaluate(cond(a + b), answers)
    assert both is (condition_evaluate(cond(a), answers) and condition_evaluate(cond(b), answers))
    assert condition_evaluate(cond(a, a), answers) is condition_evaluate(cond(a), answers)


@given(a=groups, b=groups, answers=answers_strategy)
def test_order_of_groups_and_rows_does_not_matter(a, b, answers):
    assert condition_evaluate(cond(a, b), answers) is condition_evaluate(cond(b, a), answers)
    assert condition_evaluate(cond(a + b), answers) is condition_evaluate(cond(b + a), answers)
