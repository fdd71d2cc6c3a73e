"""The rows a meeting contributes to each flat table of `exporters.tables`, cell by
cell in the columns' order: the one table builder every exporter writes from.

It reads plain rows (`api.results.MeetingRow`, what exporters with `reads = "rows"` are
given); a `Meeting` model is read through its `model_dump()`, the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from api.models import Meeting
from api.results import MeetingRow
from exporters.tables import SEPARATOR, Labels, Row, TableName, code_label

__all__ = ["meeting_rows", "table_rows"]


def meeting_rows(
    meeting: Meeting | MeetingRow, labels: Labels | None = None
) -> dict[TableName, list[Row]]:
    """The rows `meeting` contributes to each table, in the columns' order.

    With `labels`, the rows of the labelled tables (`tables(labelled=True)`)."""
    row = _row(meeting)
    return {name: build(row, labels) for name, build in _BUILDERS.items()}


def table_rows(
    meeting: Meeting | MeetingRow, name: TableName, labels: Labels | None = None
) -> list[Row]:
    """The rows `meeting` contributes to the table called `name` (only that one is built)."""
    return _BUILDERS[name](_row(meeting), labels)


def _row(meeting: Meeting | MeetingRow) -> MeetingRow:
    if isinstance(meeting, dict):
        return meeting
    return cast(MeetingRow, meeting.model_dump())


def _meeting(meeting: MeetingRow, labels: Labels | None) -> list[Row]:
    place = meeting["location"]
    principals: list[str] = []
    attendees: list[str] = []
    countries: dict[str, None] = {}
    for p in meeting["participants"]:
        person, country = p["person"], p["country_code"]
        named = f"{person['name'] or person['id']} ({country})"
        if p["role"] == "principal":
            principals.append(named)
            countries[country] = None
        else:
            attendees.append(named)
    kind, setting, topics = meeting["kind"], meeting["setting"], meeting["topics"]
    if labels is None:
        codes: Row = (kind, setting)
        topic_cells: Row = (SEPARATOR.join(topics),)
    else:
        codes = (kind, code_label(kind), setting, code_label(setting))
        topic_labels = SEPARATOR.join(labels.topic(topic) for topic in topics)
        topic_cells = (SEPARATOR.join(topics), topic_labels)
    return [
        (
            meeting["id"],
            meeting["date"],
            meeting["date_precision"],
            meeting["time_of_day"],
            *codes,
            place["city"],
            place["country_code"],
            place["venue"],
            meeting["occasion"],
            meeting["initiated_by"],
            SEPARATOR.join(principals),
            SEPARATOR.join(attendees) or None,
            SEPARATOR.join(countries),
            *topic_cells,
            meeting["summary"],
            len(meeting["sources"]),
            meeting["synthetic"],
        )
    ]


def _participants(meeting: MeetingRow, labels: Labels | None) -> list[Row]:
    meeting_id = meeting["id"]
    return [
        (
            meeting_id,
            n,
            p["person"]["id"],
            p["person"]["name"],
            p["country_code"],
            p["title"],
            p["role"],
            p["capacity"],
        )
        for n, p in enumerate(meeting["participants"], 1)
    ]


def _statements(meeting: MeetingRow, labels: Labels | None) -> list[Row]:
    meeting_id = meeting["id"]
    return [
        (meeting_id, n, s["speaker"]["id"], s["speaker"]["name"], s["text"], s["source"])
        for n, s in enumerate(meeting["statements"], 1)
    ]


def _outcomes(meeting: MeetingRow, labels: Labels | None) -> list[Row]:
    meeting_id = meeting["id"]
    return [
        (meeting_id, n, o["kind"], o["text"], o["name"], o["date"])
        for n, o in enumerate(meeting["outcomes"], 1)
    ]


def _sources(meeting: MeetingRow, labels: Labels | None) -> list[Row]:
    meeting_id = meeting["id"]
    return [
        (
            s["id"],
            meeting_id,
            n,
            s["publisher"],
            s["headline"],
            s["url"],
            s["published"],
            s["language"],
            s["document"],
        )
        for n, s in enumerate(meeting["sources"], 1)
    ]


def _topics(meeting: MeetingRow, labels: Labels | None) -> list[Row]:
    meeting_id = meeting["id"]
    if labels is None:
        return [(meeting_id, n, topic) for n, topic in enumerate(meeting["topics"], 1)]
    return [
        (meeting_id, n, topic, labels.topic(topic)) for n, topic in enumerate(meeting["topics"], 1)
    ]


_BUILDERS: dict[TableName, Callable[[MeetingRow, Labels | None], list[Row]]] = {
    "meetings": _meeting,
    "participants": _participants,
    "statements": _statements,
    "outcomes": _outcomes,
    "sources": _sources,
    "topics": _topics,
}
