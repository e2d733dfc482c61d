"""The text that the lookups compare: lowercase, without accents or id separators.

It is stored next to the records and indexed with trigrams, so that the search
does not depend on PostgreSQL's unaccent extension.
"""

import unicodedata

from . import ec_identity


def normalize(text):
    """Lowercase text without accents, with its runs of blanks made one space."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def build(*parts):
    """The search key of a record from its parts; identity numbers are compacted.

    A part that is only digits with separators (a RUC typed as "1712345675-001")
    is kept without them, so that a typed RUC matches however it was written.
    """
    words = []
    for part in parts:
        if not part:
            continue
        if ec_identity.is_digit_number(part):
            part = ec_identity.compact(part)
        words.append(normalize(part))
    return " | ".join(word for word in words if word)


def query(text):
    """The typed text made comparable with a search key, for an ilike.

    A typed % or _ is a character to find, not a wildcard matching everything.
    """
    if ec_identity.is_digit_number(text):
        return ec_identity.compact(text)
    text = normalize(text)
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
