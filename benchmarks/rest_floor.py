"""The floor for the REST benchmark: Starlette + sqlite3 + orjson, nothing else.

Serves `GET /api/v1/meetings?kind=...&limit=...` from the readouts SQLite file in two
queries (the page, then its participants by IN) with participants nested as the API
nests them. Run: `READOUTS_FLOOR_DB=path uvicorn --app-dir benchmarks rest_floor:create_app --factory`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

__all__ = ["create_app"]

_PAGE = (
    "SELECT id, date, date_precision, time_of_day, kind, setting, city, country_code, venue,"
    " occasion, initiated_by, summary, synthetic FROM meetings WHERE kind = ?"
    " ORDER BY date DESC, id DESC LIMIT ?"
)
_PARTICIPANTS = (
    "SELECT p.meeting_id, p.person_id, pe.name, p.country_code, p.title, p.role, p.capacity"
    " FROM participants p JOIN people pe ON pe.id = p.person_id"
    " WHERE p.meeting_id IN ({}) ORDER BY p.meeting_id, p.seq"
)


def create_app() -> Starlette:
    """The floor app over the SQLite file named by READOUTS_FLOOR_DB."""
    path = os.environ["READOUTS_FLOOR_DB"]
    local = threading.local()

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "db"):
            local.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db: sqlite3.Connection = local.db
        return db

    def page(kind: str, limit: int) -> bytes:
        db = connection()
        rows = db.execute(_PAGE, (kind, limit + 1)).fetchall()
        rows = rows[:limit]
        ids = [row[0] for row in rows]
        people: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        query = _PARTICIPANTS.format(",".join("?" * len(ids)))
        for mid, pid, name, code, title, role, capacity in db.execute(query, ids):
            people[mid].append(
                {
                    "person": {"id": pid, "name": name},
                    "country_code": code,
                    "title": title,
                    "role": role,
                    "capacity": capacity,
                }
            )
        data = [
            {
                "id": r[0],
                "date": r[1],
                "date_precision": r[2],
                "time_of_day": r[3],
                "kind": r[4],
                "setting": r[5],
                "location": {"city": r[6], "country_code": r[7], "venue": r[8]},
                "occasion": r[9],
                "initiated_by": r[10],
                "participants": people[r[0]],
                "summary": r[11],
                "synthetic": bool(r[12]),
            }
            for r in rows
        ]
        return orjson.dumps({"data": data, "next_cursor": None, "total": None})

    async def meetings(request: Request) -> Response:
        kind = request.query_params.get("kind", "meeting")
        limit = int(request.query_params.get("limit", "20"))
        from starlette.concurrency import run_in_threadpool

        body = await run_in_threadpool(page, kind, limit)
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route("/api/v1/meetings", meetings)])
