"""Name keys: one spelling-insensitive form of a person's name for lookups."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key"]

_NOT_WORD = re.compile(r"[^\w\s-]+")
_SPACES = re.compile(r"[\s-]+")


def name_key(name: str) -> str:
    """Lower-case, accent-free, punctuation-free form: 'Dr. Arif  Alvi' → 'dr arif alvi'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NOT_WORD.sub("", plain.casefold())).strip()
