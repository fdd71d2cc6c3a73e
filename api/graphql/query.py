"""The root `Query` type: what a client can ask for, each field a thin resolver.

Resolvers turn arguments into the query layer's own objects (`MeetingFilter`,
`PageRequest`, `PeopleFilter`) and call the repository off the event loop; they never write SQL.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

import strawberry
from starlette.concurrency import run_in_threadpool

from api import models, results
from api.errors import NotFound
from api.filters import filter_query
from api.graphql.context import Info
from api.graphql.fields import field
from api.graphql.inputs import (
    AfterArgument,
    FilterArgument,
    FirstArgument,
    MeetingFilterInput,
    PeopleFilterInput,
    page_request,
    people_request,
    resolved_filter,
    to_meeting_filter,
)
from api.graphql.results import CountryCount, MeetingStats, TopicCount
from api.graphql.types import Meeting, PageInfo, Person, PersonConnection, meeting_page
from api.ids import known_id
from api.resolve import resolve_person
from api.storage.meetings import missing_meeting
from api.threads import run_heavy
from exporters.registry import registry

__all__ = ["DOWNLOAD_PATH", "Query"]

DOWNLOAD_PATH = "/api/v1/meetings.{format}"
"""The REST download of a selection (the REST face's contract, see DESIGN.md)."""


@strawberry.type(description="Diplomatic readouts: meetings, people, topics and facets.")
class Query:
    meetings = strawberry.field(
        resolver=meeting_page,
        description="A page of meetings, newest first unless `orderBy` says.",
    )

    @field("One meeting by id; an error names an unknown id.", graphql_type=Meeting)
    async def meeting(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The meeting's id.")],
    ) -> models.Meeting:
        found = await info.context.loaders.meeting.load(known_id(str(id), "meeting"))
        if found is None:
            engine = info.context.repository.engine
            error = await run_in_threadpool(missing_meeting, engine, str(id))
            if isinstance(error, NotFound):
                error.detail = f"{error.detail}; find ids with `meetings` or `search`"
            raise error
        return found

    @field("A page of people, ordered by id.")
    async def people(
        self,
        info: Info,
        filter: Annotated[
            PeopleFilterInput | None, strawberry.argument(description="Which people.")
        ] = None,
        first: FirstArgument = 20,
        after: AfterArgument = None,
    ) -> PersonConnection:
        selection, request = people_request(filter, first, after)
        page = await run_in_threadpool(info.context.repository.list_people, selection, request)
        has_next = page.next_cursor is not None
        return PersonConnection(
            page_info=PageInfo(has_next_page=has_next, end_cursor=page.next_cursor),
            nodes=page.items,
        )

    @field("One person by id or by any known spelling of the name.", graphql_type=Person)
    async def person(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A person id, or a name such as 'Imran Khan'."),
        ],
    ) -> models.Person:
        repository = info.context.repository
        person_id = await run_in_threadpool(resolve_person, known_id(str(id), "person"), repository)
        return await run_in_threadpool(repository.get_person, person_id)

    @field(
        "Countries with participants, with their meeting counts.",
        graphql_type=list[CountryCount],
    )
    async def countries(self, info: Info) -> list[results.CountryCount]:
        return await run_in_threadpool(info.context.repository.countries)

    @field(
        "The topic vocabulary with the number of meetings of each.",
        graphql_type=list[TopicCount],
    )
    async def topics(self, info: Info) -> list[results.TopicCount]:
        return await run_in_threadpool(info.context.repository.topics)

    @field(
        "Meetings whose summary, statements, occasion or place match.",
        graphql_type=list[Meeting],
    )
    async def search(
        self,
        info: Info,
        text: Annotated[str, strawberry.argument(description="Words to find.")],
        first: FirstArgument = 20,
    ) -> list[models.Meeting]:
        selection = to_meeting_filter(MeetingFilterInput(q=text))
        page = await run_in_threadpool(
            info.context.repository.list_meetings, selection, page_request(None, first, None)
        )
        return page.items

    @field("Facets of a selection: by year, kind, setting, pair, topic.", graphql_type=MeetingStats)
    async def meeting_stats(
        self, info: Info, filter: FilterArgument = None
    ) -> results.MeetingStats:
        selection = await resolved_filter(info.context.repository, filter)
        return await run_heavy(info.context.repository.stats, selection)

    @field("The download URL (REST) of the same selection in an export format.")
    async def export_url(
        self,
        info: Info,
        format: Annotated[
            str,
            strawberry.argument(
                description="An exporter name, e.g. xlsx, csv, json or ndjson (plugins add more)."
            ),
        ],
        filter: FilterArgument = None,
    ) -> str:
        name = registry().get(format.strip().lower()).name
        selection = await resolved_filter(info.context.repository, filter)
        query = urlencode(filter_query(selection))
        return DOWNLOAD_PATH.format(format=name) + (f"?{query}" if query else "")
