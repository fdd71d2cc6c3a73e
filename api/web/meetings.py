"""`/`: the meetings page. Search, facet counts, chips, sort, pages, downloads, a chart.

The query string is the one of `/api/v1/meetings`, parsed by the same function
(`api.params.parse_meeting_query`) into the same `MeetingFilter`; empty form fields are
dropped first so that the form works without JavaScript. Clients asking for JSON (and
not HTML) get the service's JSON index instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from api import health
from api.errors import InvalidInput
from api.filters import Cursor, MeetingOrder, PageRequest
from api.models import MeetingKind, Setting
from api.params import MeetingQuery, parse_meeting_query
from api.results import BriefPage
from api.service import Service
from api.storage.facets import FacetCache, FacetCounts
from api.web.charts import year_chart
from api.web.fragments import facet_fields
from api.web.links import State, graphql_query
from api.web.render import page
from exporters.registry import registry

__all__ = ["MeetingsPage"]

LIMITS = (20, 50, 100)
"""Page sizes the form offers (any size the API takes works in the URL)."""


@dataclass(frozen=True)
class _Loaded:
    facets: FacetCounts
    page: BriefPage
    previous: str | None
    """The cursor of the previous page; '' for the first page; None on the first page."""


class MeetingsPage:
    """The `/` endpoint, holding the facet cache it shares across requests."""

    def __init__(self, cache: FacetCache) -> None:
        self.cache = cache

    async def endpoint(self, request: Request) -> Response:
        """The meetings page for `request`, or the JSON index when JSON is asked for."""
        if _wants_json(request):
            return await health.index(request)
        state = State(request.query_params)
        try:
            query = parse_meeting_query(state.params())
        except InvalidInput as error:
            return page(request, "error.html", _error(error), status_code=400)
        service: Service = request.app.state.service
        try:
            loaded = await run_in_threadpool(self._load, service, query)
        except InvalidInput as error:
            return page(request, "error.html", _error(error), status_code=400)
        return page(request, "meetings.html", _context(state, query, loaded))

    def _load(self, service: Service, query: MeetingQuery) -> _Loaded:
        repository = service.repository
        facets = repository.facets(query.selection, self.cache)
        listed = repository.list_briefs(query.selection, query.page)
        return _Loaded(facets=facets, page=listed, previous=_previous(service, query, listed))


def _previous(service: Service, query: MeetingQuery, listed: BriefPage) -> str | None:
    """The cursor that starts the page before this one ('' for the first page), read
    backwards from this page's first meeting; None when this is the first page."""
    cursor = query.page.cursor()
    if cursor is None:
        return None
    back = (
        MeetingOrder.DATE_ASC
        if query.page.order is MeetingOrder.DATE_DESC
        else (MeetingOrder.DATE_DESC)
    )
    first = listed.items[0] if listed.items else {"date": cursor.date, "id": cursor.id}
    if not listed.items:  # past the end: the page before starts at the cursor's meeting
        return ""
    start = Cursor(order=back, date=first["date"], id=first["id"])
    request = PageRequest.model_construct(
        order=back, limit=query.page.limit + 1, after=start.encode(), with_total=False
    )
    before = service.repository.list_briefs(query.selection, request).items
    if len(before) <= query.page.limit:
        return ""
    last = before[query.page.limit]
    return Cursor(order=query.page.order, date=last["date"], id=last["id"]).encode()


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "").lower()
    return "text/html" not in accept and ("json" in accept or accept in {"", "*/*"})


def _error(error: InvalidInput) -> dict[str, Any]:
    return {"title": "That selection cannot be read", "message": str(error.detail)}


def _context(state: State, query: MeetingQuery, loaded: _Loaded) -> dict[str, Any]:
    facets = loaded.facets
    selection = query.selection
    return {
        "state": state,
        "query": query,
        "selection": selection,
        "facets": facets,
        "meetings": loaded.page.items,
        "next_url": state.at(loaded.page.next_cursor) if loaded.page.next_cursor else None,
        "previous_url": None if loaded.previous is None else state.at(loaded.previous or None),
        "kinds": [k.value for k in MeetingKind],
        "settings": [s.value for s in Setting],
        "orders": [o.value for o in MeetingOrder],
        "limits": sorted({*LIMITS, query.page.limit}),
        "exporters": [
            {"name": e.name, "extension": e.extension, "description": e.description}
            for e in registry().exporters()
        ],
        "api_url": state.api(),
        "graphql": graphql_query(selection, query.page.order, query.page.limit),
        "chart": year_chart(facets, state),
        "facet_html": facet_fields(facets, state),
    }
