"""Every meeting of a selection as full plain rows (`api.results.MeetingRow`), for
exports: the read path of `exporters.base.Exporter.reads = "rows"`.

The rows are those of `api.storage.plain.meeting_row` (the keys, order and values of
`Meeting.model_dump()`), read for a whole export rather than a page:

- in batches, each on its own connection, closed before the batch is handed on (no
  transaction stays open while a caller writes or a slow client reads);
- a batch is one statement for its meetings and one per child table (participants,
  topics, sources, and statements with outcomes): five, as a page of full meetings;
- the children of a batch are found by the batch's key range joined to the meetings the
  filter picks, not by an `IN` list of its ids, so every statement of an export is
  compiled once and cached, whatever the batch;
- the person terms of the filter are resolved once for the export, not per batch;
- rows are read by position from the driver, grouped by meeting, and each meeting's
  row is built only when the caller asks for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.filters import MeetingFilter, MeetingOrder
from api.results import MeetingRow
from api.storage import tables as t
from api.storage.children import Children, child_statements
from api.storage.plain import date_reader, driver_rows, group_by_meeting, meeting_row
from api.storage.rows import MEETING_COLUMNS
from api.storage.selection import order_by

__all__ = ["iter_export_rows"]

_M = t.meetings.c


Conditions = Callable[[sa.Connection, MeetingFilter], tuple[list[sa.ColumnElement[bool]], bool]]
"""What turns a filter into WHERE conditions on `meetings` and whether they are
selective: `api.storage.meetings.conditions` (passed in, as that module calls this one)."""


def iter_export_rows(
    engine: Engine,
    selection: MeetingFilter,
    conditions: Conditions,
    order: MeetingOrder = MeetingOrder.DATE_DESC,
    batch_size: int = 1_000,
) -> Iterator[MeetingRow]:
    """Every meeting of `selection` in `order`, as full plain rows, fetched `batch_size`
    meetings at a time (bounded memory, five statements a batch)."""
    with engine.connect() as connection:
        where, selective = conditions(connection, selection)
    queries = _Queries(where, order, selective, batch_size)
    after: dict[str, Any] | None = None
    while True:
        with engine.connect() as connection:
            read_date = date_reader(connection)
            rows = driver_rows(connection, queries.page(after is not None), after or {})
            batch = rows[:batch_size]
            if not batch:
                return
            first, last = batch[0], batch[-1]
            span = {
                "first_date": read_date(first[1]),
                "first_id": first[0],
                "last_date": read_date(last[1]),
                "last_id": last[0],
            }
            children = _fetch(connection, queries, span)
        yield from _build(batch, children, read_date)
        if len(rows) <= batch_size:
            return
        after = {"after_date": span["last_date"], "after_id": span["last_id"]}


class _Queries:
    """The statements of one export, built once: the next page of meeting rows after a
    key, and each child table's rows for the meetings between two keys (inclusive)."""

    def __init__(
        self,
        where: list[sa.ColumnElement[bool]],
        order: MeetingOrder,
        selective: bool,
        batch_size: int,
    ) -> None:
        key = sa.tuple_(_M.date, _M.id)
        descending = order is MeetingOrder.DATE_DESC
        after = sa.tuple_(sa.bindparam("after_date", type_=sa.Date), sa.bindparam("after_id"))
        first = sa.tuple_(sa.bindparam("first_date", type_=sa.Date), sa.bindparam("first_id"))
        last = sa.tuple_(sa.bindparam("last_date", type_=sa.Date), sa.bindparam("last_id"))
        columns = [_M[name] for name in MEETING_COLUMNS]
        page = sa.select(*columns).where(*where).order_by(*order_by(order, selective=selective))
        self._first = page.limit(batch_size + 1)
        self._next = self._first.where(key < after if descending else key > after)
        span = [*where, key <= first, key >= last] if descending else [*where, key >= first]
        if not descending:
            span.append(key <= last)
        self.children = _children(span)

    def page(self, after: bool) -> sa.Select[Any]:
        """The meeting rows of the first page, or (with `after`) of the page after a key."""
        return self._next if after else self._first


def _children(span: list[sa.ColumnElement[bool]]) -> Children:
    """The child statements of the meetings that meet `span` (`api.storage.children`)."""

    def restrict(query: sa.Select[Any], meeting_id: sa.ColumnElement[Any]) -> sa.Select[Any]:
        return query.join(t.meetings, meeting_id == _M.id).where(*span)

    return child_statements(restrict)


_Groups = dict[str, list[Any]]


def _fetch(
    connection: sa.Connection, queries: _Queries, span: dict[str, Any]
) -> tuple[_Groups, ...]:
    """The children of the batch between the keys of `span`, as the driver's rows grouped
    by meeting id: participants, topics, sources, notes (statements and outcomes)."""
    return tuple(
        group_by_meeting(driver_rows(connection, query, span)) for query in queries.children
    )


def _build(
    batch: Sequence[Any],
    children: tuple[_Groups, ...],
    read_date: Callable[[Any], dt.date | None],
) -> Iterator[MeetingRow]:
    """The full rows of the meeting rows `batch` (`MEETING_COLUMNS`), in its order, each
    built only when it is asked for (few objects live at once, so the collector has
    little to walk)."""
    empty: list[Any] = []
    for meeting in batch:
        found = [group.get(meeting[0], empty) for group in children]
        yield meeting_row(meeting, found, read_date, read_date)
