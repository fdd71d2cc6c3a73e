"""The REST face assembled: the routes of `api.rest.table` under `/api/v1`, their
middleware, and the docs UI.

`rest_routes(settings)` is what `create_app` mounts. Inside the mount, CORS answers
browsers, large bodies are gzipped (not workbooks, zips already), and `ProblemMiddleware` turns every error (unknown
path, wrong method, bad parameter, unknown id, bug) into an RFC 9457 problem.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from api.config import Settings
from api.rest import docs, downloads
from api.rest.operation import Endpoint
from api.rest.problems import ProblemMiddleware
from api.rest.responses import accepts_json
from api.rest.table import ENDPOINTS, IMPORTS
from exporters.xlsx_exporter import XlsxExporter

__all__ = ["API_PREFIX", "DOCS_PATH", "IMPORTS_PATH", "rest_routes"]

API_PREFIX = "/api/v1"
IMPORTS_PATH = f"{API_PREFIX}{IMPORTS}"
"""Load files are posted here; their bodies may be larger (READOUTS_MAX_IMPORT_BYTES)."""
DOCS_PATH = "/api/docs"

_Serve = Callable[[Request], Awaitable[Response]]


def _serving(endpoint: Endpoint[Any]) -> _Serve:
    """The Starlette endpoint of a table entry: an exporter's download when `Accept` asks
    for one, the `Accept` check, the query parsed, then the handler."""

    async def serve(request: Request) -> Response:
        if endpoint.downloads and (download := downloads.download_for(request)) is not None:
            return await download(request)
        if endpoint.json_only:
            accepts_json(request)
        return await endpoint.handler(request, await endpoint.query.parse(request))

    return serve


def _api_routes() -> list[BaseRoute]:
    """One route per path of `ENDPOINTS`, so that a wrong method's 405 lists every method
    the path has (HEAD goes to GET's handler)."""
    by_path: dict[str, dict[str, _Serve]] = {}
    for endpoint in ENDPOINTS:
        by_path.setdefault(endpoint.path, {})[endpoint.method] = _serving(endpoint)
    return [_route(path, handlers) for path, handlers in by_path.items()]


def _route(path: str, handlers: dict[str, _Serve]) -> Route:
    async def dispatch(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    methods = [*handlers, *(["HEAD"] if "GET" in handlers else [])]
    return Route(path, dispatch, methods=methods)


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
