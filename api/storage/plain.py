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
    ids = {"ids": list(found)}
    participants, topics, *rest = queries
    for meeting_id, person_id, name, country, title, role, capacity in driver_rows(
        connection, participants, ids
    ):
        found[meeting_id]["participants"].append(
            {
                "person": {"id": person_id, "name": name},
                "country_code": country,
                "title": title,
                "role": role,
                "capacity": capacity,
            }
        )
    for meeting_id, topic_id in driver_rows(connection, topics, ids):
        found[meeting_id]["topics"].append(topic_id)
    if full:
        sources, notes = rest
        _full(connection, found, ids, sources, notes)
    return cast(list[MeetingRow], list(found.values()))


def _full(
    connection: sa.Connection,
    found: dict[str, dict[str, Any]],
    ids: dict[str, list[str]],
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
    ) in driver_rows(connection, sources, ids):
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
    ) in driver_rows(connection, notes, ids):
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
