"""Downloads of a meeting selection through the exporter registry, streamed.

`GET /meetings.{format}` (an exporter name such as `xlsx`, `csv`, `json`, `ndjson`, or
its file extension) and `GET /meetings` with an `Accept` header naming an exporter's
media type both stream every meeting of the selection. They take the filter parameters
of `/meetings` (no paging) and the exporter's options as `opt.<name>=<value>`; an
unknown option is a 400 naming it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

import api
from api.errors import UnknownFormat
from api.rest.params import parse_meeting_query
from api.rest.responses import accept_ranges
from api.service import Service
from exporters.base import ExportContext, Exporter
from exporters.registry import registry

__all__ = ["OPTION_PREFIX", "download", "download_for"]

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
            return lambda request: _stream(request, exporter)
    return None


async def download(request: Request) -> Response:
    """`GET /meetings.{format}`: every meeting of the selection in that format."""
    return await _stream(request, _exporter(request.path_params["format"]))


def _exporter(format_or_extension: str) -> Exporter[Any]:
    exporters = registry()
    try:
        return exporters.get(format_or_extension)
    except UnknownFormat:
        for exporter in exporters.exporters():
            if exporter.extension == format_or_extension:
                return exporter
        raise


async def _stream(request: Request, exporter: Exporter[Any]) -> Response:
    params = request.query_params
    query = parse_meeting_query(params, paged=False, extra=(OPTION_PREFIX,))
    raw = {
        k.removeprefix(OPTION_PREFIX): v for k, v in params.items() if k.startswith(OPTION_PREFIX)
    }
    options = registry().parse_options(exporter.name, raw)
    now = dt.datetime.now(dt.UTC)
    service: Service = request.app.state.service
    context = ExportContext(
        selection=query.selection,
        exported_at=now,
        version=api.__version__,
        source_url=str(request.url),
        topics=await run_in_threadpool(service.vocabulary),
    )
    meetings = service.repository.iter_meetings(query.selection)
    chunks = exporter.stream(meetings, options, context)
    first = await run_in_threadpool(next, chunks, b"")  # errors before the headers go out
    filename = f"readouts-meetings-{now:%Y%m%d}.{exporter.extension}"

    async def body() -> Any:
        yield first
        async for chunk in iterate_in_threadpool(chunks):
            yield chunk

    return StreamingResponse(
        body(),
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
