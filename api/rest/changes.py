"""`GET /api/v1/changes`: the changes feed, for mirrors that follow the dataset.

Each item is one committed write to a meeting (created, updated or retracted), in commit
order; `next_cursor` is where to ask next, given even when the page is empty, so a
follower polls with the last cursor it got and never misses or repeats a change
(`api.storage.changes` says why the order holds with concurrent writers).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from api.filters import change_cursor
from api.rest.queries import ChangeQuery
from api.rest.responses import json_response
from api.service import Service

__all__ = ["ChangeItem", "ChangeList", "History", "HistoryItem", "changes", "instant"]

_FEED_CACHE = "no-cache"  # a follower must see a change as soon as it is committed


class ChangeItem(BaseModel):
    """One committed write to a meeting."""

    model_config = ConfigDict(frozen=True)

    seq: int = Field(description="Position in commit order; increases by one per change.")
    at: dt.datetime = Field(description="When the write was committed (UTC).")
    action: str = Field(description="created, updated or retracted.")
    meeting_id: str = Field(description="The meeting written; GET /meetings/{id} reads it.")


class ChangeList(BaseModel):
    """A page of the changes feed."""

    data: list[ChangeItem]
    next_cursor: str = Field(
        description="Ask for `?after=` this next; given even when `data` is empty."
    )


class HistoryItem(ChangeItem):
    """One recorded write of a meeting, with its writer and the meeting before and after."""

    actor: str = Field(description="The token's name, `cli`, `seed` or `migration`.")
    before: dict[str, Any] | None = Field(description="The meeting before (null: new).")
    after: dict[str, Any] | None = Field(description="The meeting after (null: retracted).")


class History(BaseModel):
    """Every recorded write of one meeting, oldest first (scope admin)."""

    data: list[HistoryItem]


async def changes(request: Request, query: ChangeQuery) -> Response:
    """`GET /changes?after=&limit=`: the changes after a cursor, oldest first."""
    service: Service = request.app.state.service
    found = await run_in_threadpool(service.repository.list_changes, query.after, query.limit)
    last = found[-1].seq if found else query.after
    body = orjson.dumps(
        {
            "data": [
                {
                    "seq": c.seq,
                    "at": instant(c.at),
                    "action": c.action,
                    "meeting_id": c.meeting_id,
                }
                for c in found
            ],
            "next_cursor": change_cursor(last),
        }
    )
    return json_response(request, body, {"Cache-Control": _FEED_CACHE})


def instant(at: dt.datetime) -> str:
    """When a change was committed, as ISO 8601 in UTC (`...Z`); SQLite gives back naive
    datetimes, and every `at` is stored in UTC."""
    utc = at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)
    return utc.isoformat().replace("+00:00", "Z")
