"""Validators of answers: national ID, Thai phone numbers, admin patterns, uploaded files."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.th import pin

from forms_builder.be_dates import THAI_DIGITS
from forms_builder.texts import localized_text

MAX_PATTERN_LENGTH = 200


def national_id_clean(value: str) -> str:
    """The 13 digits of a Thai national ID, or ValidationError (length, format, check digit)."""
    number = (value or "").translate(THAI_DIGITS)
    try:
        return pin.validate(number)
    except InvalidChecksum:
        raise ValidationError(
            _("The check digit (the last digit) does not match: please check the number."),
            code="checksum",
        ) from None
    except StdnumError:
        raise ValidationError(
            _("A national ID has 13 digits and does not start with 0 or 9."), code="invalid"
        ) from None


_PHONE_JUNK = re.compile(r"[\s\-().]")
_MOBILE = re.compile(r"^0[689]\d{8}$")
_LANDLINE = re.compile(r"^0[2-7]\d{7}$")
_SHORT = re.compile(r"^1\d{3}$")


def phone_clean(value: str) -> str:
    """A Thai phone number in its national form: 0812345678, 038123456 or a 4-digit 1xxx line."""
    number = _PHONE_JUNK.sub("", (value or "").translate(THAI_DIGITS))
    if number.startswith("+66"):
        number = "0" + number[3:]
    elif number.startswith("66") and len(number) in (10, 11):
        number = "0" + number[2:]
    if _MOBILE.match(number) or _LANDLINE.match(number) or _SHORT.match(number):
        return number
    raise ValidationError(
        _("Enter a Thai phone number, e.g. 081 234 5678 or 038 123 456."), code="invalid"
    )


def phone_format(number: str) -> str:
    if len(number) == 10:
        return f"{number[:3]}-{number[3:6]}-{number[6:]}"
    if len(number) == 9:
        return f"{number[:2]}-{number[2:5]}-{number[5:]}"
    return number


# A repeated group that itself repeats, e.g. (a+)+ : the shape of catastrophic backtracking.
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]")


def pattern_problem(pattern: str) -> str | None:
    """Why an administrator's pattern cannot be used, or None."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return str(_("A pattern may have at most 200 characters."))
    if _NESTED_REPEAT.search(pattern):
        return str(_("A repeated group may not contain another repetition, e.g. (a+)+."))
    try:
        re.compile(pattern)
    except re.error as error:
        return str(_("The pattern is not a valid regular expression: %(error)s") % {"error": error})
    return None


@deconstructible
class PatternValidator:
    """The administrator's pattern, with their own Thai/English message (chosen when it fails)."""

    def __init__(self, validation: dict):
        self.pattern = validation["pattern"]
        self.messages = {
            "message_th": validation.get("pattern_message_th") or "",
            "message_en": validation.get("pattern_message_en") or "",
        }

    def __call__(self, value: str) -> None:
        if not re.fullmatch(self.pattern, str(value)):
            message = localized_text(self.messages, "message") or _(
                "The answer does not have the expected form."
            )
            raise ValidationError(message, code="pattern")

    def __eq__(self, other) -> bool:
        return isinstance(other, PatternValidator) and self.__dict__ == other.__dict__
