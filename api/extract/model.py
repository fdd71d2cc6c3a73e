"""What the extractor returns: candidate meetings with the evidence for every field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from api.models import MeetingKind, Role, Setting

__all__ = ["Evidence", "ExtractedMeeting", "ExtractedParticipant"]

Evidence = dict[str, list[tuple[int, int]]]
"""Field name ('date', 'participants[0].title', 'topics.cpec', ...) -> spans in the text."""


@dataclass(frozen=True, slots=True)
class ExtractedParticipant:
    """A person in a candidate meeting, as the text names them."""

    name: str
    country_code: str | None
    title: str | None
    role: Role
    capacity: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedMeeting:
    """A candidate meeting: the corpus fields, plus time of day, topics and evidence.

    `evidence` maps each filled field to character spans `(start, end)` of the original
    text, so `text[start:end]` quotes what the value was read from.
    """

    date: dt.date | None
    kind: MeetingKind
    setting: Setting
    city: str | None
    country_code: str | None
    venue: str | None
    occasion: str | None
    participants: list[ExtractedParticipant]
    initiated_by: str | None
    time_of_day: str | None = None
    topics: list[str] = field(default_factory=list)
    evidence: Evidence = field(default_factory=dict)

    @property
    def principals(self) -> list[ExtractedParticipant]:
        """The participants who met or spoke."""
        return [p for p in self.participants if p.role == "principal"]
