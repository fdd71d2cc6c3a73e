"""The flat tables of `exporters.tables`, built from plain rows (`MeetingRow`) instead
of models: the same cells in the same order, for the exporters that read rows.

`tests/exporters/test_row_tables.py` checks that both builders give the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from api.results import MeetingRow
from exporters.table_rows import meeting_row
from exporters.tables import SEPARATOR, Labels, Row, TableName

__all__ = ["row_table_rows"]


def row_table_rows(meeting: MeetingRow, name: TableName, labels: Labels | None = None) -> list[Row]:
    """The rows a full `MeetingRow` contributes to the table called `name`, as
    `exporters.table_rows.table_rows` gives them for the model."""
    return _BUILDERS[name](meeting, labels)


def _people(participants: Iterable[Any]) -> str:
    return SEPARATOR.join(
        f"{p['person']['name'] or p['person']['id']} ({p['country_code']})" for p in participants
    )


def _meeting(meeting: MeetingRow, labels: Labels | None) -> list[Row]:
    place = meeting["location"]
    principals = [p for p in meeting["participants"] if p["role"] == "principal"]
    attendees = [p for p in meeting["participants"] if p["role"] == "attendee"]
    kind, setting = meeting["kind"], meeting["setting"]
    head: Row = (meeting["id"], meeting["date"], meeting["date_precision"], meeting["time_of_day"])
    place_to_people: Row = (
        place["city"],
        place["country_code"],
        place["venue"],
        meeting["occasion"],
        meeting["initiated_by"],
        _people(principals),
        _people(attendees) or None,
        SEPARATOR.join(dict.fromkeys(p["country_code"] for p in principals)),
    )
    tail: Row = (meeting["summary"], len(meeting["sources"]), meeting["synthetic"])
    return [meeting_row(head, kind, setting, place_to_people, meeting["topics"], tail, labels)]


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
