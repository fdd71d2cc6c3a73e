"""The rows a meeting contributes to each flat table of `exporters.tables`, cell by
cell in the columns' order, built from a `Meeting` model.

`exporters.row_tables` builds the same cells from plain rows (`MeetingRow`); both fill
one layout of the meetings table, `meeting_row`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from api.models import Meeting, Participant, Role
from exporters.tables import SEPARATOR, Labels, Row, TableName, code_label

__all__ = ["meeting_row", "meeting_rows", "table_rows"]


def meeting_rows(meeting: Meeting, labels: Labels | None = None) -> dict[TableName, list[Row]]:
    """The rows `meeting` contributes to each table, in the columns' order.

    With `labels`, the rows of the labelled tables (`tables(labelled=True)`)."""
    return {name: build(meeting, labels) for name, build in _BUILDERS.items()}


def table_rows(meeting: Meeting, name: TableName, labels: Labels | None = None) -> list[Row]:
    """The rows `meeting` contributes to the table called `name` (only that one is built)."""
    return _BUILDERS[name](meeting, labels)


def _people(participants: Iterable[Participant]) -> str:
    return SEPARATOR.join(
        f"{p.person.name or p.person.id} ({p.country_code})" for p in participants
    )


def _meeting(meeting: Meeting, labels: Labels | None) -> list[Row]:
    place = meeting.location
    principals = meeting.principals
    kind, setting = meeting.kind.value, meeting.setting.value
    head: Row = (
        meeting.id,
        meeting.date,
        meeting.date_precision.value,
        meeting.time_of_day.value if meeting.time_of_day else None,
    )
    place_to_people: Row = (
        place.city,
        place.country_code,
        place.venue,
        meeting.occasion,
        meeting.initiated_by,
        _people(principals),
        _people(p for p in meeting.participants if p.role is Role.ATTENDEE) or None,
        SEPARATOR.join(dict.fromkeys(p.country_code for p in principals)),
    )
    tail: Row = (meeting.summary, len(meeting.sources), meeting.synthetic)
    return [meeting_row(head, kind, setting, place_to_people, meeting.topics, tail, labels)]


def meeting_row(
    head: Row,
    kind: str,
    setting: str,
    place_to_people: Row,
    topics: Sequence[str],
    tail: Row,
    labels: Labels | None,
) -> Row:
    """One row of the meetings table from its parts, with the label columns when `labels`
    is given: the one layout both readers (models and plain rows) fill."""
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


def _participants(meeting: Meeting, labels: Labels | None) -> list[Row]:
    return [
        (
            meeting.id,
            n,
            p.person.id,
            p.person.name,
            p.country_code,
            p.title,
            p.role.value,
            p.capacity,
        )
        for n, p in enumerate(meeting.participants, 1)
    ]


def _statements(meeting: Meeting, labels: Labels | None) -> list[Row]:
    return [
        (meeting.id, n, s.speaker.id, s.speaker.name, s.text, s.source)
        for n, s in enumerate(meeting.statements, 1)
    ]


def _outcomes(meeting: Meeting, labels: Labels | None) -> list[Row]:
    return [
        (meeting.id, n, o.kind.value, o.text, o.name, o.date)
        for n, o in enumerate(meeting.outcomes, 1)
    ]


def _sources(meeting: Meeting, labels: Labels | None) -> list[Row]:
    return [
        (s.id, meeting.id, n, s.publisher, s.headline, s.url, s.published, s.language, s.document)
        for n, s in enumerate(meeting.sources, 1)
    ]


def _topics(meeting: Meeting, labels: Labels | None) -> list[Row]:
    if labels is None:
        return [(meeting.id, n, topic) for n, topic in enumerate(meeting.topics, 1)]
    return [
        (meeting.id, n, topic, labels.topic(topic)) for n, topic in enumerate(meeting.topics, 1)
    ]


_BUILDERS: dict[TableName, Callable[[Meeting, Labels | None], list[Row]]] = {
    "meetings": _meeting,
    "participants": _participants,
    "statements": _statements,
    "outcomes": _outcomes,
    "sources": _sources,
    "topics": _topics,
}
