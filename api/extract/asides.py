"""Words around a trigger that make it no report of a meeting: an appeal ('called on
Russia to release ...'), a recollection ('recalled a phone conversation with ...') or
several undated contacts ('in telephone conversations with ...'), and the cues of a plan
or a hedge ('will meet', 'a possible phone call between')."""

from __future__ import annotations

import re

from api.extract.gazetteer import country_of_phrase
from api.extract.vocabulary import word_set

__all__ = [
    "FUTURE_BEFORE",
    "FUTURE_SENTENCE",
    "is_appeal",
    "is_plural_contact",
    "is_recollection",
]

FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|may|might|could|plans?|planning|hopes?|wants?|set|expected|"
    r"scheduled|due|going|likely)\s+(?:to\s+)?(?:\w+\s+){0,2}$|\bto\s+$|"
    r"\b(?:possible|potential|proposed|prospective|planned|future|upcoming|expected|"
    r"anticipated|requested)\s+(?:[\w-]+\s+){0,2}$|"
    r"\b(?:(?:could|did|does|do|would|can)\s*n[o'’]t|(?:could|did|does|do|would|can)n['’]t|"
    r"failed\s+to|never)\s+(?:\w+\s+){0,2}$"
)
"""Words right before a trigger that make it a plan, a hedge or a denial: 'will meet', 'a
possible phone call between', 'did not meet'."""
FUTURE_SENTENCE = re.compile(
    r"\b(?:is|are|was|were|will be)\s+(?:all\s+|also\s+|originally\s+|initially\s+)?(?:scheduled|expected|set|due|slated|likely|"
    r"going|planning|supposed|to)\b|\bwill\b(?=.*\b(?:meet|meets|meeting|talks|hold|summit)\b)|\bupcoming\b|\bnext week\b|"
    r"\btomorrow\b|\b(?:in\s+the\s+)?(?:coming|next\s+few)\s+(?:days|weeks|months)\b|\bwould (?:meet|hold)\b|\bbeing\s+(?:negotiated|arranged|planned|prepared|"
    r"organi[sz]ed)\b|\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:scheduled|set|planned|"
    r"arranged|confirmed|fixed)\b|\bcould\s+hardly\b|\bplanned\s+as\s+well\b|\bwas\s+(?:also\s+)?planned\b|\b(?:date|time|timing)\s+for\s+(?:a|the|such)\b",
    re.I,
)
"""A plan anywhere in the clause of a trigger: 'is scheduled to', 'in the coming days'."""

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
