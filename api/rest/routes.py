"""The REST face assembled: routes under `/api/v1`, their middleware, and the docs UI.

`rest_routes(settings)` is what `create_app` mounts. Inside the mount, CORS answers
browsers, large bodies are gzipped (not workbooks, zips already), and `ProblemMiddleware` turns every error (unknown
path, wrong method, bad parameter, unknown id, bug) into an RFC 9457 problem.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from api.config import Settings
from api.rest import changes, curation, docs, downloads, endpoints, openapi, writes
from api.rest.problems import ProblemMiddleware
from exporters.xlsx_exporter import XlsxExporter

__all__ = ["API_PREFIX", "DOCS_PATH", "IMPORTS_PATH", "rest_routes"]

API_PREFIX = "/api/v1"
IMPORTS_PATH = f"{API_PREFIX}/imports"
"""Load files are posted here; their bodies may be larger (READOUTS_MAX_IMPORT_BYTES)."""
DOCS_PATH = "/api/docs"

_GET = ["GET", "HEAD"]
Endpoint = Callable[[Request], Awaitable[Response]]


def _by_method(**handlers: Endpoint) -> Endpoint:
    """One endpoint for a path served by several handlers, so that a wrong method's 405
    lists every method the path has (HEAD goes to GET's handler)."""

    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return endpoint


def _api_routes() -> list[BaseRoute]:
    return [
        Route("/meetings", endpoints.meetings, methods=_GET),
        Route("/readouts", writes.post_readout, methods=["POST"]),
        Route(IMPORTS_PATH.removeprefix(API_PREFIX), writes.post_import, methods=["POST"]),
        Route("/meetings.{format}", downloads.download, methods=_GET),
        Route(
            "/meetings/{id}",
            _by_method(GET=endpoints.meeting, PATCH=curation.patch_meeting),
            methods=[*_GET, "PATCH"],
        ),
        Route("/meetings/{id}/retraction", curation.retract_meeting, methods=["POST"]),
        Route("/meetings/{id}/resolution", curation.resolve_conflict, methods=["POST"]),
        Route("/meetings/{id}/history", curation.meeting_history, methods=_GET),
        Route("/meetings/{id}/sources", endpoints.meeting_sources, methods=_GET),
        Route("/meetings/{id}/conflicts", endpoints.meeting_conflicts, methods=_GET),
        Route("/people", endpoints.people, methods=_GET),
        Route("/people/{id}", endpoints.person, methods=_GET),
        Route("/people/{id}/meetings", endpoints.person_meetings, methods=_GET),
        Route("/people/{id}/counterparts", endpoints.counterparts, methods=_GET),
        Route("/countries", endpoints.countries, methods=_GET),
        Route("/topics", endpoints.topics, methods=_GET),
        Route("/stats", endpoints.stats, methods=_GET),
        Route("/changes", changes.changes, methods=_GET),
        Route("/openapi.json", openapi.endpoint, methods=_GET),
    ]


def rest_routes(settings: Settings) -> list[BaseRoute]:
    """The `/api/v1` mount and the docs UI, ready for `Starlette(routes=...)`."""
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD"],
            expose_headers=["ETag", "Link", "Content-Disposition"],
            max_age=600,
        ),
        # A workbook is a zip already: gzip would cost CPU for nothing.
        Middleware(
            GZipMiddleware,
            minimum_size=1000,
            exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, XlsxExporter.media_type),
        ),
        Middleware(ProblemMiddleware),
    ]
    api = Mount(API_PREFIX, routes=_api_routes(), middleware=middleware)
    # Starlette's pattern stops at a newline; the API answers every path under its prefix.
    api.path_regex = re.compile(api.path_regex.pattern, re.DOTALL)
    return [
        api,
        *docs.routes(openapi_url=f"{API_PREFIX}/openapi.json", path=DOCS_PATH),
    ]
