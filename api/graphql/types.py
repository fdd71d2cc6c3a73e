"""GraphQL object types for the domain: meetings, participants, people, topics, sources,
and the pages (connections) of meetings and people.

Each domain type derives from the model it describes (`api.graphql.derive`): the model's
fields are its fields, and resolvers hand it the model itself. What a type adds are the
fields a model only references (a topic id, a person reference, a person's meetings),
resolved here with the request's loaders and repository. The descriptions given here are
the GraphQL wording where the model's field has none.

This module imports no resolver module (`query`, `mutations`): they import it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api import models, results
from api.etags import meeting_tag
from api.filters import Cursor, MeetingFilter, MeetingOrder, PageRequest
from api.graphql import enums as _enums  # noqa: F401  (registers the models' enums)
from api.graphql.context import Context, Info
from api.graphql.derive import derived
from api.graphql.fields import field
from api.graphql.inputs import (
    AfterArgument,
    FilterArgument,
    FirstArgument,
    OrderArgument,
    page_request,
    resolved_filter,
)
from api.threads import run_heavy

__all__ = [
    "TOPIC_DESCRIPTIONS",
    "Conflict",
    "Counterpart",
    "EvidenceSpan",
    "Location",
    "Meeting",
    "MeetingConnection",
    "MeetingEdge",
    "Outcome",
    "PageInfo",
    "Participant",
    "Person",
    "PersonConnection",
    "Position",
    "Source",
    "Statement",
    "Topic",
    "meeting_page",
]

TOPIC_DESCRIPTIONS = {
    "id": "Slug of the controlled vocabulary.",
    "label": "Human-readable name of the topic.",
    "description": "What the topic covers.",
}
"""Descriptions of a topic's fields, shared with `TopicCount`."""


@derived(models.Position, descriptions={"title": "The office, without honorifics."})
class Position:
    pass


@derived(models.Topic, descriptions=TOPIC_DESCRIPTIONS)
class Topic:
    pass


@derived(
    models.Location,
    descriptions={
        "city": "City, if known.",
        "country_code": "ISO 3166-1 alpha-2 code, if known.",
        "venue": "Building or venue, if known.",
    },
)
class Location:
    pass


@derived(
    results.EvidenceSpan,
    descriptions={
        "start": "Offset of the first character in the text.",
        "end": "Offset just past the last character.",
    },
    omit={"source_id": "the span is read under its source (`Source.evidence`)"},
)
class EvidenceSpan:
    pass


@derived(results.Conflict, omit={"meeting_id": "the conflict is read under its meeting"})
class Conflict:
    pass


@derived(
    models.Source,
    descriptions={
        "id": "Stable id of the source.",
        "publisher": "Who published it, e.g. a foreign ministry.",
        "headline": "Its headline or title.",
        "url": "Where it was published, if online.",
        "language": "Language code of the text, e.g. 'en'.",
    },
)
class Source:
    @field(
        "Where an ingested source states each field, quoted from its text "
        "(empty for curated sources).",
        graphql_type=list[EvidenceSpan],
    )
    async def evidence(self, root: models.Source, info: Info) -> list[results.EvidenceSpan]:
        return await info.context.loaders.evidence.load(root.id) or []


async def meeting_page(
    root: object,
    info: Info,
    filter: FilterArgument = None,
    order_by: OrderArgument = None,
    first: FirstArgument = 20,
    after: AfterArgument = None,
) -> MeetingConnection:
    """A page of the meetings `filter` selects; under a person, the person's meetings."""
    person = root.id if isinstance(root, models.Person | models.PersonRef) else None
    selection = await resolved_filter(info.context.repository, filter)
    if person is not None:  # an id already: added once the names are resolved
        selection = selection.model_copy(update={"person": [*selection.person, person]})
    page = page_request(order_by, first, after, with_total=_selects(info, "totalCount"))
    # The root page reads its topics with it (one statement, as the loader's batch would);
    # a page under a person leaves them to the loader, which batches across pages.
    with_topics = person is None and _selects_topics(info)
    found = await run_in_threadpool(_read_page, info.context, selection, page, with_topics)
    return MeetingConnection.of(page, found)


def _read_page(
    context: Context, selection: MeetingFilter, page: PageRequest, with_topics: bool
) -> results.MeetingPage:
    """A page of models and, `with_topics`, its topics into `context.topics`."""
    found = context.repository.list_meetings(selection, page)
    if with_topics:
        wanted = list(dict.fromkeys(i for meeting in found.items for i in meeting.topics))
        topics = context.repository.topics_by_ids(wanted)
        context.topics.update((topic.id, topic) for topic in topics if topic is not None)
    return found


@derived(
    models.Person,
    descriptions={"id": "Stable slug of the person."},
    omit={"synthetic": "not in the published schema; generated meetings say `synthetic`"},
    stands_for=(models.PersonRef,),
)
class Person:
    """Given a full `models.Person` or only a `models.PersonRef`; details load on demand."""

    @field(models.Person.model_fields["aliases"].description or "Other spellings.")
    async def aliases(self, root: models.Person | models.PersonRef, info: Info) -> list[str]:
        return (await _details(root, info)).aliases

    @field("ISO 3166-1 alpha-2 code of the person's country.")
    async def country_code(self, root: models.Person | models.PersonRef, info: Info) -> str:
        return (await _details(root, info)).country_code

    @field("Offices the person held, with dates when known.", graphql_type=list[Position])
    async def positions(
        self, root: models.Person | models.PersonRef, info: Info
    ) -> list[models.Position]:
        return (await _details(root, info)).positions

    meetings = strawberry.field(
        resolver=meeting_page,
        description="Meetings the person took part in, narrowed by `filter`.",
    )

    @field(
        "People from other countries this person met: how often, when.",
        graphql_type="list[Counterpart]",  # defined below: it holds a Person
    )
    async def counterparts(
        self, root: models.Person | models.PersonRef, info: Info
    ) -> list[results.Counterpart]:
        return await run_heavy(info.context.repository.counterparts, root.id)


@derived(
    results.Counterpart,
    descriptions={
        "person": "The person met.",
        "country_code": "Their country (ISO alpha-2).",
        "meetings": "How many meetings the two had.",
        "first_date": "Date of their first meeting.",
        "last_date": "Date of their latest meeting.",
    },
)
class Counterpart:
    pass


@derived(models.Participant, descriptions={"person": "Who took part."})
class Participant:
    pass


@derived(
    models.Statement,
    descriptions={"speaker": "Who said it.", "text": "A paraphrase in the project's own words."},
)
class Statement:
    pass


@derived(
    models.Outcome,
    descriptions={
        "text": "What was agreed or announced.",
        "date": "Date of a follow-up event, if set.",
    },
)
class Outcome:
    pass


@derived(
    models.Meeting,
    descriptions={
        "id": "Stable slug, e.g. 2021-07-16-li-keqiang-imran-khan.",
        "date": "The day (or first day of the month/year) it took place.",
        "participants": "Principals and attendees, in order.",
        "statements": "What each side said.",
        "outcomes": "What was agreed or announced.",
        "summary": "A short account in the project's own words.",
        "sources": "The published reports of the meeting.",
    },
)
class Meeting:
    @field(
        "The version of the meeting, as REST's ETag gives it: what updateMeeting's ifMatch takes."
    )
    def etag(self, root: models.Meeting) -> str:
        return meeting_tag(root)

    @field(
        "Values other sources reported that differ from the kept ones.",
        graphql_type=list[Conflict],
    )
    async def conflicts(self, root: models.Meeting, info: Info) -> list[results.Conflict]:
        return await info.context.loaders.conflicts.load(root.id) or []

    @field("Topics discussed, from the controlled vocabulary.", graphql_type=list[Topic])
    def topics(
        self, root: models.Meeting, info: Info
    ) -> list[models.Topic] | Awaitable[list[models.Topic]]:
        known = info.context.topics
        if all(topic_id in known for topic_id in root.topics):  # read with the page
            return [known[topic_id] for topic_id in root.topics]
        return _load_topics(root, info)


async def _load_topics(root: models.Meeting, info: Info) -> list[models.Topic]:
    found = await info.context.loaders.topic.load_many(root.topics)
    return [topic for topic in found if topic is not None]


async def _details(root: models.Person | models.PersonRef, info: Info) -> models.Person:
    if isinstance(root, models.Person):
        return root
    person = await info.context.loaders.person.load(root.id)
    if person is None:  # a reference always points at a stored person
        raise LookupError(f"person {root.id!r} is referenced but not stored")
    return person


@strawberry.type(description="Where a page ends and whether another follows.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when a next page exists.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item: pass it as `after` for the next page."
    )


@strawberry.type(description="A meeting and the cursor just after it.")
class MeetingEdge:
    cursor: str = strawberry.field(description="Pass as `after` to continue after this meeting.")
    node: models.Meeting = strawberry.field(description="The meeting.", graphql_type=Meeting)


@strawberry.type(description="One page of meetings.")
class MeetingConnection:
    total_count: int | None = strawberry.field(
        description="How many meetings the whole selection holds (one extra count query)."
    )
    page_info: PageInfo = strawberry.field(description="Where this page ends.")
    nodes: list[models.Meeting] = strawberry.field(
        description="The meetings of this page, in order.", graphql_type=list[Meeting]
    )
    order: strawberry.Private[MeetingOrder]

    @classmethod
    def of(cls, request: PageRequest, page: results.MeetingPage) -> MeetingConnection:
        """The connection of one page read for `request`."""
        last = page.items[-1] if page.items else None
        end = None if last is None else _cursor(request.order, last)
        return cls(
            total_count=page.total,
            page_info=PageInfo(has_next_page=page.next_cursor is not None, end_cursor=end),
            nodes=page.items,
            order=request.order,
        )

    @field("The meetings of this page with their cursors.")
    def edges(self) -> list[MeetingEdge]:
        return [MeetingEdge(cursor=_cursor(self.order, node), node=node) for node in self.nodes]


def _cursor(order: MeetingOrder, meeting: models.Meeting) -> str:
    return Cursor(order=order, date=meeting.date, id=meeting.id).encode()


@strawberry.type(description="One page of people, ordered by id.")
class PersonConnection:
    page_info: PageInfo = strawberry.field(description="Where this page ends.")
    nodes: list[models.Person] = strawberry.field(
        description="The people of this page, in order.", graphql_type=list[Person]
    )


def _selects(info: Info, name: str) -> bool:
    """True when the current field's selection asks for the field `name` (one level down)."""
    return any(_has_field(selected.selections, name) for selected in info.selected_fields)


def _selects_topics(info: Info) -> bool:
    """True when the page's nodes (`nodes` or `edges { node }`) select `topics`."""
    for selected in info.selected_fields:
        for nodes in _fields_named(selected.selections, "nodes"):
            if _has_field(nodes.selections, "topics"):
                return True
        for edges in _fields_named(selected.selections, "edges"):
            for node in _fields_named(edges.selections, "node"):
                if _has_field(node.selections, "topics"):
                    return True
    return False


def _fields_named(selections: Iterable[Selection], name: str) -> Iterable[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == name:
                yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _fields_named(selection.selections, name)


def _has_field(selections: Iterable[Selection], name: str) -> bool:
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == name:
                return True
        elif isinstance(selection, FragmentSpread | InlineFragment) and _has_field(
            selection.selections, name
        ):
            return True
    return False
