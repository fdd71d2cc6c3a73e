"""Every meeting of a selection as full plain rows (`api.results.MeetingRow`), for
exports: the read path of `exporters.base.Exporter.reads = "rows"`.

The rows are those of `api.storage.plain.meeting_rows` with `full` (the keys, order and
values of `Meeting.model_dump()`), read for a whole export rather than a page:

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
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.filters import MeetingFilter, MeetingOrder
from api.results import MeetingRow
from api.storage import tables as t
from api.storage.plain import date_reader, driver_rows
from api.storage.rows import MEETING_COLUMNS
from api.storage.selection import order_by

__all__ = ["iter_export_rows"]

_BY_MEETING = itemgetter(0)
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


def _children(span: list[sa.ColumnElement[bool]]) -> tuple[sa.Executable, ...]:
    """Participants, topics, sources, and statements with outcomes, of the meetings that
    meet `span`, each by meeting id and position (`seq`)."""
    p, s, topics = t.participants.c, t.sources.c, t.meeting_topics.c
    people = t.people
    of = t.meetings
    participants = (
        sa.select(p.meeting_id, p.person_id, people.c.name, p.country_code, p.title, p.role)
        .add_columns(p.capacity)
        .select_from(of.join(t.participants, p.meeting_id == _M.id))
        .join(people, people.c.id == p.person_id)
        .where(*span)
        .order_by(p.meeting_id, p.seq)
    )
    topic_ids = (
        sa.select(topics.meeting_id, topics.topic_id)
        .select_from(of.join(t.meeting_topics, topics.meeting_id == _M.id))
        .where(*span)
        .order_by(topics.meeting_id, topics.seq)
    )
    sources = (
        sa.select(s.meeting_id, s.id, s.publisher, s.headline, s.url, s.published, s.language)
        .add_columns(s.document)
        .select_from(of.join(t.sources, s.meeting_id == _M.id))
        .where(*span)
        .order_by(s.meeting_id, s.seq)
    )
    return participants, topic_ids, sources, _notes(span)


def _notes(span: list[sa.ColumnElement[bool]]) -> sa.CompoundSelect[Any]:
    """Statements and outcomes in one statement: (meeting_id, seq, note, text,
    speaker_id, speaker_name, source_id, kind, name, date)."""
    s, o = t.statements.c, t.outcomes.c

    def null(kind: Any) -> Any:
        return sa.cast(sa.null(), kind)

    statements = (
        sa.select(
            s.meeting_id,
            s.seq,
            sa.literal("statement").label("note"),
            s.text,
            s.speaker_id,
            t.people.c.name.label("speaker_name"),
            s.source_id,
            null(sa.String).label("kind"),
            null(sa.Text).label("name"),
            null(sa.Date).label("date"),
        )
        .select_from(t.meetings.join(t.statements, s.meeting_id == _M.id))
        .join(t.people, t.people.c.id == s.speaker_id)
        .where(*span)
    )
    outcomes = (
        sa.select(
            o.meeting_id,
            o.seq,
            sa.literal("outcome").label("note"),
            o.text,
            null(sa.String),
            null(sa.Text),
            null(sa.String),
            o.kind,
            o.name,
            o.date,
        )
        .select_from(t.meetings.join(t.outcomes, o.meeting_id == _M.id))
        .where(*span)
    )
    union = sa.union_all(statements, outcomes)
    return union.order_by(union.selected_columns.meeting_id, union.selected_columns.seq)


_Groups = dict[str, list[Any]]


def _fetch(
    connection: sa.Connection, queries: _Queries, span: dict[str, Any]
) -> tuple[_Groups, ...]:
    """The children of the batch between the keys of `span`, as the driver's rows grouped
    by meeting id: participants, topics, sources, notes (statements and outcomes)."""
    return tuple(
        {meeting_id: list(group) for meeting_id, group in groupby(rows, _BY_MEETING)}
        for rows in (driver_rows(connection, query, span) for query in queries.children)
    )


def _build(
    batch: Sequence[Any],
    children: tuple[_Groups, ...],
    read_date: Callable[[Any], dt.date | None],
) -> Iterator[MeetingRow]:
    """The full rows of the meeting rows `batch` (`MEETING_COLUMNS`), in its order, each
    built only when it is asked for (few objects live at once, so the collector has
    little to walk)."""
    participants, topics, sources, notes = children
    empty: list[Any] = []
    for (
        meeting_id,
        date,
        precision,
        time_of_day,
        kind,
        setting,
        city,
        country,
        venue,
        occasion,
        initiated_by,
        summary,
        synthetic,
    ) in batch:
        statements: list[dict[str, Any]] = []
        outcomes: list[dict[str, Any]] = []
        for _, _, note, text, speaker_id, speaker_name, source_id, code, name, day in notes.get(
            meeting_id, empty
        ):
            if note == "statement":
                statements.append(
                    {
                        "speaker": {"id": speaker_id, "name": speaker_name},
                        "text": text,
                        "source": source_id,
                    }
                )
            else:
                outcomes.append({"kind": code, "text": text, "name": name, "date": read_date(day)})
        row = {
            "id": meeting_id,
            "date": read_date(date),
            "date_precision": precision,
            "time_of_day": time_of_day,
            "kind": kind,
            "setting": setting,
            "location": {"city": city, "country_code": country, "venue": venue},
            "occasion": occasion,
            "initiated_by": initiated_by,
            "participants": [
                {
                    "person": {"id": person_id, "name": person_name},
                    "country_code": represented,
                    "title": title,
                    "role": role,
                    "capacity": capacity,
                }
                for _, person_id, person_name, represented, title, role, capacity in (
                    participants.get(meeting_id, empty)
                )
            ],
            "topics": [topic_id for _, topic_id in topics.get(meeting_id, empty)],
            "statements": statements,
            "outcomes": outcomes,
            "summary": summary,
            "sources": [
                {
                    "id": source_id,
                    "publisher": publisher,
                    "headline": headline,
                    "url": url,
                    "published": read_date(published),
                    "language": language,
                    "document": document,
                }
                for _, source_id, publisher, headline, url, published, language, document in (
                    sources.get(meeting_id, empty)
                )
            ],
            "synthetic": bool(synthetic),
        }
        yield cast(MeetingRow, row)
