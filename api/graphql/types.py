"""GraphQL object types for the domain: meetings, participants, people, topics, sources.

Resolvers hand the domain models themselves to these types (no copies): each type here
describes the model it is given, field for field, and adds resolvers only where the
model holds a reference (a topic id, a person reference) that a loader fills in.
Descriptions come from the models' own field descriptions where they have one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from pydantic import BaseModel

from api import models, results
from api.etags import meeting_tag
from api.filters import MeetingOrder
from api.graphql import enums as _enums  # noqa: F401  (registers the models' enums)
from api.graphql.context import Info
from api.graphql.inputs import AFTER, FILTER, FIRST, ORDER, MeetingFilterInput

if TYPE_CHECKING:
    from api.graphql.pages import MeetingConnection
    from api.graphql.results import Counterpart

__all__ = [
    "Conflict",
    "EvidenceSpan",
    "Location",
    "Meeting",
    "Outcome",
    "Participant",
    "Person",
    "Position",
    "Source",
    "Statement",
    "Topic",
    "describe",
    "present",
]


def describe(model: type[BaseModel], field: str, fallback: str) -> str:
    """The model field's description, or `fallback` when the model has none."""
    return model.model_fields[field].description or fallback


def _field(model: type[BaseModel], name: str, fallback: str) -> Any:
    return strawberry.field(description=describe(model, name, fallback))


@strawberry.type(description=models.Position.__doc__)
class Position:
    title: str = strawberry.field(description="The office, without honorifics.")
    start: dt.date | None = _field(models.Position, "start", "First day in office.")
    end: dt.date | None = _field(models.Position, "end", "Last day in office.")


@strawberry.type(description=models.Topic.__doc__)
class Topic:
    id: strawberry.ID = strawberry.field(description="Slug of the controlled vocabulary.")
    label: str = strawberry.field(description="Human-readable name of the topic.")
    description: str = strawberry.field(description="What the topic covers.")


@strawberry.type(description=models.Location.__doc__)
class Location:
    city: str | None = strawberry.field(description="City, if known.")
    country_code: str | None = strawberry.field(description="ISO 3166-1 alpha-2 code, if known.")
    venue: str | None = strawberry.field(description="Building or venue, if known.")


@strawberry.type(description=results.EvidenceSpan.__doc__)
class EvidenceSpan:
    field: str = _field(results.EvidenceSpan, "field", "Field path.")
    start: int = strawberry.field(description="Offset of the first character in the text.")
    end: int = strawberry.field(description="Offset just past the last character.")
    quote: str = _field(results.EvidenceSpan, "quote", "The quoted words.")


@strawberry.type(description=results.Conflict.__doc__)
class Conflict:
    field: str = _field(results.Conflict, "field", "Field path.")
    kept: str | None = _field(results.Conflict, "kept", "The value kept.")
    other: str | None = _field(results.Conflict, "other", "The other value.")
    source: str = _field(results.Conflict, "source", "Source of the other value.")


@strawberry.type(description=models.Source.__doc__)
class Source:
    id: strawberry.ID = strawberry.field(description="Stable id of the source.")
    publisher: str = strawberry.field(description="Who published it, e.g. a foreign ministry.")
    headline: str = strawberry.field(description="Its headline or title.")
    url: str | None = strawberry.field(description="Where it was published, if online.")
    published: dt.date | None = _field(models.Source, "published", "Publication date.")
    language: str = strawberry.field(description="Language code of the text, e.g. 'en'.")
    document: str | None = _field(models.Source, "document", "File name or ingest id.")

    @strawberry.field(
        description="Where an ingested source states each field, quoted from its text "
        "(empty for curated sources)."
    )
    async def evidence(self, root: models.Source, info: Info) -> list[EvidenceSpan]:
        return present(await info.context.loaders.evidence.load(root.id) or [])


@strawberry.type(description=models.Person.__doc__)
class Person:
    """Given a full `models.Person` or only a `models.PersonRef`; details load on demand."""

    id: strawberry.ID = strawberry.field(description="Stable slug of the person.")
    name: str = _field(models.Person, "name", "The usual English spelling of the name.")

    @strawberry.field(description=describe(models.Person, "aliases", "Other spellings."))
    async def aliases(self, root: models.Person | models.PersonRef, info: Info) -> list[str]:
        return (await _details(root, info)).aliases

    @strawberry.field(description="ISO 3166-1 alpha-2 code of the person's country.")
    async def country_code(self, root: models.Person | models.PersonRef, info: Info) -> str:
        return (await _details(root, info)).country_code

    @strawberry.field(description="Offices the person held, with dates when known.")
    async def positions(self, root: models.Person | models.PersonRef, info: Info) -> list[Position]:
        return present((await _details(root, info)).positions)

    @strawberry.field(description="Meetings the person took part in, narrowed by `filter`.")
    async def meetings(
        self,
        root: models.Person | models.PersonRef,
        info: Info,
        filter: Annotated[
            MeetingFilterInput | None, strawberry.argument(description=FILTER)
        ] = None,
        order_by: Annotated[MeetingOrder | None, strawberry.argument(description=ORDER)] = None,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> Annotated[MeetingConnection, strawberry.lazy("api.graphql.pages")]:
        from api.graphql.pages import meeting_connection

        return await meeting_connection(info, filter, order_by, first, after, person=root.id)

    @strawberry.field(description="People from other countries this person met: how often, when.")
    async def counterparts(
        self, root: models.Person | models.PersonRef, info: Info
    ) -> list[Annotated[Counterpart, strawberry.lazy("api.graphql.results")]]:
        from api.graphql.results import counterparts

        return await counterparts(info, root.id)


@strawberry.type(description=models.Participant.__doc__)
class Participant:
    person: Person = strawberry.field(description="Who took part.")
    country_code: str = _field(models.Participant, "country_code", "Country represented.")
    title: str | None = _field(models.Participant, "title", "Office held at the time.")
    role: models.Role = strawberry.field(description=models.Role.__doc__)
    capacity: str | None = _field(models.Participant, "capacity", "Capacity, e.g. special envoy.")


@strawberry.type(description=models.Statement.__doc__)
class Statement:
    speaker: Person = strawberry.field(description="Who said it.")
    text: str = strawberry.field(description="A paraphrase in the project's own words.")
    source: str | None = _field(models.Statement, "source", "Id of the reporting source.")


@strawberry.type(description=models.Outcome.__doc__)
class Outcome:
    kind: models.OutcomeKind = strawberry.field(description=models.OutcomeKind.__doc__)
    text: str = strawberry.field(description="What was agreed or announced.")
    name: str | None = _field(models.Outcome, "name", "Name of a follow-up event.")
    date: dt.date | None = strawberry.field(description="Date of a follow-up event, if set.")


@strawberry.type(description=models.Meeting.__doc__)
class Meeting:
    id: strawberry.ID = strawberry.field(
        description="Stable slug, e.g. 2021-07-16-li-keqiang-imran-khan."
    )
    date: dt.date = strawberry.field(
        description="The day (or first day of the month/year) it took place."
    )
    date_precision: models.DatePrecision = strawberry.field(
        description=models.DatePrecision.__doc__
    )
    time_of_day: models.TimeOfDay | None = strawberry.field(description=models.TimeOfDay.__doc__)
    kind: models.MeetingKind = strawberry.field(description=models.MeetingKind.__doc__)
    setting: models.Setting = strawberry.field(description=models.Setting.__doc__)
    location: Location = strawberry.field(description=models.Location.__doc__)
    occasion: str | None = _field(models.Meeting, "occasion", "Multilateral event.")
    initiated_by: str | None = _field(models.Meeting, "initiated_by", "Initiating country.")
    participants: list[Participant] = strawberry.field(
        description="Principals and attendees, in order."
    )
    statements: list[Statement] = strawberry.field(description="What each side said.")
    outcomes: list[Outcome] = strawberry.field(description="What was agreed or announced.")
    summary: str = strawberry.field(description="A short account in the project's own words.")
    sources: list[Source] = strawberry.field(description="The published reports of the meeting.")
    synthetic: bool = _field(models.Meeting, "synthetic", "True for generated data.")

    @strawberry.field(
        description="The version of the meeting, as REST's ETag gives it: what "
        "updateMeeting's ifMatch takes."
    )
    def etag(self, root: models.Meeting) -> str:
        return meeting_tag(root)

    @strawberry.field(description="Values other sources reported that differ from the kept ones.")
    async def conflicts(self, root: models.Meeting, info: Info) -> list[Conflict]:
        return present(await info.context.loaders.conflicts.load(root.id) or [])

    @strawberry.field(description="Topics discussed, from the controlled vocabulary.")
    async def topics(self, root: models.Meeting, info: Info) -> list[Topic]:
        found = await info.context.loaders.topic.load_many(root.topics)
        return present([topic for topic in found if topic is not None])


async def _details(root: models.Person | models.PersonRef, info: Info) -> models.Person:
    if isinstance(root, models.Person):
        return root
    person = await info.context.loaders.person.load(root.id)
    if person is None:  # a reference always points at a stored person
        raise LookupError(f"person {root.id!r} is referenced but not stored")
    return person


def present(value: object) -> Any:
    """A domain model (or a list of them) handed to the GraphQL type that describes it."""
    return value
