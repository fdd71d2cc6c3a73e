"""The curation endpoints under `/api/v1/meetings/{id}` (scope `curate`): correct a
meeting with a JSON Merge Patch and `If-Match`, retract it, resolve a conflict. Each
calls `api.curation` in a worker thread; errors become problems in `ProblemMiddleware`.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from api import curation
from api.etags import meeting_tag
from api.models import Meeting
from api.params import check_known
from api.rest.envelopes import dump
from api.rest.writes import UnsupportedMediaType, json_body, service_of, writer

__all__ = ["patch_meeting", "resolve_conflict", "retract_meeting"]

_PATCH_TYPES = ("application/merge-patch+json", "application/json")


async def patch_meeting(request: Request) -> Response:
    """`PATCH /meetings/{id}`: apply a JSON Merge Patch; needs `If-Match` (428, 412)."""
    actor = await writer(request, "curate")
    check_known(request.query_params, ())
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in _PATCH_TYPES:
        raise UnsupportedMediaType(
            f"Content-Type {media or '(none)'!r} is not a merge patch; send "
            "application/merge-patch+json (RFC 7396) with the fields to change"
        )
    patch = await json_body(request)
    meeting = await run_in_threadpool(
        curation.update_meeting,
        service_of(request).engine,
        actor,
        request.path_params["id"],
        patch,
        request.headers.get("if-match"),
    )
    return _meeting(meeting)


async def retract_meeting(request: Request) -> Response:
    """`POST /meetings/{id}/retraction` with `{reason}`: the meeting leaves the dataset."""
    actor = await writer(request, "curate")
    check_known(request.query_params, ())
    retraction = curation.validated(curation.Retraction, await json_body(request))
    await run_in_threadpool(
        curation.retract_meeting,
        service_of(request).engine,
        actor,
        request.path_params["id"],
        retraction,
        request.headers.get("if-match"),
    )
    return Response(status_code=204)


async def resolve_conflict(request: Request) -> Response:
    """`POST /meetings/{id}/resolution` with `{field, source}`: that source's value stands."""
    actor = await writer(request, "curate")
    check_known(request.query_params, ())
    resolution = curation.validated(curation.Resolution, await json_body(request))
    meeting = await run_in_threadpool(
        curation.resolve_conflict,
        service_of(request).engine,
        actor,
        request.path_params["id"],
        resolution,
        request.headers.get("if-match"),
    )
    return _meeting(meeting)


def _meeting(meeting: Meeting) -> Response:
    return Response(
        dump(meeting),
        headers={"ETag": meeting_tag(meeting), "Cache-Control": "no-store"},
        media_type="application/json",
    )
