"""Contacts told as earlier ones ('had met', 'did meet', 'have met before'): such a
contact is a meeting only with a date of its own (corpus convention)."""

from __future__ import annotations

import re

__all__ = ["told_as_earlier"]

_EARLIER_BEFORE = re.compile(
    r"\b(?:had|did|last|previously|once)\s+(?:(?:also|previously|already|last|earlier|first|"
    r"once|never|not)\s+)?$|\b(?:have|has)\s+(?:\w+\s+)?(?:previously|already|often|before|"
    r"never|once)\s+$",
    re.I,
)
_EARLIER_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:before|previously|in\s+the\s+past|several\s+times|many\s+times|"
    r"on\s+several\s+occasions)\b(?!\s+(?:the|their|his|her|a|an|leaving|arriving)\b)",
    re.I,
)
"""Words that tell a contact as one of the past: 'had met', 'did meet', 'last spoke',
'have met before'. Such a contact is a meeting only with a date of its own."""


def told_as_earlier(text: str, start: int, end: int) -> bool:
    """True when the trigger at text[start:end] tells a contact as one of the past."""
    return bool(
        _EARLIER_BEFORE.search(text[max(0, start - 30) : start]) or _EARLIER_AFTER.match(text, end)
    )
