"""The write endpoints under `/api/v1`: each checks the bearer token, then calls the same
ingest and curation functions as the command line, in a worker thread.

Errors are raised, never answered here: `ProblemMiddleware` turns them into problems
(401 and 403 name the scope needed; 401 carries `WWW-Authenticate`).
"""

from __future__ import annotations

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from api.auth import authorize
from api.encodings import decode_text
from api.errors import InvalidInput, ReadoutsError
from api.imports import import_load_file, report_of
from api.ingest import ingest_readouts
from api.params import check_known, single
from api.service import Service
from api.writes import once, readout_of, to_readout

__all__ = [
    "UnsupportedMediaType",
    "json_body",
    "post_import",
    "post_readout",
    "service_of",
    "writer",
]

_TEXT_PARAMS = ("published", "publisher", "url", "headline")


class UnsupportedMediaType(
    ReadoutsError, status=415, problem="unsupported-media-type", title="Unsupported media type"
):
    """A write body of a media type the endpoint does not take."""


def service_of(request: Request) -> Service:
    """The app's service (engine, repository, settings)."""
    service: Service = request.app.state.service
    return service


async def writer(request: Request, scope: str) -> str:
    """The name of the request's token, when it allows `scope` (401/403 otherwise)."""
    header = request.headers.get("authorization")
    return await run_in_threadpool(authorize, service_of(request).engine, header, scope)


def _flag(request: Request, name: str) -> bool:
    if name not in request.query_params:
        return False
    value = single(request.query_params, name).lower()
    if value not in {"true", "false"}:
        raise InvalidInput(f"query parameter {name}={value!r} is not a boolean; give true or false")
    return value == "true"


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def json_body(request: Request) -> object:
    """The request body as JSON; `InvalidInput` when it is not."""
    body = await request.body()
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise InvalidInput(f"the request body is not valid JSON: {error}") from None


async def post_readout(request: Request, actor: str) -> Response:
    """`POST /readouts`: ingest one readout (scope `ingest`), as `readouts ingest` does;
    which query parameters it takes depends on the body's media type."""
    media = _media_type(request)
    params = request.query_params
    if media == "application/json":
        check_known(params, ("dry_run",))
        data = await json_body(request)
    elif media == "text/plain":
        check_known(params, ("dry_run", *_TEXT_PARAMS))
        text = decode_text(await request.body(), "the request body", detect=False)
        data = {"text": text, **{k: single(params, k) for k in _TEXT_PARAMS if k in params}}
    else:
        raise UnsupportedMediaType(
            f"Content-Type {media or '(none)'!r} is not taken here; send application/json "
            "{text, published, ...} or text/plain with ?published=YYYY-MM-DD"
        )
    readout = readout_of(data)
    dry_run = _flag(request, "dry_run")
    key = once(request.headers.get("idempotency-key"), "readout", readout)
    report = await run_in_threadpool(
        ingest_readouts,
        service_of(request).engine,
        [to_readout(readout)],
        dry_run,
        None,
        actor,
        key,
    )
    wrote = bool(report.new or report.merged) and not dry_run
    headers = {"Idempotent-Replayed": "true"} if report.replayed else {}
    return Response(
        orjson.dumps(report.to_json()),
        status_code=201 if wrote else 200,
        headers=headers,
        media_type="application/json",
    )


async def post_import(request: Request, actor: str) -> Response:
    """`POST /imports`: load a load file (scope `curate`), all-or-nothing, as `readouts
    load` does; `413` past READOUTS_MAX_IMPORT_BYTES."""
    if _media_type(request) != "application/json":
        raise UnsupportedMediaType(
            f"Content-Type {_media_type(request) or '(none)'!r} is not a load file; send "
            "application/json {topics?, people?, meetings?} as `readouts load` reads"
        )
    body = await request.body()
    report = await run_in_threadpool(import_load_file, service_of(request).engine, actor, body)
    return Response(
        report_of(report).model_dump_json().encode(),
        status_code=201 if report.changes else 200,
        media_type="application/json",
    )
