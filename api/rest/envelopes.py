"""The bodies of REST responses: lists wrapped as `{"data": [...], ...}` around domain models.

They are the models the OpenAPI document describes and the models the endpoints
serialise, so the documented shape and the served shape cannot drift apart.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from api.models import Meeting, Person, Source
from api.results import (
    Conflict,
    Counterpart,
    CountryCount,
    EvidenceSpan,
    MeetingBrief,
    MeetingStats,
    TopicCount,
)

__all__ = [
    "ConflictList",
    "CounterpartList",
    "CountryList",
    "MeetingBriefList",
    "MeetingList",
    "PersonList",
    "SourceList",
    "SourceWithEvidence",
    "TopicList",
    "dump",
]


class _Envelope(BaseModel):
    model_config = ConfigDict(frozen=True)


class MeetingList(_Envelope):
    """A page of meetings. Follow `next_cursor` (or the `Link: rel="next"` header) for more."""

    data: list[Meeting]
    next_cursor: str | None = Field(description="Cursor of the next page; null on the last page.")
    total: int | None = Field(
        description="Size of the whole selection when asked with `total=true`, else null."
    )


class MeetingBriefList(_Envelope):
    """A page of meeting briefs (the default view of listings; `view=full` for whole
    meetings). Follow `next_cursor` (or the `Link: rel="next"` header) for more."""

    data: list[MeetingBrief]
    next_cursor: str | None = Field(description="Cursor of the next page; null on the last page.")
    total: int | None = Field(
        description="Size of the whole selection when asked with `total=true`, else null."
    )


class SourceWithEvidence(Source):
    """A source of a meeting and, for an ingested text, where it states each field."""

    evidence: list[EvidenceSpan] = Field(description="Empty for curated sources.")


class SourceList(_Envelope):
    """The sources of one meeting, in order, with their evidence."""

    data: list[SourceWithEvidence]


class ConflictList(_Envelope):
    """Values other sources reported for one meeting that differ from the kept ones."""

    data: list[Conflict]


class PersonList(_Envelope):
    """A page of people, ordered by id."""

    data: list[Person]
    next_cursor: str | None = Field(description="Cursor of the next page; null on the last page.")


class CountryList(_Envelope):
    """Countries with at least one participant, by code."""

    data: list[CountryCount]


class TopicList(_Envelope):
    """The topic vocabulary with meeting counts, by id."""

    data: list[TopicCount]


class CounterpartList(_Envelope):
    """People from other countries a person met, most frequent first."""

    data: list[Counterpart]


def dump(model: BaseModel) -> bytes:
    """The JSON body of `model` (compact UTF-8, ISO dates)."""
    return model.__pydantic_serializer__.to_json(model)


ENVELOPES: tuple[type[BaseModel], ...] = (
    MeetingBriefList,
    MeetingList,
    PersonList,
    CountryList,
    TopicList,
    CounterpartList,
    SourceList,
    ConflictList,
    Meeting,
    Person,
    MeetingStats,
)
