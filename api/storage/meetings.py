"""Reading meetings: a page by filter and keyset, briefs, meetings by id, exports, counts.

The one read path every face shares: meeting rows are read by position in one statement,
their children in one statement per table for the whole batch (`api.storage.children`,
`IN` over the batch's ids; an export's batches by key range, `api.storage.export_rows`),
rows are built by `api.storage.plain` and models from them by `api.storage.rows` without
re-validation. A page of full meetings is five statements (six with the total); a page
of briefs is three (four).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.errors import Gone, NotFound
from api.filters import Cursor, MeetingFilter, MeetingOrder, PageRequest
from api.models import Meeting
from api.names import name_key
from api.results import BriefPage, MeetingPage, MeetingRow
from api.storage import tables as t
from api.storage.children import child_statements
from api.storage.curating import gone, retraction_of
from api.storage.export_rows import iter_export_rows
from api.storage.plain import meeting_rows
from api.storage.rows import MEETING_COLUMNS, meeting_from_row
from api.storage.selection import (
    SELECTIVE,
    filter_conditions,
    keyset_condition,
    order_by,
    people_matching,
)

__all__ = [
    "MeetingReads",
    "brief_page",
    "conditions",
    "count",
    "fetch_meetings",
    "meeting_page",
    "missing_meeting",
]


class MeetingReads:
    """The meeting queries of `api.storage.repository.Repository`."""

    engine: Engine

    def list_meetings(self, selection: MeetingFilter, page: PageRequest) -> MeetingPage:
        """One page of the meetings `selection` picks, in `page.order`."""
        with self.engine.connect() as connection:
            return meeting_page(
                connection, selection, page.order, page.limit, page.cursor(), page.with_total
            )

    def list_briefs(
        self, selection: MeetingFilter, page: PageRequest, full: bool = False
    ) -> BriefPage:
        """Like `list_meetings`, but plain rows (`api.results.MeetingRow`), no models built:
        briefs (the meeting, its participants and topics: three statements, four with the
        total), or with `full` whole meetings (five statements, six)."""
        with self.engine.connect() as connection:
            return brief_page(connection, selection, page, full)

    def iter_meetings(
        self,
        selection: MeetingFilter,
        order: MeetingOrder = MeetingOrder.DATE_DESC,
        batch_size: int = 1_000,
    ) -> Iterator[Meeting]:
        """Every meeting of `selection`, fetched in batches (bounded memory), for exports:
        the full rows of `api.storage.export_rows`, as models."""
        rows = iter_export_rows(self.engine, selection, conditions, order, batch_size)
        return (meeting_from_row(row) for row in rows)

    def iter_for_export(self, reads: Literal["models", "rows"], selection: MeetingFilter) -> Any:
        """The meetings of `selection` as an exporter reads them (`exporters.base.Exporter.
        reads`): `iter_meetings` for "models", `api.storage.export_rows` for "rows"."""
        if reads == "rows":
            return iter_export_rows(self.engine, selection, conditions)
        return self.iter_meetings(selection)

    def count_meetings(self, selection: MeetingFilter) -> int:
        """How many meetings `selection` picks."""
        with self.engine.connect() as connection:
            return count(connection, conditions(connection, selection)[0])

    def get_meetings(self, ids: Sequence[str]) -> list[Meeting | None]:
        """The meetings with `ids`, in the same order; None where an id is unknown."""
        with self.engine.connect() as connection:
            found = {meeting.id: meeting for meeting in fetch_meetings(connection, ids, True)}
        return [found.get(meeting_id) for meeting_id in ids]

    def get_meeting(self, meeting_id: str) -> Meeting:
        """The meeting with `meeting_id`; `NotFound` when there is none, `Gone` (with the
        reason) when it was retracted."""
        meeting = self.get_meetings([meeting_id])[0]
        if meeting is None:
            raise missing_meeting(self.engine, meeting_id)
        return meeting


def missing_meeting(engine: Engine, meeting_id: str) -> NotFound | Gone:
    """The error for a meeting id no listing has: `Gone` naming the reason it was
    retracted, or `NotFound`."""
    with engine.connect() as connection:
        retraction = retraction_of(connection, meeting_id)
    if retraction is None:
        return NotFound(f"no meeting with id {meeting_id!r}")
    return gone(meeting_id, retraction)


def meeting_page(
    connection: sa.Connection,
    selection: MeetingFilter,
    order: MeetingOrder,
    limit: int,
    cursor: Cursor | None,
    with_total: bool = False,
) -> MeetingPage:
    """One page of `selection`'s meetings as models, after `cursor` in `order`."""
    where, rows = _page_rows(connection, selection, order, limit, cursor)
    items = _hydrate(connection, rows[:limit])
    total = count(connection, where) if with_total else None
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = Cursor(order=order, date=last.date, id=last.id).encode()
    return MeetingPage.model_construct(items=items, next_cursor=next_cursor, total=total)


def brief_page(
    connection: sa.Connection, selection: MeetingFilter, page: PageRequest, full: bool = False
) -> BriefPage:
    """Like `meeting_page`, but plain rows: briefs (three statements, four with the
    total), or with `full` whole meetings (five, six)."""
    where, rows = _page_rows(connection, selection, page.order, page.limit, page.cursor())
    items = meeting_rows(connection, rows[: page.limit], full, _FULL if full else _BRIEF)
    total = count(connection, where) if page.with_total else None
    next_cursor = None
    if len(rows) > page.limit:
        last = items[-1]
        next_cursor = Cursor(order=page.order, date=last["date"], id=last["id"]).encode()
    return BriefPage(items=items, next_cursor=next_cursor, total=total)


def _page_rows(
    connection: sa.Connection,
    selection: MeetingFilter,
    order: MeetingOrder,
    limit: int,
    cursor: Cursor | None,
) -> tuple[list[sa.ColumnElement[bool]], Sequence[Any]]:
    """The selection's conditions and up to `limit + 1` meeting rows (`MEETING_COLUMNS`)."""
    where, selective = conditions(connection, selection)
    query = sa.select(*_COLUMNS).where(*where).order_by(*order_by(order, selective=selective))
    if cursor is not None:
        query = query.where(keyset_condition(cursor))
    return where, connection.execute(query.limit(limit + 1)).all()


def conditions(
    connection: sa.Connection, selection: MeetingFilter
) -> tuple[list[sa.ColumnElement[bool]], bool]:
    """The selection's conditions, and whether they pick few enough rows to sort them.

    Person names are resolved to ids first (one statement, only when the selection names
    people), so that the planner sees how selective they are.
    """
    if not selection.person:
        return filter_conditions(selection), False
    terms = {term: {term, name_key(term)} for term in selection.person}
    found: dict[str, set[str]] = {term: set() for term in selection.person}
    counts: dict[str, int] = {}
    for row in connection.execute(people_matching(list(selection.person))):
        counts[row[1]] = row[2]
        for term, forms in terms.items():
            if row[0] in forms:
                found[term].add(row[1])
    fewest = min(sum(counts[i] for i in ids) for ids in found.values())
    people_ids = [sorted(found[term]) for term in selection.person]
    return filter_conditions(selection, people_ids), fewest < SELECTIVE


def count(connection: sa.Connection, where: list[sa.ColumnElement[bool]]) -> int:
    """How many meetings meet `where`."""
    query = sa.select(sa.func.count()).select_from(t.meetings).where(*where)
    return connection.execute(query).scalar_one()


def fetch_meetings(
    connection: sa.Connection, ids: Sequence[str], live: bool = False
) -> list[Meeting]:
    """The meetings with `ids` that exist (with `live`, only those not retracted), in
    five statements."""
    query = sa.select(*_COLUMNS).where(t.meetings.c.id.in_(list(ids)))
    if live:
        query = query.where(t.meetings.c.retracted_at.is_(None))
    return _hydrate(connection, connection.execute(query).all())


def _hydrate(connection: sa.Connection, rows: Sequence[Any]) -> list[Meeting]:
    """Meetings for `rows` (`MEETING_COLUMNS`), loading their children in four statements."""
    return [meeting_from_row(item) for item in _full_rows(connection, rows)]


def _full_rows(connection: sa.Connection, rows: Sequence[Any]) -> list[MeetingRow]:
    return meeting_rows(connection, rows, True, _FULL)


_IDS: sa.BindParameter[list[str]] = sa.bindparam("ids", expanding=True)


def _of_batch(query: sa.Select[Any], meeting_id: sa.ColumnElement[Any]) -> sa.Select[Any]:
    return query.where(meeting_id.in_(_IDS))


# The queries of a page, built once (`:ids` is the page's meeting ids); every one is read
# by position, in the column order `api.storage.plain.meeting_row` unpacks.
_COLUMNS = [t.meetings.c[name] for name in MEETING_COLUMNS]
_FULL = child_statements(_of_batch)
_BRIEF = _FULL[:2]
