"""The curation endpoints under `/api/v1/meetings/{id}` (scope `curate`): correct a
meeting with a JSON Merge Patch and `If-Match`, retract it, resolve a conflict; and its
audit, `history` (scope `admin`). Each
calls `api.curation` in a worker thread; errors become problems in `ProblemMiddleware`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import orjson
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from api import curation
from api.errors import NotFound
from api.etags import meeting_tag
from api.models import Meeting
from api.rest.changes import instant
from api.rest.envelopes import dump
from api.rest.queries import path_id
from api.rest.writes import UnsupportedMediaType, json_body, service_of

__all__ = ["meeting_history", "patch_meeting", "resolve_conflict", "retract_meeting"]

_PATCH_TYPES = ("application/merge-patch+json", "application/json")
_B = TypeVar("_B")
_R = TypeVar("_R")


async def patch_meeting(request: Request, actor: str) -> Response:
    """`PATCH /meetings/{id}`: apply a JSON Merge Patch; needs `If-Match` (428, 412)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in _PATCH_TYPES:
        raise UnsupportedMediaType(
            f"Content-Type {media or '(none)'!r} is not a merge patch; send "
            "application/merge-patch+json (RFC 7396) with the fields to change"
        )
    patch = await json_body(request)
    return _meeting(await _curate(request, actor, curation.update_meeting, patch))


async def retract_meeting(request: Request, actor: str) -> Response:
    """`POST /meetings/{id}/retraction` with `{reason}`: the meeting leaves the dataset."""
    retraction = curation.validated(curation.Retraction, await json_body(request))
    await _curate(request, actor, curation.retract_meeting, retraction)
    return Response(status_code=204)


async def resolve_conflict(request: Request, actor: str) -> Response:
    """`POST /meetings/{id}/resolution` with `{field, source}`: that source's value stands."""
    resolution = curation.validated(curation.Resolution, await json_body(request))
    return _meeting(await _curate(request, actor, curation.resolve_conflict, resolution))


async def _curate(
    request: Request,
    actor: str,
    write: Callable[[Engine, str, str, _B, str | None], _R],
    body: _B,
) -> _R:
    """`write` (an `api.curation` function) of the path's meeting with `body` and the
    request's `If-Match`, as `actor`, in a worker thread."""
    return await run_in_threadpool(
        write,
        service_of(request).engine,
        actor,
        path_id(request, "meeting"),
        body,
        request.headers.get("if-match"),
    )


def _meeting(meeting: Meeting) -> Response:
    return Response(
        dump(meeting),
        headers={"ETag": meeting_tag(meeting), "Cache-Control": "no-store"},
        media_type="application/json",
    )


async def meeting_history(request: Request, actor: str) -> Response:
    """`GET /meetings/{id}/history` (scope admin): every recorded write of the meeting,
    oldest first, with its writer and the meeting before and after. The audit names
    tokens, so it is not public as the other reads are."""
    meeting_id = path_id(request, "meeting")
    entries = await run_in_threadpool(service_of(request).repository.audit_of, meeting_id)
    if not entries:
        raise NotFound(f"no recorded change of a meeting with id {meeting_id!r}")
    body = orjson.dumps(
        {
            "data": [
                {
                    "seq": e.seq,
                    "at": instant(e.at),
                    "action": e.action,
                    "meeting_id": e.meeting_id,
                    "actor": e.actor,
                    "before": None if e.before is None else orjson.loads(e.before),
                    "after": None if e.after is None else orjson.loads(e.after),
                }
                for e in entries
            ]
        }
    )
    return Response(body, headers={"Cache-Control": "no-store"}, media_type="application/json")
