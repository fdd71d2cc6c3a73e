"""Meetings as flat tables: the rows of Meetings, Participants, Statements, Outcomes,
Sources and Topics.

The xlsx, csv and datapackage exporters all write these tables, so a column has the same
name, type and meaning in every format. Each table but Meetings refers to its meeting by
`meeting_id`; `position` (from 1) keeps the order of the meeting's lists.

The cells of each row are built by `exporters.table_rows`.

Codes (`kind`, `setting`, topic ids) can be read beside their labels: the labelled tables
(`tables(labelled=True)`) add `kind_label`, `setting_label` and `topic_labels` to
Meetings and `topic_label` to Topics, filled from `Labels` (the topic vocabulary).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from api.models import DatePrecision, MeetingKind, OutcomeKind, Role, Setting, TimeOfDay, Topic

__all__ = [
    "MEETINGS",
    "OUTCOMES",
    "PARTICIPANTS",
    "SEPARATOR",
    "SOURCES",
    "STATEMENTS",
    "TABLES",
    "TOPICS",
    "Cell",
    "Column",
    "Labels",
    "Row",
    "Table",
    "TableName",
    "code_label",
    "table",
    "tables",
]

Cell = str | int | bool | dt.date | None
Row = tuple[Cell, ...]
TableName = Literal["meetings", "participants", "statements", "outcomes", "sources", "topics"]
ColumnType = Literal["string", "integer", "boolean", "date"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, Table Schema type, meaning, spreadsheet width and wrapping."""

    name: str
    type: ColumnType
    description: str
    width: int = 14
    required: bool = False
    enum: tuple[str, ...] = ()
    link: bool = False
    wrap: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """One flat table of the export."""

    name: TableName
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    @property
    def header(self) -> list[str]:
        """The column names, in order."""
        return [column.name for column in self.columns]

    @property
    def refers_to_meetings(self) -> bool:
        """True when the rows name their meeting in `meeting_id`."""
        return self.name != "meetings"


def _values(enum: Iterable[object]) -> tuple[str, ...]:
    return tuple(str(getattr(member, "value", member)) for member in enum)


_MEETING_ID = Column("meeting_id", "string", "Id of the meeting (Meetings.id).", 34, True)
_POSITION = Column("position", "integer", "Order within the meeting, from 1.", 9, True)

MEETINGS = Table(
    "meetings",
    "Meetings",
    "One row per meeting or call.",
    (
        Column("id", "string", "Stable id of the meeting.", 34, True),
        Column("date", "date", "Date of the meeting.", 12, True),
        Column(
            "date_precision",
            "string",
            "How much of the date the sources state.",
            10,
            True,
            _values(DatePrecision),
        ),
        Column(
            "time_of_day", "string", "Part of the day, when stated.", 10, False, _values(TimeOfDay)
        ),
        Column(
            "kind",
            "string",
            "Format: phone call, video call or meeting.",
            12,
            True,
            _values(MeetingKind),
        ),
        Column(
            "setting",
            "string",
            "Where, relative to the principals' countries.",
            15,
            True,
            _values(Setting),
        ),
        Column("city", "string", "City of an in-person meeting.", 14),
        Column("country_code", "string", "ISO 3166-1 alpha-2 code of the place.", 8),
        Column("venue", "string", "Venue of an in-person meeting.", 20, wrap=True),
        Column("occasion", "string", "Multilateral event, e.g. SCO summit.", 16, wrap=True),
        Column("initiated_by", "string", "Country that asked for or placed the call.", 8),
        Column(
            "principals", "string", "Principals as 'Name (CC)', separated by '; '.", 24, wrap=True
        ),
        Column(
            "attendees",
            "string",
            "Other participants as 'Name (CC)', separated by '; '.",
            24,
            wrap=True,
        ),
        Column("countries", "string", "Principals' countries, separated by '; '.", 10),
        Column("topics", "string", "Topic ids, separated by '; '.", 24, wrap=True),
        Column("summary", "string", "Summary in the project's own words.", 60, wrap=True),
        Column("sources", "integer", "Number of sources reporting the meeting.", 8, True),
        Column("synthetic", "boolean", "True for generated benchmark data.", 9, True),
    ),
    ("id",),
)

PARTICIPANTS = Table(
    "participants",
    "Participants",
    "One row per meeting and participant.",
    (
        _MEETING_ID,
        _POSITION,
        Column("person_id", "string", "Id of the person.", 24, True),
        Column("person_name", "string", "Name of the person.", 22),
        Column("country_code", "string", "Country the person represented.", 8, True),
        Column("title", "string", "Office held at the time.", 30, wrap=True),
        Column("role", "string", "Principal or attendee.", 10, True, _values(Role)),
        Column("capacity", "string", "In what capacity the person came.", 30, wrap=True),
    ),
    ("meeting_id", "position"),
)

STATEMENTS = Table(
    "statements",
    "Statements",
    "What each side said, paraphrased; one row per statement.",
    (
        _MEETING_ID,
        _POSITION,
        Column("speaker_id", "string", "Id of the speaker.", 24, True),
        Column("speaker_name", "string", "Name of the speaker.", 22),
        Column("text", "string", "The statement in the project's own words.", 80, True, wrap=True),
        Column("source_id", "string", "Id of the source that reports it.", 30),
    ),
    ("meeting_id", "position"),
)

OUTCOMES = Table(
    "outcomes",
    "Outcomes",
    "What was agreed or announced; one row per outcome.",
    (
        _MEETING_ID,
        _POSITION,
        Column(
            "kind",
            "string",
            "Agreement, announcement or follow-up.",
            13,
            True,
            _values(OutcomeKind),
        ),
        Column("text", "string", "The outcome in the project's own words.", 80, True, wrap=True),
        Column("name", "string", "Name of a follow-up event.", 24, wrap=True),
        Column("date", "date", "Date of a follow-up event.", 12),
    ),
    ("meeting_id", "position"),
)

SOURCES = Table(
    "sources",
    "Sources",
    "Published reports of the meetings; one row per source.",
    (
        Column("id", "string", "Stable id of the source.", 30, True),
        _MEETING_ID,
        _POSITION,
        Column("publisher", "string", "Who published the report.", 24, True, wrap=True),
        Column("headline", "string", "Headline of the report.", 50, True, wrap=True),
        Column("url", "string", "Where the report was published.", 40, link=True),
        Column("published", "date", "Publication date.", 12),
        Column("language", "string", "Language of the report.", 9, True),
        Column("document", "string", "File name or ingest id.", 24),
    ),
    ("id",),
)

TOPICS = Table(
    "topics",
    "Topics",
    "Topics of the meetings, from the controlled vocabulary; one row per meeting and topic.",
    (_MEETING_ID, _POSITION, Column("topic_id", "string", "Id of the topic.", 30, True)),
    ("meeting_id", "position"),
)

TABLES: tuple[Table, ...] = (MEETINGS, PARTICIPANTS, STATEMENTS, OUTCOMES, SOURCES, TOPICS)


def _labelled(table: Table, after: Mapping[str, Column]) -> Table:
    """`table` with a label column after each column named in `after`."""
    columns: list[Column] = []
    for column in table.columns:
        columns.append(column)
        if column.name in after:
            columns.append(after[column.name])
    return Table(table.name, table.title, table.description, tuple(columns), table.primary_key)


_LABELLED: tuple[Table, ...] = (
    _labelled(
        MEETINGS,
        {
            "kind": Column("kind_label", "string", "The kind, in words.", 11),
            "setting": Column("setting_label", "string", "The setting, in words.", 14),
            "topics": Column(
                "topic_labels", "string", "Topic labels, separated by '; '.", 30, wrap=True
            ),
        },
    ),
    PARTICIPANTS,
    STATEMENTS,
    OUTCOMES,
    SOURCES,
    _labelled(
        TOPICS,
        {"topic_id": Column("topic_label", "string", "Label of the topic.", 34, wrap=True)},
    ),
)

SEPARATOR = "; "
"""What joins several values in one cell."""


def code_label(code: str) -> str:
    """A code of a closed list in words: `phone_call` is `Phone call`."""
    return code.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class Labels:
    """What the labelled tables write beside codes: the topic vocabulary's labels."""

    topics: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, topics: Iterable[Topic]) -> Labels:
        """Labels from the topic vocabulary."""
        return cls({topic.id: topic.label for topic in topics})

    def topic(self, topic_id: str) -> str:
        """The label of topic `topic_id`; the id itself when the vocabulary lacks it."""
        return self.topics.get(topic_id, topic_id)


def tables(labelled: bool = False) -> tuple[Table, ...]:
    """Every table, with the label columns when `labelled`."""
    return _LABELLED if labelled else TABLES


def table(name: str, labelled: bool = False) -> Table:
    """The table called `name`; `KeyError` for any other name."""
    for candidate in tables(labelled):
        if candidate.name == name:
            return candidate
    raise KeyError(name)
