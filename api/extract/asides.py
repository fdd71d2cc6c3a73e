"""Words around a trigger that make it no report of a meeting: an appeal ('called on
Russia to release ...'), a recollection ('recalled a phone conversation with ...') or
several undated contacts ('in telephone conversations with ...')."""

from __future__ import annotations

import re

from api.extract.gazetteer import country_of_phrase
from api.extract.vocabulary import word_set

__all__ = ["is_appeal", "is_plural_contact", "is_recollection"]

_APPEAL = re.compile(
    r"\s+((?:[\w'’-]+\s+){1,6}?)to\s+(?!discuss|review|brief|congratulate|bid|present|"
    r"convey|exchange|thank|pay|deliver|hand)[a-z]+\b"
)
"""'called on Russia to release ...', 'called on both sides to exercise restraint': an
appeal to a country or a collective, not a visit."""
_COLLECTIVE = word_set(
    "all both the other relevant parties sides countries nations states governments members "
    "community world international two"
)
_RECALLED = re.compile(
    r"\b(?:recalled|recalling|recalls|remembered|recounted)\s+(?:[\w'’-]+\s+){0,4}$", re.I
)
"""'Xi recalled a telephone discussion with ...': a memory of an earlier contact."""
_PLURAL_CONTACTS = re.compile(r"\b(?:conversations|calls)\b", re.I)
"""'raised it in telephone conversations with X': several undated past contacts."""


def is_appeal(sentence: str, end: int) -> bool:
    """True when 'called on' is followed by countries or a collective and 'to <verb>'."""
    match = _APPEAL.match(sentence, end)
    if match is None:
        return False
    words = [w for w in match.group(1).split() if w.lower() != "and"]
    whole = " ".join(w for w in words if w.lower() != "the")
    return country_of_phrase(whole) is not None or all(
        country_of_phrase(w) is not None or w.lower() in _COLLECTIVE for w in words
    )


def is_recollection(before: str) -> bool:
    """True when the words before a trigger recall it ('Xi recalled a telephone ...')."""
    return _RECALLED.search(before) is not None


def is_plural_contact(trigger_text: str) -> bool:
    """True when a trigger names contacts in the plural ('telephone conversations')."""
    return _PLURAL_CONTACTS.search(trigger_text) is not None
