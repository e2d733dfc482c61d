"""Ecuadorian identity numbers: cédula (10 digits) and RUC (13 digits).

The check itself is python-stdnum's; this module only decides which of its
failures block a record (length, non-digits) and which are a warning (the check
digit or province code: the tax authority has issued numbers that fail them).
"""

import re

from stdnum.ec import ci, ruc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidLength

FINAL_CONSUMER_VAT = "9999999999999"

VALID = "valid"
BAD_CHECK_DIGIT = "check_digit"
BAD_LENGTH = "length"
NOT_DIGITS = "digits"

_SEPARATORS = re.compile(r"[\s.\-/]+")


def compact(number):
    """The number without the spaces, dots, dashes or slashes users type."""
    return _SEPARATORS.sub("", number or "")


def is_digit_number(number):
    """Whether the number is only the digits 0-9 once the separators are gone.

    str.isdigit() alone would let through other scripts' digits and superscripts,
    which no Ecuadorian document carries and python-stdnum refuses.
    """
    number = compact(number)
    return number.isascii() and number.isdigit()


def check(number):
    """One of VALID, BAD_CHECK_DIGIT, BAD_LENGTH or NOT_DIGITS for the number."""
    if not is_digit_number(number):
        return NOT_DIGITS
    number = compact(number)
    if number == FINAL_CONSUMER_VAT:
        # Its own format, not a RUC; which partner may carry it is checked apart.
        return VALID
    module = {10: ci, 13: ruc}.get(len(number))
    if module is None:
        return BAD_LENGTH
    try:
        module.validate(number)
    except (InvalidChecksum, InvalidComponent):
        return BAD_CHECK_DIGIT
    except InvalidLength:
        return BAD_LENGTH
    return VALID
