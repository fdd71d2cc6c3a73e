"""Keyset pagination stays flat: a deep page by cursor vs the first page (target ≤ 1.5×).

The deep page is reached the way a client reaches it, by a cursor; the cursor of the
row before page N is built from that row's key (the same opaque form `next_cursor` has).
"""

from __future__ import annotations

import gc
import sys

import sqlalchemy as sa

from api.filters import Cursor, MeetingFilter, MeetingOrder, PageRequest
from api.storage.engine import create_engine
from api.storage.repository import Repository
from api.storage.tables import meetings as meeting_rows
from benchmarks.common import Row, median_seconds, prepare_database, print_table, scale

TARGET = 1.5
PAGE_SIZE = 20


def main(quick: bool = False, url: str | None = None, meetings: int | None = None) -> list[Row]:
    """First page vs page N (N = 5,000, or the deepest page there is) of 20 meetings."""
    size = scale(quick)
    count = meetings or size.meetings
    url = prepare_database(count, url)
    engine = create_engine(url)
    gc.freeze()  # as the server does after start-up (api/app.py)
    repository = Repository(engine)
    page_number = min(5_000, count // PAGE_SIZE)
    with engine.connect() as connection:
        date, meeting_id = connection.execute(
            sa.select(meeting_rows.c.date, meeting_rows.c.id)
            .order_by(meeting_rows.c.date.desc(), meeting_rows.c.id.desc())
            .offset((page_number - 1) * PAGE_SIZE - 1)
            .limit(1)
        ).one()
    cursor = Cursor(order=MeetingOrder.DATE_DESC, date=date, id=meeting_id).encode()
    repeat = size.repeat * 2
    first = median_seconds(
        lambda: repository.list_meetings(
            MeetingFilter(synthetic="any"), PageRequest(limit=PAGE_SIZE)
        ),
        repeat,
    )
    deep = median_seconds(
        lambda: repository.list_meetings(
            MeetingFilter(synthetic="any"), PageRequest(limit=PAGE_SIZE, after=cursor)
        ),
        repeat,
    )
    engine.dispose()
    ratio = deep / first
    return [
        Row(
            "pagination",
            f"page {page_number:,} by cursor",
            deep * 1000,
            "ms",
            "page 1",
            first * 1000,
            f"<= {TARGET}x",
            ratio <= TARGET,
        ),
    ]


if __name__ == "__main__":
    print_table(main(quick="--quick" in sys.argv[1:]))
