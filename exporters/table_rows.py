"""The rows a meeting contributes to each flat table of `exporters.tables`, cell by
cell in the columns' order: the one table builder every exporter writes from.

It reads plain rows (`api.results.MeetingRow`, what exporters with `reads = "rows"` are
given); a `Meeting` model is read through its `model_dump()`, the same data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

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
    return [_meeting_row(head, kind, setting, place_to_people, meeting["topics"], tail, labels)]


def _meeting_row(
    head: Row,
    kind: str,
    setting: str,
    place_to_people: Row,
    topics: Sequence[str],
    tail: Row,
    labels: Labels | None,
) -> Row:
    """One row of the meetings table from its parts, with the label columns when `labels`
    is given."""
    joined = SEPARATOR.join(topics)
    if labels is None:
        return (*head, kind, setting, *place_to_people, joined, *tail)
    topic_labels = SEPARATOR.join(labels.topic(topic) for topic in topics)
    return (
        *head,
        kind,
        code_label(kind),
        setting,
        code_label(setting),
        *place_to_people,
        joined,
        topic_labels,
        *tail,
    )


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
