"""The JSON resources under `/api/v1`: meetings, people, countries, topics and stats.

Each endpoint parses its query string (unknown names are refused), asks the repository
in a worker thread, and answers through `json_response` (ETag, caching headers).
Errors are raised, never answered here: `ProblemMiddleware` turns them into problems.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import orjson
from pydantic import Field, ValidationError
from pydantic.dataclasses import dataclass
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from api.errors import InvalidInput
from api.filters import MAX_PAGE_SIZE, MeetingFilter, MeetingOrder, filter_query
from api.models import Person
from api.params import MeetingQuery, check_known, parse_meeting_query, query_spelling, single
from api.resolve import resolve_filter, resolve_person
from api.rest.downloads import download_for
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
from api.rest.responses import accepts_json, json_response
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


async def meetings(request: Request) -> Response:
    """`GET /meetings`: a page of the selected meetings, or a download by `Accept`."""
    download = download_for(request)
    if download is not None:
        return await download(request)
    accepts_json(request)
    query = await _resolved(request, parse_meeting_query(request.query_params))
    return await _meeting_page(request, query, query.selection)


async def person_meetings(request: Request) -> Response:
    """`GET /people/{id}/meetings`: the meetings of one person, with the usual filters."""
    accepts_json(request)
    query = await _resolved(request, parse_meeting_query(request.query_params))
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


async def meeting(request: Request) -> Response:
    """`GET /meetings/{id}`: one meeting; `404` for an unknown id."""
    accepts_json(request)
    check_known(request.query_params, ())
    found = await run_in_threadpool(_repository(request).get_meeting, request.path_params["id"])
    return json_response(request, dump(found))


async def meeting_sources(request: Request) -> Response:
    """`GET /meetings/{id}/sources`: the sources of a meeting, with the evidence spans of
    each ingested text; `404` for an unknown id."""
    accepts_json(request)
    check_known(request.query_params, ())
    repository = _repository(request)
    found = await run_in_threadpool(repository.get_meeting, request.path_params["id"])
    spans = await run_in_threadpool(
        repository.evidence_by_sources, [source.id for source in found.sources]
    )
    data = [
        SourceWithEvidence.model_construct(**source.model_dump(), evidence=evidence)
        for source, evidence in zip(found.sources, spans, strict=True)
    ]
    return json_response(request, dump(SourceList.model_construct(data=data)))


async def meeting_conflicts(request: Request) -> Response:
    """`GET /meetings/{id}/conflicts`: values other sources reported that differ from the
    kept ones; `404` for an unknown id."""
    accepts_json(request)
    check_known(request.query_params, ())
    repository = _repository(request)
    found = await run_in_threadpool(repository.get_meeting, request.path_params["id"])
    (conflicts,) = await run_in_threadpool(repository.conflicts_by_meetings, [found.id])
    return json_response(request, dump(ConflictList.model_construct(data=conflicts)))


@dataclass(frozen=True)
class _PeopleQuery:
    q: str | None = Field(default=None, min_length=1, max_length=200)
    country: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")
    limit: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)
    cursor: str | None = None


async def people(request: Request) -> Response:
    """`GET /people`: people by id, optionally whose name contains `q` or from `country`."""
    accepts_json(request)
    params = request.query_params
    check_known(params, ("q", "country", "limit", "cursor"))
    raw = {
        name: single(params, name) for name in ("q", "country", "limit", "cursor") if name in params
    }
    if raw.get("cursor") == "":
        del raw["cursor"]  # an empty cursor asks for the first page
    try:
        query = _PeopleQuery(**raw)  # type: ignore[arg-type]
    except ValidationError as error:
        raise InvalidInput.from_validation(error, query_spelling()) from None
    result = await run_in_threadpool(
        _repository(request).list_people, query.q, query.country, query.limit, query.cursor
    )
    body = dump(PersonList.model_construct(data=result.items, next_cursor=result.next_cursor))
    headers = {}
    if result.next_cursor is not None:
        kept = [(k, v) for k, v in params.multi_items() if k != "cursor"]
        headers["Link"] = _next_link(request, [*kept, ("cursor", result.next_cursor)])
    return json_response(request, body, headers)


def _next_link(request: Request, params: list[tuple[str, str]]) -> str:
    """The `Link` header to the next page: a URL relative to the request's own (RFC 8288),
    so a client's `Host` header is never written back into it."""
    return f'<{request.url.path}?{urlencode(params)}>; rel="next"'


async def _person(request: Request) -> Person:
    repository = _repository(request)
    person_id = await run_in_threadpool(resolve_person, request.path_params["id"], repository)
    return await run_in_threadpool(repository.get_person, person_id)


async def person(request: Request) -> Response:
    """`GET /people/{id}`: a person by id or by any known spelling of the name."""
    accepts_json(request)
    check_known(request.query_params, ())
    return json_response(request, dump(await _person(request)))


async def counterparts(request: Request) -> Response:
    """`GET /people/{id}/counterparts`: whom the person met, most often first."""
    accepts_json(request)
    check_known(request.query_params, ())
    found = await _person(request)
    result = await run_heavy(_repository(request).counterparts, found.id)
    return json_response(request, dump(CounterpartList.model_construct(data=result)))


async def countries(request: Request) -> Response:
    """`GET /countries`: countries with at least one participant."""
    accepts_json(request)
    check_known(request.query_params, ())
    result = await run_in_threadpool(_repository(request).countries)
    return json_response(request, dump(CountryList.model_construct(data=result)))


async def topics(request: Request) -> Response:
    """`GET /topics`: the topic vocabulary with meeting counts."""
    accepts_json(request)
    check_known(request.query_params, ())
    result = await run_in_threadpool(_repository(request).topics)
    return json_response(request, dump(TopicList.model_construct(data=result)))


async def stats(request: Request) -> Response:
    """`GET /stats`: facets of the selection (by year, kind, setting, country pair, topic)."""
    accepts_json(request)
    query = await _resolved(request, parse_meeting_query(request.query_params, paged=False))
    result = await run_heavy(_repository(request).stats, query.selection)
    return json_response(request, dump(result))
