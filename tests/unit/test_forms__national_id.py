"""Thai national ID: check digit (hypothesis) and the 'no ID' answers."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from stdnum.th import pin

from forms_builder.runtime.fields import NationalIdField
from forms_builder.runtime.validators import national_id_clean

twelve_digits = st.tuples(
    st.sampled_from("12345678"), st.text(alphabet="0123456789", min_size=11, max_size=11)
).map("".join)


@given(twelve_digits)
def test_a_number_with_its_check_digit_is_accepted(body):
    number = body + pin.calc_check_digit(body)
    assert national_id_clean(number) == number
    spaced = f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"
    assert national_id_clean(spaced) == number


@given(twelve_digits, st.sampled_from("0123456789"))
def test_any_other_check_digit_is_refused(body, last):
    if last == pin.calc_check_digit(body):
        return
    with pytest.raises(ValidationError) as error:
        national_id_clean(body + last)
    assert error.value.code == "checksum"


def test_thai_digits_are_read():
    assert national_id_clean("๑๑๐๑๗๐๐๒๓๐๗๐๘") == "1101700230708"


@pytest.mark.parametrize("number", ["", "123", "11017002307081", "0101700230708", "abcdefghijklm"])
def test_wrong_lengths_and_formats_are_refused(number):
    with pytest.raises(ValidationError):
        national_id_clean(number)


def test_the_field_stores_an_id_or_an_explicit_no_id_answer():
    f = NationalIdField(required=True)
    assert f.clean(["id", "1101700230708", ""]) == {"status": "id", "number": "1101700230708"}
    assert f.clean(["no_id", "", ""]) == {"status": "no_id"}
    assert f.clean(["stateless", "", "G123"]) == {"status": "stateless", "document": "G123"}
    assert f.clean(["foreign", "", "AA1234567"]) == {"status": "foreign", "document": "AA1234567"}
    for bad in (["id", "", ""], ["id", "1101700230707", ""], ["foreign", "", ""], ["", "", ""]):
        with pytest.raises(ValidationError):
            f.clean(bad)
    assert NationalIdField(required=False).clean(["", "", ""]) is None
