"""The web pages assembled: `/`, `/meetings/{id}`, `/people/{id}`, `/countries/{code}`,
`/about` and their assets at `/assets/NAME`."""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from api.storage.facets import FacetCache
from api.web.meetings import MeetingsPage
from api.web.records import Records
from api.web.render import asset

__all__ = ["web_routes"]

_GET = ["GET", "HEAD"]


def web_routes() -> list[BaseRoute]:
    """The page routes, ready for `Starlette(routes=...)`; mount them before any other `/`."""
    cache = FacetCache()
    records = Records(cache)
    return [
        Route("/", MeetingsPage(cache).endpoint, methods=_GET, name="meetings"),
        Route("/meetings/{id}", records.meeting, methods=_GET),
        Route("/people/{id}", records.person, methods=_GET),
        Route("/countries/{code}", records.country, methods=_GET),
        Route("/about", records.about, methods=_GET),
        Route("/assets/{name}", asset, methods=_GET),
    ]
