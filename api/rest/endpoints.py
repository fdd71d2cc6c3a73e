"""The JSON resources under `/api/v1`: meetings, people, countries, topics and stats.

Each handler gets its parsed query (`api.rest.queries`, run by the route of
`api.rest.table`), asks the repository in a worker thread, and answers through
`json_response` (ETag, caching headers).
Errors are raised, never answered here: `ProblemMiddleware` turns them into problems.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from api.filters import MeetingFilter, MeetingOrder, filter_query
from api.models import Person
from api.params import MeetingQuery
from api.resolve import resolve_filter, resolve_person
from api.rest.envelopes import (
    ConflictList,
    CounterpartList,
    CountryList,
    PersonList,
    SourceList,
    SourceWithEvidence,
    TopicList,
    dump,
)
from api.rest.queries import PeopleQuery, path_id
from api.rest.responses import json_response
from api.service import Service
from api.storage.repository import Repository
from api.threads import run_heavy

__all__ = [
    "counterparts",
    "countries",
    "meeting",
    "meeting_conflicts",
    "meeting_sources",
    "meetings",
    "people",
    "person",
    "person_meetings",
    "stats",
    "topics",
]


def _repository(request: Request) -> Repository:
    service: Service = request.app.state.service
    return service.repository


async def meetings(request: Request, asked: MeetingQuery) -> Response:
    """`GET /meetings`: a page of the selected meetings."""
    query = await _resolved(request, asked)
    return await _meeting_page(request, query, query.selection)


async def person_meetings(request: Request, asked: MeetingQuery) -> Response:
    """`GET /people/{id}/meetings`: the meetings of one person, with the usual filters."""
    query = await _resolved(request, asked)
    found = await _person(request)
    selection = query.selection.model_copy(update={"person": [*query.selection.person, found.id]})
    return await _meeting_page(request, replace(query, selection=selection), query.selection)


async def _resolved(request: Request, query: MeetingQuery) -> MeetingQuery:
    """The query with its names resolved to ids, before any page query (`api.resolve`);
    a selection naming no person and no topic has nothing to resolve (no thread hop)."""
    if not (query.selection.person or query.selection.topic):
        return query
    selection = await run_in_threadpool(resolve_filter, query.selection, _repository(request))
    return replace(query, selection=selection)


async def _meeting_page(request: Request, query: MeetingQuery, asked: MeetingFilter) -> Response:
    """A page of the query's selection; `asked` is the client's own filter, repeated in the
    next link. Briefs and full meetings (`view=full`) alike go out as plain rows, which
    orjson writes as Pydantic writes `MeetingBriefList` and `MeetingList`."""
    page = query.page
    repository = _repository(request)
    result = await run_in_threadpool(repository.list_briefs, query.selection, page, query.full)
    body = orjson.dumps(
        {"data": result.items, "next_cursor": result.next_cursor, "total": result.total}
    )
    headers = {}
    if result.next_cursor is not None:
        params = filter_query(asked)
        if page.order is not MeetingOrder.DATE_DESC:
            params.append(("order", page.order.value))
        params.append(("limit", str(page.limit)))
        if page.with_total:
            params.append(("total", "true"))
        if query.full:
            params.append(("view", "full"))
        params.append(("cursor", result.next_cursor))
        headers["Link"] = _next_link(request, params)
    return json_response(request, body, headers)


async def meeting(request: Request, _: None) -> Response:
    """`GET /meetings/{id}`: one meeting; `404` for an unknown id."""
    found = await run_in_threadpool(_repository(request).get_meeting, path_id(request, "meeting"))
    return json_response(request, dump(found))


async def meeting_sources(request: Request, _: None) -> Response:
    """`GET /meetings/{id}/sources`: the sources of a meeting, with the evidence spans of
    each ingested text; `404` for an unknown id."""
    repository = _repository(request)
    found = await run_in_threadpool(repository.get_meeting, path_id(request, "meeting"))
    spans = await run_in_threadpool(
        repository.evidence_by_sources, [source.id for source in found.sources]
    )
    data = [
        SourceWithEvidence.model_construct(**source.model_dump(), evidence=evidence)
        for source, evidence in zip(found.sources, spans, strict=True)
    ]
    return json_response(request, dump(SourceList.model_construct(data=data)))


async def meeting_conflicts(request: Request, _: None) -> Response:
    """`GET /meetings/{id}/conflicts`: values other sources reported that differ from the
    kept ones; `404` for an unknown id."""
    repository = _repository(request)
    found = await run_in_threadpool(repository.get_meeting, path_id(request, "meeting"))
    (conflicts,) = await run_in_threadpool(repository.conflicts_by_meetings, [found.id])
    return json_response(request, dump(ConflictList.model_construct(data=conflicts)))


async def people(request: Request, query: PeopleQuery) -> Response:
    """`GET /people`: people by id, optionally whose name contains `q` or from `country`."""
    result = await run_in_threadpool(_repository(request).list_people, query.selection, query.page)
    body = dump(PersonList.model_construct(data=result.items, next_cursor=result.next_cursor))
    headers = {}
    if result.next_cursor is not None:
        params = request.query_params
        kept = [(k, v) for k, v in params.multi_items() if k != "cursor"]
        headers["Link"] = _next_link(request, [*kept, ("cursor", result.next_cursor)])
    return json_response(request, body, headers)


def _next_link(request: Request, params: list[tuple[str, str]]) -> str:
    """The `Link` header to the next page: a URL relative to the request's own (RFC 8288),
    so a client's `Host` header is never written back into it."""
    return f'<{request.url.path}?{urlencode(params)}>; rel="next"'


async def _person(request: Request) -> Person:
    repository = _repository(request)
    person_id = await run_in_threadpool(resolve_person, path_id(request, "person"), repository)
    return await run_in_threadpool(repository.get_person, person_id)


async def person(request: Request, _: None) -> Response:
    """`GET /people/{id}`: a person by id or by any known spelling of the name."""
    return json_response(request, dump(await _person(request)))


async def counterparts(request: Request, _: None) -> Response:
    """`GET /people/{id}/counterparts`: whom the person met, most often first."""
    found = await _person(request)
    result = await run_heavy(_repository(request).counterparts, found.id)
    return json_response(request, dump(CounterpartList.model_construct(data=result)))


async def countries(request: Request, _: None) -> Response:
    """`GET /countries`: countries with at least one participant."""
    result = await run_in_threadpool(_repository(request).countries)
    return json_response(request, dump(CountryList.model_construct(data=result)))


async def topics(request: Request, _: None) -> Response:
    """`GET /topics`: the topic vocabulary with meeting counts."""
    result = await run_in_threadpool(_repository(request).topics)
    return json_response(request, dump(TopicList.model_construct(data=result)))


async def stats(request: Request, asked: MeetingQuery) -> Response:
    """`GET /stats`: facets of the selection (by year, kind, setting, country pair, topic)."""
    query = await _resolved(request, asked)
    result = await run_heavy(_repository(request).stats, query.selection)
    return json_response(request, dump(result))
