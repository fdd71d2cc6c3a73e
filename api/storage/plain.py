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
from collections.abc import Callable, Sequence
from typing import Any, cast

import sqlalchemy as sa

from api.results import MeetingRow

__all__ = ["date_reader", "driver_rows", "meeting_rows"]


def driver_rows(
    connection: sa.Connection, statement: sa.Executable, params: dict[str, Any]
) -> Sequence[Any]:
    """The rows of `statement` as the driver returns them (tuples, read by position),
    without SQLAlchemy's per-row processing: dates stay as the driver gives them (see
    `date_reader`). The statement still runs through the connection (its events see it)."""
    result = connection.execute(statement, params)
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
    result = connection.exec_driver_sql(text, parameters)
    try:
        rows: Sequence[Any] = result.cursor.fetchall()
    finally:
        result.close()
    return rows


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
    """Plain meetings for `rows` (`api.storage.rows.MEETING_COLUMNS`), briefs unless
    `full`. `queries` are the child statements of `api.storage.meetings` (participants,
    topics, and with `full` sources and notes), each taking the batch's ids as `:ids`."""
    if not rows:
        return []
    found: dict[str, dict[str, Any]] = {}
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
    ) in rows:
        item: dict[str, Any] = {
            "id": meeting_id,
            "date": date,
            "date_precision": precision,
            "time_of_day": time_of_day,
            "kind": kind,
            "setting": setting,
            "location": {"city": city, "country_code": country, "venue": venue},
            "occasion": occasion,
            "initiated_by": initiated_by,
            "participants": [],
            "topics": [],
        }
        if full:
            item["statements"] = []
            item["outcomes"] = []
        item["summary"] = summary
        if full:
            item["sources"] = []
        item["synthetic"] = bool(synthetic)
        found[meeting_id] = item
    ids = list(found)
    participants, topics, *rest = queries
    people = {meeting_id: item["participants"] for meeting_id, item in found.items()}
    for meeting_id, person_id, name, country, title, role, capacity in _rows_for_ids(
        connection, participants, ids
    ):
        people[meeting_id].append(
            {
                "person": {"id": person_id, "name": name},
                "country_code": country,
                "title": title,
                "role": role,
                "capacity": capacity,
            }
        )
    labels = {meeting_id: item["topics"] for meeting_id, item in found.items()}
    for meeting_id, topic_id in _rows_for_ids(connection, topics, ids):
        labels[meeting_id].append(topic_id)
    if full:
        sources, notes = rest
        _full(connection, found, ids, sources, notes)
    return cast(list[MeetingRow], list(found.values()))


def _full(
    connection: sa.Connection,
    found: dict[str, dict[str, Any]],
    ids: list[str],
    sources: sa.Executable,
    notes: sa.Executable,
) -> None:
    """Sources, statements and outcomes of `found`, in two statements."""
    read_date = date_reader(connection)
    for (
        meeting_id,
        source_id,
        publisher,
        headline,
        url,
        published,
        language,
        document,
    ) in _rows_for_ids(connection, sources, ids):
        found[meeting_id]["sources"].append(
            {
                "id": source_id,
                "publisher": publisher,
                "headline": headline,
                "url": url,
                "published": read_date(published),
                "language": language,
                "document": document,
            }
        )
    for (
        meeting_id,
        _,
        note,
        text,
        speaker_id,
        speaker_name,
        source_id,
        kind,
        name,
        date,
    ) in _rows_for_ids(connection, notes, ids):
        if note == "statement":
            found[meeting_id]["statements"].append(
                {
                    "speaker": {"id": speaker_id, "name": speaker_name},
                    "text": text,
                    "source": source_id,
                }
            )
        else:
            found[meeting_id]["outcomes"].append(
                {"kind": kind, "text": text, "name": name, "date": read_date(date)}
            )
