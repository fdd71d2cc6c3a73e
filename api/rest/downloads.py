"""Downloads of a meeting selection through the exporter registry, streamed.

`GET /meetings.{format}` (an exporter name such as `xlsx`, `csv`, `json`, `ndjson`, or
its file extension) and `GET /meetings` with an `Accept` header naming an exporter's
media type both stream every meeting of the selection. They take the filter parameters
of `/meetings` (no paging) and the exporter's options as `opt.<name>=<value>`; an
unknown option is a 400 naming it. `HEAD` checks the parameters and answers the
headers a `GET` would, without running the export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

import api
from api.errors import UnknownFormat
from api.params import MeetingQuery, parse_meeting_query
from api.resolve import resolve_filter
from api.rest.responses import accept_ranges
from api.service import Service
from api.threads import iterate_heavy, run_heavy
from exporters.base import ExportContext, Exporter
from exporters.registry import registry

__all__ = ["OPTION_PREFIX", "download", "download_for", "download_query"]

OPTION_PREFIX = "opt."


def download_for(request: Request) -> Callable[[Request], Awaitable[Response]] | None:
    """The download `request` negotiates by `Accept`, or None when JSON is acceptable."""
    accept = request.headers.get("accept")
    if not accept:
        return None
    ranges = accept_ranges(accept)
    if ranges & {"*/*", "application/*", "application/json"}:
        return None
    for exporter in registry().exporters():
        if exporter.media_type.split(";")[0].strip().lower() in ranges:
            return lambda request: _stream(request, exporter, download_query(request.query_params))
    return None


def download_query(params: QueryParams) -> MeetingQuery:
    """The selection of a download: the filter parameters and `opt.<name>` options."""
    return parse_meeting_query(params, paged=False, extra=(OPTION_PREFIX,))


async def download(request: Request, query: MeetingQuery) -> Response:
    """`GET /meetings.{format}`: every meeting of the selection in that format."""
    return await _stream(request, _exporter(request.path_params["format"]), query)


def _exporter(format_or_extension: str) -> Exporter[Any]:
    exporters = registry()
    try:
        return exporters.get(format_or_extension)
    except UnknownFormat:
        for exporter in exporters.exporters():
            if exporter.extension == format_or_extension:
                return exporter
        raise


async def _stream(request: Request, exporter: Exporter[Any], query: MeetingQuery) -> Response:
    params = request.query_params
    service: Service = request.app.state.service
    selection = await run_in_threadpool(resolve_filter, query.selection, service.repository)
    raw = {
        k.removeprefix(OPTION_PREFIX): v for k, v in params.items() if k.startswith(OPTION_PREFIX)
    }
    options = registry().parse_options(exporter.name, raw)
    now = dt.datetime.now(dt.UTC)
    context = ExportContext(
        selection=selection,
        exported_at=now,
        version=api.__version__,
        source_url=str(request.url),
        topics=await run_in_threadpool(service.vocabulary),
    )
    filename = f"readouts-meetings-{now:%Y%m%d}.{exporter.extension}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if request.method == "HEAD":
        response = Response(media_type=exporter.media_type, headers=headers)
        del response.headers["content-length"]  # a GET streams: its length is not known
        return response
    meetings = service.repository.iter_for_export(exporter.reads, selection)
    chunks = exporter.stream(meetings, options, context)
    first = await run_heavy(next, chunks, b"")  # errors before the headers go out

    async def body() -> Any:
        yield first
        async for chunk in iterate_heavy(chunks):
            yield chunk

    return StreamingResponse(
        body(),
        media_type=exporter.media_type,
        headers=headers,
    )
