"""Who else was in the room, and in what capacity a principal came.

Attendees are people said to have attended, been present, sat in on or accompanied a
leader "in the meeting"; people who only travel with the leader are not attendees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extract.context import Context, Ref
from api.extract.gazetteer import country_of_phrase
from api.extract.people import Person, Span

__all__ = ["Attendance", "Capacity", "find_attendance", "find_capacities"]

_AFTER_NAMES = re.compile(
    r"\b(?:attended\s+(?:the\s+)?(?:above\s+|said\s+)?(?:activity|activities|meeting|talks|"
    r"event|call|conversation|session|discussions?)|(?:was|were)\s+(?:also\s+)?present|"
    r"(?:was|were)\s+(?:also\s+)?in\s+attendance|sat\s+in\s+on|"
    r"(?:also\s+)?(?:joined|took\s+part\s+in)\s+the\s+(?:meeting|talks|call)|"
    r"(?:accompanied|joined)\s+(?P<acc>[^.;]{0,50}?)\s+(?:in|at|during|for)\s+the\s+"
    r"(?:meeting|talks|call))",
    re.IGNORECASE,
)
_BEFORE_NAMES = re.compile(
    r"\b(?:also\s+present\s+(?:were|was)|(?:meeting|talks|call)\s+was\s+(?:also\s+)?attended\s+by|"
    r"present\s+on\s+the\s+occasion\s+(?:were|was)|in\s+the\s+presence\s+of|"
    r"accompanied\s+(?:(?:in|at|during)\s+the\s+(?:meeting|talks|call)\s+)?by|"
    r"delegation\s+(?:included|includes|comprised|comprising|including|consisted\s+of)|"
    r"participants\s+(?:on\s+the\s+[\w.]+(?:\s+[A-Z][\w.]*)?\s+side\s+)?included)\b",
    re.IGNORECASE,
)
_TRAVELLING = re.compile(
    r"\b(?:is|are)\s+(?:being\s+)?accompanied\b|"
    r"\baccompanied\b[^.;]{0,80}\b(?:on|during|for)\s+(?:the|his|her|this|their)\s+"
    r"(?:[\w-]+\s+){0,2}(?:visit|trip|tour|journey)\b",
    re.IGNORECASE,
)
"""'He is being accompanied by his wife and a delegation': who travels with the leader,
not who sat in the meeting."""
_DELEGATION = re.compile(r"\b(?P<dem>[A-Z][\w.]*)\s+delegation\b")
_SIDE = re.compile(r"\b(?i:from|on)\s+the\s+(?P<dem>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+side\b")
"""'From the ROK side, A and B attended', 'those on the ROK side included A': whose side
the people named after it are."""
_ENVOY = r"(?:special\s+)?(?:representative|envoy)"
"""The capacities a person may attend in on someone's behalf."""
_CAPACITY_OWNER = re.compile(
    rf"\bas\s+(?:the\s+)?(?P<owner>[A-Z][\w .'’-]*?)['’]s\s+(?P<role>{_ENVOY})\b"
)
_CAPACITY_OF = re.compile(
    rf"\bas\s+(?:the\s+|a\s+)?(?P<cap>{_ENVOY}\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
)


@dataclass(frozen=True, slots=True)
class Attendance:
    """People a sentence places in the meeting reported before it."""

    sentence: int
    people: list[tuple[Person, Span]]
    country_hint: str | None
    sides: tuple[str | None, ...] = ()
    """For each person, the side the sentence names before them ('on the ROK side')."""

    def side_of(self, index: int) -> str | None:
        """The country the sentence gives the `index`-th person, if any."""
        side = self.sides[index] if index < len(self.sides) else None
        return side or self.country_hint


@dataclass(frozen=True, slots=True)
class Capacity:
    """'special representative of President Xi Jinping' for the person named before it."""

    person: Person
    text: str
    span: Span


def find_attendance(context: Context) -> list[Attendance]:
    """Attendance sentences in text order."""
    found: list[Attendance] = []
    for sentence in context.doc.sentences:
        if sentence.headline:
            continue
        refs = [r for r in context.refs.get(sentence.index, []) if not r.excluded]
        chosen: list[Ref] = []
        hint = None
        match = _AFTER_NAMES.search(sentence.text)
        if match:
            cut = sentence.start + match.start()
            chosen = [r for r in refs if r.end <= cut]
            if match.group("acc"):
                acc_start = sentence.start + match.start("acc")
                accompanied = [r for r in refs if r.start >= acc_start - 1 and r.start < cut + 60]
                chosen = [r for r in chosen if r not in accompanied]
                if accompanied:
                    hint = accompanied[0].person.country
        else:
            before = _BEFORE_NAMES.search(sentence.text)
            if before and before.group(0).lower().startswith("accompanied"):
                before = None if _TRAVELLING.search(sentence.text) else before
            if before:
                cut = sentence.start + before.end()
                chosen = [r for r in refs if r.start >= cut]
        if not chosen:
            continue
        delegation = _DELEGATION.search(sentence.text)
        if delegation and country_of_phrase(delegation.group("dem")):
            hint = country_of_phrase(delegation.group("dem"))
        sides = [
            (sentence.start + m.start(), country_of_phrase(m["dem"]))
            for m in _SIDE.finditer(sentence.text)
        ]
        people = [(r.person, r.name_span) for r in chosen]
        told = tuple(next((c for at, c in reversed(sides) if at < r.start), None) for r in chosen)
        found.append(Attendance(sentence.index, people, hint, told))
    return found


def find_capacities(context: Context) -> list[Capacity]:
    """Capacities stated for people ('as President Xi Jinping's special representative')."""
    found: list[Capacity] = []
    for sentence in context.doc.sentences:
        refs = context.refs.get(sentence.index, [])
        for pattern in (_CAPACITY_OWNER, _CAPACITY_OF):
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                before = [r for r in refs if r.end <= start and not r.excluded]
                if not before:
                    continue
                if pattern is _CAPACITY_OWNER:
                    text = f"{match.group('role')} of {match.group('owner').strip()}"
                else:
                    text = match.group("cap").strip()
                span = (start, sentence.start + match.end())
                found.append(Capacity(before[-1].person, text, span))
    return found
