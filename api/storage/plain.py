"""Meetings as plain rows: dicts shaped like the models' JSON, for faces that only
serialise them (REST listings, the json/ndjson/csv exports, the web page's list), and
the one reader of a meeting's columns and children: models are built from its full rows
(`api.storage.rows.meeting_from_row`).

One reader serves both projections: a brief (`api.results.MeetingBrief`: no statements,
outcomes or sources; two child statements) and a full meeting (`api.models.Meeting`:
four child statements). Rows are read by position, children in one statement per table
for the whole batch, and no model is built: the keys, their order and the values are
those of `Model.model_dump()` (enums as their values, dates as `datetime.date`), so
orjson writes the same bytes Pydantic would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

import sqlalchemy as sa

from api.results import MeetingRow

__all__ = [
    "date_reader",
    "driver_rows",
    "group_by_meeting",
    "meeting_row",
    "meeting_rows",
]

_BY_MEETING = itemgetter(0)


def driver_rows(
    connection: sa.Connection, statement: sa.Executable, params: dict[str, Any]
) -> Sequence[Any]:
    """The rows of `statement` as the driver returns them (tuples, read by position),
    without SQLAlchemy's per-row processing: dates stay as the driver gives them (see
    `date_reader`). The statement still runs through the connection (its events see it)."""
    return _fetch_all(connection.execute(statement, params))


def _fetch_all(result: sa.CursorResult[Any]) -> Sequence[Any]:
    """The driver's rows of `result`, which is closed after."""
    try:
        rows: Sequence[Any] = result.cursor.fetchall()
    finally:
        result.close()
    return rows


def _rows_for_ids(
    connection: sa.Connection, statement: sa.Executable, ids: list[str]
) -> Sequence[Any]:
    """`driver_rows` of a child statement for the batch `ids` (its `:ids` parameter).

    SQLAlchemy renders an expanding `IN` afresh on every execution, one placeholder per
    id; on a driver with positional placeholders (SQLite's `?`) the rendered text for a
    batch size is kept instead (`_expanded`) and run as it is, through the connection
    (so its events still see it)."""
    dialect = connection.dialect
    expanded = _expanded(dialect, statement, len(ids)) if dialect.positional else None
    if expanded is None:
        return driver_rows(connection, statement, {"ids": ids})
    text, order = expanded
    parameters = tuple(ids[at] if isinstance(at, int) else at[0] for at in order)
    return _fetch_all(connection.exec_driver_sql(text, parameters))


_Order = list[int | tuple[Any]]  # per placeholder: an index into the ids, or (a constant,)
_EXPANDED: dict[tuple[int, int, int], tuple[object, tuple[str, _Order] | None]] = {}
_MAX_EXPANDED = 2_048  # batch sizes × statements × dialects: a bound, not a tuning
_MARK = "\x00readouts-id-"


def _expanded(
    dialect: sa.Dialect, statement: sa.Executable, size: int
) -> tuple[str, _Order] | None:
    """The SQL of `statement` with `:ids` expanded to `size` positional placeholders, and
    what each placeholder takes; None when a constant needs the driver's type processing."""
    key = (id(dialect), id(statement), size)
    found = _EXPANDED.get(key)
    if found is not None:
        return found[1]
    marks = [f"{_MARK}{at}" for at in range(size)]
    state = cast(Any, statement).compile(dialect=dialect).construct_expanded_state({"ids": marks})
    order: _Order = []
    plain = True
    for name in state.positiontup:
        value = state.parameters[name]
        if isinstance(value, str) and value.startswith(_MARK):
            order.append(int(value.removeprefix(_MARK)))
        elif value is None or isinstance(value, str | int):  # no bind processing needed
            order.append((value,))
        else:
            plain = False
    expanded = (str(state.statement), order) if plain else None
    if len(_EXPANDED) < _MAX_EXPANDED:  # the objects kept alive with their ids
        _EXPANDED[key] = ((dialect, statement), expanded)
    return expanded


def date_reader(connection: sa.Connection) -> Callable[[Any], dt.date | None]:
    """What turns a date column of `driver_rows` into a `datetime.date`: SQLite keeps
    dates as ISO 8601 text, PostgreSQL's driver returns dates already."""
    if connection.dialect.name == "sqlite":
        return _from_text
    return _same


def _from_text(value: str | None) -> dt.date | None:
    return None if value is None else _fromisoformat(value)


def _same(value: dt.date | None) -> dt.date | None:
    return value


_fromisoformat = dt.date.fromisoformat


def meeting_rows(
    connection: sa.Connection,
    rows: Sequence[Any],
    full: bool,
    queries: Sequence[sa.Executable],
) -> list[MeetingRow]:
    """Plain meetings for `rows` (`api.storage.rows.MEETING_COLUMNS`, dates as dates),
    briefs unless `full`. `queries` are child statements (`api.storage.children`:
    participants and topics, and with `full` sources and notes), each taking the batch's
    ids as `:ids`."""
    if not rows:
        return []
    ids = [row[0] for row in rows]
    groups = [group_by_meeting(_rows_for_ids(connection, query, ids)) for query in queries]
    read_date = date_reader(connection)
    empty: list[Any] = []
    return [
        meeting_row(row, [group.get(row[0], empty) for group in groups], read_date, _same)
        for row in rows
    ]


def group_by_meeting(rows: Iterable[Any]) -> dict[str, list[Any]]:
    """Child rows (ordered by meeting, `meeting_id` first) as lists by meeting id."""
    return {meeting_id: list(group) for meeting_id, group in groupby(rows, _BY_MEETING)}


def meeting_row(
    meeting: Sequence[Any],
    children: Sequence[Sequence[Any]],
    read_date: Callable[[Any], dt.date | None],
    meeting_date: Callable[[Any], dt.date | None],
) -> MeetingRow:
    """One plain meeting from its row (`MEETING_COLUMNS`) and its child rows by position
    (`api.storage.children`): participants and topics for a brief, with sources and notes
    for a full meeting. `read_date` reads the children's dates, `meeting_date` the
    meeting's (`date_reader`, or as they are when already dates)."""
    (
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
    ) = meeting
    participants, topics, *full = children
    item: dict[str, Any] = {
        "id": meeting_id,
        "date": meeting_date(date),
        "date_precision": precision,
        "time_of_day": time_of_day,
        "kind": kind,
        "setting": setting,
        "location": {"city": city, "country_code": country, "venue": venue},
        "occasion": occasion,
        "initiated_by": initiated_by,
        "participants": [
            {
                "person": {"id": person_id, "name": name},
                "country_code": represented,
                "title": title,
                "role": role,
                "capacity": capacity,
            }
            for _, person_id, name, represented, title, role, capacity in participants
        ],
        "topics": [topic_id for _, topic_id in topics],
    }
    if full:
        sources, notes = full
        statements: list[dict[str, Any]] = []
        outcomes: list[dict[str, Any]] = []
        for _, _, note, text, speaker_id, speaker_name, source_id, code, name, day in notes:
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
        item["statements"] = statements
        item["outcomes"] = outcomes
        item["summary"] = summary
        item["sources"] = [
            {
                "id": source_id,
                "publisher": publisher,
                "headline": headline,
                "url": url,
                "published": read_date(published),
                "language": language,
                "document": document,
            }
            for _, source_id, publisher, headline, url, published, language, document in sources
        ]
    else:
        item["summary"] = summary
    item["synthetic"] = bool(synthetic)
    return cast(MeetingRow, item)
