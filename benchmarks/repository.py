"""A page of 100 meetings through the repository vs the raw driver (target ≤ 1.5×).

Both read the same rows: the page of phone calls, then its participants (with names),
topics, sources and statements/outcomes by `IN`; the raw floor uses sqlite3 or psycopg
directly and builds plain dicts, the repository builds domain models.
"""

from __future__ import annotations

import gc
import sqlite3
import sys
from typing import Any

import sqlalchemy as sa

from api.filters import MeetingFilter, PageRequest
from api.storage.engine import create_engine
from api.storage.repository import Repository
from benchmarks.common import Row, median_seconds, prepare_database, print_table, scale

TARGET = 1.5
_PAGE = """SELECT * FROM meetings WHERE kind = 'phone_call'
           ORDER BY date DESC, id DESC LIMIT 101"""
_CHILDREN = [
    "SELECT p.*, people.name FROM participants p JOIN people ON people.id = p.person_id "
    "WHERE p.meeting_id IN ({ids}) ORDER BY p.meeting_id, p.seq",
    "SELECT meeting_id, topic_id FROM meeting_topics WHERE meeting_id IN ({ids}) "
    "ORDER BY meeting_id, seq",
    "SELECT * FROM sources WHERE meeting_id IN ({ids}) ORDER BY meeting_id, seq",
    "SELECT * FROM statements WHERE meeting_id IN ({ids}) ORDER BY meeting_id, seq",
    "SELECT * FROM outcomes WHERE meeting_id IN ({ids}) ORDER BY meeting_id, seq",
]


def _raw_sqlite(path: str) -> Any:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row

    def page() -> list[dict[str, Any]]:
        meetings = [dict(r) for r in connection.execute(_PAGE).fetchall()[:100]]
        ids = [m["id"] for m in meetings]
        marks = ",".join("?" * len(ids))
        children = [
            [dict(r) for r in connection.execute(sql.format(ids=marks), ids)] for sql in _CHILDREN
        ]
        by_id = {m["id"]: m for m in meetings}
        for name, rows in zip(
            ("participants", "topics", "sources", "statements", "outcomes"), children, strict=True
        ):
            for row in rows:
                by_id[row["meeting_id"]].setdefault(name, []).append(row)
        return meetings

    return page


def main(quick: bool = False, url: str | None = None, meetings: int | None = None) -> list[Row]:
    """Time one page both ways; return the table rows."""
    size = scale(quick)
    url = prepare_database(meetings or size.meetings, url)
    engine = create_engine(url)
    gc.freeze()  # as the server does after start-up (api/app.py)
    repository = Repository(engine)
    selection = MeetingFilter(kind=["phone_call"], synthetic="any")
    ours = median_seconds(
        lambda: repository.list_meetings(selection, PageRequest(limit=100)), size.repeat
    )
    if url.startswith("sqlite"):
        floor = median_seconds(_raw_sqlite(sa.make_url(url).database or ""), size.repeat)
        floor_name = "sqlite3"
    else:
        floor = median_seconds(_raw_postgres(url), size.repeat)
        floor_name = "psycopg"
    engine.dispose()
    ratio = ours / floor
    return [
        Row(
            "repository",
            "page of 100 with children",
            ours * 1000,
            "ms",
            floor_name,
            floor * 1000,
            f"<= {TARGET}x",
            ratio <= TARGET,
            ""
            if ratio <= TARGET
            else "building ~1,700 Pydantic objects a page dominates (README, Performance)",
        ),
    ]


def _raw_postgres(url: str) -> Any:
    import psycopg
    from psycopg.rows import dict_row

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    connection = psycopg.connect(dsn, row_factory=dict_row, autocommit=True)

    def page() -> list[dict[str, Any]]:
        meetings = connection.execute(_PAGE).fetchall()[:100]
        ids = [m["id"] for m in meetings]
        by_id = {m["id"]: m for m in meetings}
        for name, sql in zip(
            ("participants", "topics", "sources", "statements", "outcomes"), _CHILDREN, strict=True
        ):
            for row in connection.execute(
                sql.format(ids="%s").replace("IN (%s)", "= ANY(%s)"), [ids]
            ):
                by_id[row["meeting_id"]].setdefault(name, []).append(row)
        return meetings

    return page


if __name__ == "__main__":
    print_table(main(quick="--quick" in sys.argv[1:]))
