"""Domain models: meetings, the people in them, topics, statements, outcomes and sources.

These models are the single description of a record. Seeds are validated by them, the
repository returns them, GraphQL, REST and the exporters present them. They know no SQL,
HTTP or GraphQL.

A meeting is one event, however many sources report it. Rules that hold for every
meeting (checked on validation, with messages naming the bad value):

- at least two principals, from at least two different countries;
- `setting == "remote"` exactly when `kind` is a call, and a call has no place;
- country codes are ISO 3166-1 alpha-2, topic ids come from the controlled vocabulary;
- a `third_country` meeting happens outside every principal's country, a
  `bilateral_visit` inside one of them; `initiated_by` is a principal's country.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from api.countries import is_country_code
from api.vocabulary import builtin_topic_ids

__all__ = [
    "CALL_KINDS",
    "CountryCode",
    "DatePrecision",
    "Location",
    "Meeting",
    "MeetingKind",
    "Outcome",
    "OutcomeKind",
    "Participant",
    "Person",
    "PersonRef",
    "Position",
    "Role",
    "Setting",
    "Slug",
    "Source",
    "Statement",
    "TimeOfDay",
    "Topic",
]


class MeetingKind(StrEnum):
    """The format of a meeting: a phone call, a video call, or in person."""

    PHONE_CALL = "phone_call"
    VIDEO_CALL = "video_call"
    MEETING = "meeting"


CALL_KINDS = frozenset({MeetingKind.PHONE_CALL, MeetingKind.VIDEO_CALL})


class Setting(StrEnum):
    """Where a meeting happened relative to the principals' countries."""

    BILATERAL_VISIT = "bilateral_visit"
    THIRD_COUNTRY = "third_country"
    REMOTE = "remote"


class Role(StrEnum):
    """A principal met or spoke; an attendee was present beside a principal."""

    PRINCIPAL = "principal"
    ATTENDEE = "attendee"


class DatePrecision(StrEnum):
    """How much of `Meeting.date` the sources state."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class TimeOfDay(StrEnum):
    """The part of the day a source gives, when it gives one."""

    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class OutcomeKind(StrEnum):
    """An agreement reached, an announcement made, or a follow-up event set."""

    AGREEMENT = "agreement"
    ANNOUNCEMENT = "announcement"
    FOLLOW_UP = "follow_up"


def _country_code(value: str) -> str:
    code = value.upper()
    if not is_country_code(code):
        raise ValueError(
            f"unknown country code {value!r}; expected an ISO 3166-1 alpha-2 code such as CN or PK"
        )
    return code


CountryCode = Annotated[str, AfterValidator(_country_code)]
"""An ISO 3166-1 alpha-2 country code, normalised to upper case."""

Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=200)
]
"""A stable identifier: lower-case letters, digits and hyphens."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Position(_Model):
    """An office a person held, with the dates they held it when known."""

    title: Text
    start: dt.date | None = Field(default=None, description="First day in office, if known.")
    end: dt.date | None = Field(default=None, description="Last day in office, if known.")


class Person(_Model):
    """A person across meetings, whatever the spelling a text uses for them."""

    id: Slug
    name: Text = Field(description="The usual English spelling of the name.")
    aliases: list[Text] = Field(
        default_factory=list, description="Other spellings and short forms."
    )
    country_code: CountryCode
    positions: list[Position] = Field(default_factory=list)
    synthetic: bool = Field(default=False, description="True for generated benchmark data.")


class PersonRef(_Model):
    """A reference to a `Person`; `name` is filled in on reading."""

    id: Slug
    name: str | None = None


class Topic(_Model):
    """An entry of the controlled topic vocabulary."""

    id: Slug
    label: Text
    description: str = ""


class Location(_Model):
    """Where an in-person meeting took place; every part may be unknown."""

    city: str | None = None
    country_code: CountryCode | None = None
    venue: str | None = None


class Participant(_Model):
    """A person in a meeting, with the office they held then and their role."""

    person: PersonRef
    country_code: CountryCode = Field(description="The country the person represented.")
    title: str | None = Field(default=None, description="Office held at the time, no honorifics.")
    role: Role
    capacity: str | None = Field(
        default=None, description="In what capacity the person came, e.g. a special envoy."
    )


class Statement(_Model):
    """What one side said, paraphrased in the project's own words."""

    speaker: PersonRef
    text: Text
    source: Slug | None = Field(default=None, description="Id of the source that reports it.")


class Outcome(_Model):
    """Something agreed or announced; follow-ups may carry a date and a name."""

    kind: OutcomeKind
    text: Text
    name: str | None = Field(default=None, description="Name of a follow-up event.")
    date: dt.date | None = None


class Source(_Model):
    """A published report of a meeting."""

    id: Slug
    publisher: Text
    headline: Text
    url: str | None = None
    published: dt.date | None = Field(default=None, description="Publication date, if known.")
    language: str = "en"
    document: str | None = Field(default=None, description="File name or ingest id.")


class Meeting(_Model):
    """One meeting or call between leaders, traced to the sources that report it."""

    id: Slug
    date: dt.date
    date_precision: DatePrecision = DatePrecision.DAY
    time_of_day: TimeOfDay | None = None
    kind: MeetingKind
    setting: Setting
    location: Location = Field(default_factory=Location)
    occasion: str | None = Field(
        default=None, description="Short label of the multilateral event, e.g. 'SCO summit'."
    )
    initiated_by: CountryCode | None = Field(
        default=None, description="Country that asked for or placed the call, when stated."
    )
    participants: list[Participant]
    topics: list[Slug] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    summary: str = ""
    sources: list[Source] = Field(default_factory=list)
    synthetic: bool = Field(default=False, description="True for generated benchmark data.")

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, topics: list[str], info: ValidationInfo) -> list[str]:
        known = _known_topic_ids(info.context)
        unknown = [topic for topic in topics if topic not in known]
        if unknown:
            raise ValueError(
                f"unknown topic {unknown[0]!r}; expected one of {', '.join(sorted(known))}"
            )
        return topics

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        self._check_principals()
        self._check_setting()
        return self

    @property
    def principals(self) -> list[Participant]:
        """The participants who met or spoke, in order."""
        return [p for p in self.participants if p.role is Role.PRINCIPAL]

    def _check_principals(self) -> None:
        ids = [p.person.id for p in self.participants]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise ValueError(f"person {duplicated[0]!r} appears twice among the participants")
        countries = {p.country_code for p in self.principals}
        if len(self.principals) < 2 or len(countries) < 2:
            raise ValueError(
                f"a meeting needs at least two principals from two different countries; "
                f"got {len(self.principals)} principal(s) from {', '.join(sorted(countries)) or 'none'}"
            )
        if self.initiated_by is not None and self.initiated_by not in countries:
            raise ValueError(
                f"initiated_by {self.initiated_by!r} is not a principal's country; "
                f"expected one of {', '.join(sorted(countries))}"
            )

    def _check_setting(self) -> None:
        is_call = self.kind in CALL_KINDS
        if is_call != (self.setting is Setting.REMOTE):
            raise ValueError(
                f"setting {self.setting.value!r} does not fit kind {self.kind.value!r}; "
                "calls (phone_call, video_call) are 'remote' and only calls are"
            )
        place = self.location
        if is_call and (place.city or place.country_code or place.venue or self.occasion):
            raise ValueError("a call has no location or occasion; leave them null")
        home = {p.country_code for p in self.principals}
        if place.country_code is None:
            return
        if self.setting is Setting.THIRD_COUNTRY and place.country_code in home:
            raise ValueError(
                f"setting 'third_country' but the meeting took place in {place.country_code}, "
                "a principal's country; use 'bilateral_visit'"
            )
        if self.setting is Setting.BILATERAL_VISIT and place.country_code not in home:
            raise ValueError(
                f"setting 'bilateral_visit' but the meeting took place in {place.country_code}, "
                "no principal's country; use 'third_country'"
            )


def _known_topic_ids(context: Any) -> frozenset[str]:
    if isinstance(context, dict) and "topic_ids" in context:
        return frozenset(context["topic_ids"])
    return builtin_topic_ids()
