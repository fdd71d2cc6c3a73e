"""Read models: pages and aggregates the repository returns beside the domain models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from pydantic import BaseModel, ConfigDict, Field

from api.models import (
    DatePrecision,
    Location,
    Meeting,
    MeetingKind,
    Participant,
    Person,
    PersonRef,
    Setting,
    TimeOfDay,
)

__all__ = [
    "BriefPage",
    "Bucket",
    "Conflict",
    "Counterpart",
    "CountryCount",
    "EvidenceSpan",
    "MeetingBrief",
    "MeetingPage",
    "MeetingRow",
    "MeetingStats",
    "PersonPage",
    "TopicCount",
]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class MeetingPage(_Result):
    """One page of meetings and the cursor of the next page (null on the last page)."""

    items: list[Meeting]
    next_cursor: str | None = None
    total: int | None = Field(default=None, description="Size of the whole selection, if asked.")


class MeetingBrief(_Result):
    """A meeting without its statements, outcomes and sources: what a listing shows.

    The fields mean what they mean on `Meeting`; fetch the meeting by id for the rest.
    """

    id: str
    date: dt.date
    date_precision: DatePrecision
    time_of_day: TimeOfDay | None
    kind: MeetingKind
    setting: Setting
    location: Location
    occasion: str | None
    initiated_by: str | None
    participants: list[Participant]
    topics: list[str]
    summary: str
    synthetic: bool


class _PersonRefRow(TypedDict):
    id: str
    name: str | None


class _LocationRow(TypedDict):
    city: str | None
    country_code: str | None
    venue: str | None


class _ParticipantRow(TypedDict):
    person: _PersonRefRow
    country_code: str
    title: str | None
    role: str
    capacity: str | None


class _StatementRow(TypedDict):
    speaker: _PersonRefRow
    text: str
    source: str | None


class _OutcomeRow(TypedDict):
    kind: str
    text: str
    name: str | None
    date: dt.date | None


class _SourceRow(TypedDict):
    id: str
    publisher: str
    headline: str
    url: str | None
    published: dt.date | None
    language: str
    document: str | None


class MeetingRow(TypedDict):
    """A meeting as plain data: the keys, order and values of `Meeting.model_dump()`
    (enums as their values, dates as `datetime.date`), read straight from storage for
    the faces that only serialise it. A brief (`MeetingBrief`) lacks `statements`,
    `outcomes` and `sources`; a full row has every field of `Meeting`."""

    id: str
    date: dt.date
    date_precision: str
    time_of_day: str | None
    kind: str
    setting: str
    location: _LocationRow
    occasion: str | None
    initiated_by: str | None
    participants: list[_ParticipantRow]
    topics: list[str]
    statements: NotRequired[list[_StatementRow]]
    outcomes: NotRequired[list[_OutcomeRow]]
    summary: str
    sources: NotRequired[list[_SourceRow]]
    synthetic: bool


@dataclass(frozen=True)
class BriefPage:
    """A page of meetings as plain rows (`MeetingRow`): briefs, or full meetings where
    asked (fast to send: orjson writes them as Pydantic would write the models)."""

    items: list[MeetingRow]
    next_cursor: str | None
    total: int | None


class PersonPage(_Result):
    """One page of people and the cursor of the next page."""

    items: list[Person]
    next_cursor: str | None = None


class CountryCount(_Result):
    """A country and the number of meetings with a participant from it."""

    code: str
    name: str
    meetings: int


class TopicCount(_Result):
    """A topic of the vocabulary and the number of meetings about it."""

    id: str
    label: str
    description: str
    meetings: int


class Counterpart(_Result):
    """Someone a person met: how often, and when first and last."""

    person: PersonRef
    country_code: str
    meetings: int
    first_date: dt.date
    last_date: dt.date


class Bucket(_Result):
    """One facet value and the number of meetings that have it."""

    key: str
    count: int


class MeetingStats(_Result):
    """Facets of a selection: counts by year, kind, setting, country pair and topic."""

    total: int
    by_year: list[Bucket]
    by_kind: list[Bucket]
    by_setting: list[Bucket]
    by_country_pair: list[Bucket] = Field(description="Principals' countries, e.g. 'CN-PK'.")
    by_topic: list[Bucket]


class Conflict(_Result):
    """Two sources disagree on a field: the kept value and the other one, with its source."""

    meeting_id: str
    field: str = Field(description="Dotted field path, e.g. 'location.city'.")
    kept: str | None = Field(description="The value the meeting keeps.")
    other: str | None = Field(description="The value the other source reported.")
    source: str = Field(description="Id of the source that reported the other value.")


class EvidenceSpan(_Result):
    """Where an ingested source states a field: character offsets and the quoted words."""

    source_id: str
    field: str = Field(description="Field path, e.g. 'date', 'participants[0].title'.")
    start: int
    end: int
    quote: str = Field(description="The source text between start and end.")
