"""One record per page: `/meetings/{id}`, `/people/{id}`, `/countries/{code}`, `/about`."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response

import api
from api.countries import country_name, is_country_code
from api.errors import NotFound, ReadoutsError
from api.filters import MeetingFilter, PageRequest
from api.ids import known_id
from api.models import Meeting
from api.service import Service
from api.storage.facets import FacetCache
from api.web.charts import year_chart
from api.web.evidence import highlight
from api.web.links import State
from api.web.render import page
from exporters.registry import registry

__all__ = ["Records"]

_LATEST = 10


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _filtered(*items: tuple[str, str]) -> str:
    """The meetings page with these filters."""
    return f"/?{urlencode(items)}"


class Records:
    """The record pages, sharing the meetings page's facet cache."""

    def __init__(self, cache: FacetCache) -> None:
        self.cache = cache

    async def meeting(self, request: Request) -> Response:
        """The whole meeting, its sources (with highlighted evidence) and conflicts."""
        try:
            meeting_id = known_id(request.path_params["id"], "meeting")
            context = await run_in_threadpool(_meeting, _service(request), meeting_id)
        except ReadoutsError as error:
            return _problem(request, error)
        return page(request, "meeting.html", context)

    async def person(self, request: Request) -> Response:
        """A person (by id or any known spelling), offices, timeline and counterparts."""
        try:
            context = await run_in_threadpool(self._person, _service(request), request)
        except ReadoutsError as error:
            return _problem(request, error)
        return page(request, "person.html", context)

    async def country(self, request: Request) -> Response:
        """A country's partners, meetings per year and latest meetings."""
        code = request.path_params["code"].upper()
        if not is_country_code(code):
            error = NotFound(
                f"no country with code {request.path_params['code']!r}; use an ISO 3166-1 "
                "alpha-2 code such as PK or CN"
            )
            return _problem(request, error)
        context = await run_in_threadpool(self._country, _service(request), code)
        return page(request, "country.html", context)

    async def about(self, request: Request) -> Response:
        """What the data is, how it is made, counts, version, citation and licence."""
        service = _service(request)
        facets = await run_in_threadpool(service.repository.facets, MeetingFilter(), self.cache)
        years = facets.buckets["year"]
        return page(
            request,
            "about.html",
            {
                "facets": facets,
                "first_year": years[0].key if years else None,
                "last_year": years[-1].key if years else None,
                "exporters": registry().exporters(),
                "version": api.__version__,
            },
        )

    def _person(self, service: Service, request: Request) -> dict[str, Any]:
        repository = service.repository
        person = repository.get_person(known_id(request.path_params["id"], "person"))
        selection = MeetingFilter(person=[person.id])
        facets = repository.facets(selection, self.cache)
        state = State(QueryParams([("person", person.id)]))
        counterparts = repository.counterparts(person.id)
        latest = repository.list_briefs(selection, PageRequest(limit=_LATEST)).items
        return {
            "person": person,
            "facets": facets,
            "chart": year_chart(facets, state),
            "counterparts": [
                (c, _filtered(("person", person.id), ("person", c.person.id))) for c in counterparts
            ],
            "latest": latest,
            "all_url": _filtered(("person", person.id)),
        }

    def _country(self, service: Service, code: str) -> dict[str, Any]:
        repository = service.repository
        selection = MeetingFilter(country=[code])
        facets = repository.facets(selection, self.cache)
        state = State(QueryParams([("country", code)]))
        latest = repository.list_briefs(selection, PageRequest(limit=_LATEST)).items
        partners = [b for b in facets.buckets["country"] if b.key != code]
        return {
            "code": code,
            "name": country_name(code),
            "facets": facets,
            "chart": year_chart(facets, state),
            "partners": [(b, _filtered(("country", code), ("country", b.key))) for b in partners],
            "latest": latest,
            "all_url": _filtered(("country", code)),
        }


def _meeting(service: Service, meeting_id: str) -> dict[str, Any]:
    repository = service.repository
    meeting: Meeting = repository.get_meeting(meeting_id)
    ids = [source.id for source in meeting.sources]
    spans = repository.evidence_by_sources(ids)
    texts = repository.source_texts(ids)
    (conflicts,) = repository.conflicts_by_meetings([meeting.id])
    sources = [
        {
            "source": source,
            "evidence": evidence,
            "text": None if text is None else highlight(text, evidence),
        }
        for source, evidence, text in zip(meeting.sources, spans, texts, strict=True)
    ]
    return {"meeting": meeting, "sources": sources, "conflicts": conflicts}


def _problem(request: Request, error: ReadoutsError) -> Response:
    title = "Not found" if isinstance(error, NotFound) else "That request cannot be answered"
    return page(
        request, "error.html", {"title": title, "message": error.detail}, status_code=error.status
    )
