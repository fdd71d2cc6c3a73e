"""A draft meeting: a trigger with its principals and date, still being assembled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from api.extract.kinds import Trigger
from api.extract.model import Evidence
from api.extract.people import Person, Span
from api.extract.text import Sentence

__all__ = ["Draft"]


@dataclass(slots=True)
class Draft:
    """A meeting being assembled: its trigger sentence, principals, date, evidence."""

    sentence: Sentence
    trigger: Trigger
    principals: list[tuple[Person, Span]]
    date: dt.date | None
    evidence: Evidence = field(default_factory=dict)
    attendees: list[tuple[Person, Span, str | None]] = field(default_factory=list)
    initiated_by: str | None = None
    clause_end: int = -1
    story: Sentence | None = None
    """The earlier sentence that gave the date ('held a series of meetings on Wednesday on
    the sidelines of ...'): its place and occasion stand for the meeting's if it has none."""
    retellings: list[Draft] = field(default_factory=list)
    """Later reports of the same event, which may give the place the first one lacks."""

    def key(self) -> frozenset[int]:
        """Identity of the principals, for recognising the same event told twice."""
        return frozenset(id(p) for p, _ in self.principals)
