"""What each REST endpoint reads from a request before its handler runs, and how the
OpenAPI document states it: one `Query` per shape of request.

A `Query` parses the request (the bearer token of a write, then the query string; an
unknown parameter is a 400 naming it) into the value its handler takes, and lists the
OpenAPI parameters it reads. `api.rest.table` pairs each endpoint with one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import ValidationError
from starlette.requests import Request

from api.errors import InvalidInput
from api.filters import MAX_PAGE_SIZE, PeopleFilter, PeoplePage, change_position
from api.ids import known_id
from api.params import MeetingQuery, check_known, parse_meeting_query, query_spelling, single
from api.rest import parameters as p
from api.rest.downloads import download_query
from api.rest.writes import writer

__all__ = [
    "CHANGES",
    "DOWNLOAD",
    "MEETINGS",
    "NONE",
    "PEOPLE",
    "SELECTION",
    "ChangeQuery",
    "PeopleQuery",
    "Query",
    "authorized",
    "path_id",
]

Q = TypeVar("Q")
Parameters = Callable[[Mapping[str, Any]], list[dict[str, Any]]]


def _none(schemas: Mapping[str, Any]) -> list[dict[str, Any]]:
    return []


@dataclass(frozen=True)
class Query(Generic[Q]):
    """How an endpoint reads its request: `parse` gives its handler's second argument;
    `parameters(schemas)` are the OpenAPI parameters it reads."""

    parse: Callable[[Request], Awaitable[Q]]
    parameters: Parameters = field(default=_none)


@dataclass(frozen=True, slots=True)
class PeopleQuery:
    """Which people, and which page of them."""

    selection: PeopleFilter
    page: PeoplePage


@dataclass(frozen=True, slots=True)
class ChangeQuery:
    """Where the changes feed continues (0: the start), and how many changes at most."""

    after: int
    limit: int


def path_id(request: Request, noun: str) -> str:
    """The `{id}` of the request's path as an `api.ids.Id`: `NotFound` (404) naming it when
    no `noun` can have it."""
    return known_id(request.path_params["id"], noun)


async def _no_parameters(request: Request) -> None:
    check_known(request.query_params, ())


async def _meetings(request: Request) -> MeetingQuery:
    return parse_meeting_query(request.query_params)


async def _selection(request: Request) -> MeetingQuery:
    return parse_meeting_query(request.query_params, paged=False)


async def _download(request: Request) -> MeetingQuery:
    return download_query(request.query_params)


_PEOPLE_PARAMS = ("q", "country", "limit", "cursor")


async def _people(request: Request) -> PeopleQuery:
    params = request.query_params
    check_known(params, _PEOPLE_PARAMS)
    raw = {name: single(params, name) for name in _PEOPLE_PARAMS if name in params}
    try:
        selection = PeopleFilter.model_validate({k: raw[k] for k in ("q", "country") if k in raw})
        page = PeoplePage.model_validate(
            {
                key: raw[name]
                for name, key in (("limit", "limit"), ("cursor", "after"))
                if name in raw
            }
        )
    except ValidationError as error:
        raise InvalidInput.from_validation(error, query_spelling({"after": "cursor"})) from None
    return PeopleQuery(selection=selection, page=page)


async def _changes(request: Request) -> ChangeQuery:
    params = request.query_params
    check_known(params, ("after", "limit"))
    after = change_position(single(params, "after") if "after" in params else None)
    limit = _limit(single(params, "limit")) if "limit" in params else MAX_PAGE_SIZE
    return ChangeQuery(after=after, limit=limit)


def _limit(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE_SIZE:
        raise InvalidInput(
            f"query parameter limit={value!r} is not a page size; give 1 to {MAX_PAGE_SIZE}"
        )
    return int(value)


NONE: Query[None] = Query(_no_parameters)
"""No query parameter at all."""

MEETINGS: Query[MeetingQuery] = Query(
    _meetings, lambda schemas: [*p.filter_parameters(schemas), *p.page_parameters()]
)
"""A meeting listing: the filter, and the page."""

SELECTION: Query[MeetingQuery] = Query(_selection, p.filter_parameters)
"""The filter alone (`/stats`)."""

DOWNLOAD: Query[MeetingQuery] = Query(_download, p.filter_parameters)
"""The filter and the exporter's options (`opt.<name>`, not listed: they vary by format)."""

PEOPLE: Query[PeopleQuery] = Query(_people, p.people_parameters)
"""A people listing: `PeopleFilter`, `limit` and `cursor`."""

CHANGES: Query[ChangeQuery] = Query(_changes, lambda schemas: p.change_parameters())
"""The changes feed: `after` and `limit`."""


def authorized(
    scope: str,
    known: Sequence[str] | None = (),
    parameters: Sequence[dict[str, Any]] = (),
) -> Query[str]:
    """A write: the token must allow `scope` (401/403 first), then only `known` query
    parameters (None: the handler checks them, as they depend on the body's media type).
    The handler gets the writer's name; `parameters` are the query and header parameters
    it documents."""

    async def parse(request: Request) -> str:
        actor = await writer(request, scope)
        if known is not None:
            check_known(request.query_params, known)
        return actor

    return Query(parse, lambda schemas: list(parameters))
