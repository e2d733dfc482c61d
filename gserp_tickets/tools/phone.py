"""Ecuadorian phone numbers, stored in one national format.

Mobiles are 09 and eight digits, landlines 0, an area digit from 2 to 7 and seven
digits; "+593" or "593" in front stands for the leading 0. Numbers of other
countries keep their "+" and country code, digits only.
"""

import re

_SEPARATORS = re.compile(r"[\s.\-()/]+")
_MOBILE = re.compile(r"09\d{8}")
_LANDLINE = re.compile(r"0[2-7]\d{7}")
_INTERNATIONAL = re.compile(r"\+[1-9]\d{7,14}")


def normalize(number):
    """The number in the stored format, or None when it cannot be a phone number.

    An empty value stays empty.
    """
    if not number or not number.strip():
        return number
    number = _SEPARATORS.sub("", number)
    if number.startswith("00"):
        number = "+" + number[2:]
    if number.startswith("+593"):
        number = "0" + number[4:]
    elif number.startswith("593") and len(number) in (11, 12):
        number = "0" + number[3:]
    if _MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number):
        return number
    if _INTERNATIONAL.fullmatch(number):
        return number
    return None
