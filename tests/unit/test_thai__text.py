import pytest
from hypothesis import given
from hypothesis import strategies as st

from thai.text import search_text, thai_sort_key


def test_leading_vowel_words_sort_under_their_consonant():
    names = ["ขาว", "ไก่", "กา", "เกิด", "แก้ว", "โกวิท", "คำ"]
    # Within one consonant the Royal Institute order of vowels is ... า ... เ แ โ ใ ไ.
    assert sorted(names, key=thai_sort_key) == ["กา", "เกิด", "แก้ว", "โกวิท", "ไก่", "ขาว", "คำ"]


def test_tone_marks_rank_after_the_bare_letters():
    assert sorted(["ข้า", "ขา"], key=thai_sort_key) == ["ขา", "ข้า"]


def test_english_names_sort_as_usual_and_case_insensitively():
    assert sorted(["bob", "Alice", "carol"], key=thai_sort_key) == ["Alice", "bob", "carol"]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [(("  สมชาย ", "ใจดี"), "สมชาย ใจดี"), (("John  SMITH",), "john smith"), (("", "ก"), "ก")],
)
def test_search_text_normalizes(parts, expected):
    assert search_text(*parts) == expected


@given(st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E), max_size=12))
def test_sort_key_is_total_and_stable(text):
    assert thai_sort_key(text) == thai_sort_key(text)
