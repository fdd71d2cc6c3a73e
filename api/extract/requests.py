"""Who asked for or placed a call: 'at the request of the Pakistani side', 'at request'.

A bare "at request" (Chinese 应约) means the subject took the call at the other
side's request, so the call was initiated by the other principal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extract.gazetteer import country_of_phrase, fold
from api.extract.people import Person, Span

__all__ = ["Request", "find_requests"]

_OF = re.compile(
    r"\b(?i:at|upon|on)\s+the\s+(?:request|initiative)\s+of\s+(?:the\s+)?"
    r"(?P<who>(?:[A-Z][\w.'’-]*\s*)+?)(?:\s+side|\s+government)?(?=[\s,;]|\.?$|\.\s)"
)
_SIDES = re.compile(
    r"\b(?i:at|upon|on)\s+(?:the\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+side['’]s\s+"
    r"(?:request|initiative)\b|\b(?:initiated|requested|placed)\s+by\s+(?:the\s+)?"
    r"(?P<who2>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
)
_POSSESSIVE = re.compile(
    r"\b(?:at|upon|on)\s+(?:the\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})['’]s\s+"
    r"(?:request|invitation|initiative)\b"
)
"""'at Modi's invitation', 'at Pakistan's request': the person or country who asked."""
_BARE = re.compile(r"\b(?:at|upon|on)\s+request\b", re.IGNORECASE)
_WHICH = re.compile(
    r"\b(?:at|upon|on)\s+the\s+(?:(?P<a>latter|former)['’]s\s+request|request\s+of\s+the\s+"
    r"(?P<b>latter|former))\b",
    re.IGNORECASE,
)
"""'at the latter's request': the call was asked for by the principal named last."""


@dataclass(frozen=True, slots=True)
class Request:
    """A statement of who asked: a country, 'the other side' (bare 'at request'), or the
    `side` ('latter' or 'former') of the two principals."""

    sentence: int
    country: str | None
    other_side: bool
    span: Span
    side: str | None = None


def _who_country(who: str, people: list[Person]) -> str | None:
    code = country_of_phrase(who)
    if code:
        return code
    first = who.split()[0] if who.split() else ""
    if len(who.split()) > 1 and (code := country_of_phrase(first)):
        return code  # 'the U.S. Secretary of State ...': the country that qualifies the office
    words = set(fold(who).split())
    for person in people:
        if words & {fold(t) for t in person.tokens}:
            return person.country
    return None


def find_requests(sentence: str, offset: int, index: int, people: list[Person]) -> list[Request]:
    """Request statements in one sentence."""
    found: list[Request] = []
    for match in _OF.finditer(sentence):
        code = _who_country(match.group("who").strip(), people)
        if code:
            found.append(
                Request(index, code, False, (offset + match.start(), offset + match.end()))
            )
    for match in _SIDES.finditer(sentence):
        who = match.group("who") or match.group("who2")
        code = _who_country(who.strip(), people)
        if code:
            found.append(
                Request(index, code, False, (offset + match.start(), offset + match.end()))
            )
    for match in _POSSESSIVE.finditer(sentence):
        if fold(match.group("who")) in ("latter", "former"):
            continue
        code = _who_country(match.group("who").strip(), people)
        if code:
            found.append(
                Request(index, code, False, (offset + match.start(), offset + match.end()))
            )
    for match in _WHICH.finditer(sentence):
        side = (match.group("a") or match.group("b")).lower()
        span = (offset + match.start(), offset + match.end())
        found.append(Request(index, None, False, span, side))
    for match in _BARE.finditer(sentence):
        found.append(Request(index, None, True, (offset + match.start(), offset + match.end())))
    return found
