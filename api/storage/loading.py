"""Loading curated records: validate and upsert them, all in one transaction.

A load file is a JSON object with any of the keys `topics`, `people` and `meetings`,
each a list of records in the shape of the domain models, read as a stream
(`api.storage.load_files`). Loading is idempotent (a record
equal to the stored one is left alone) and all-or-nothing: the first bad file or record
stops the load with a `LoadError` naming the file, the record and the field, and the
database stays exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel, ValidationError
from sqlalchemy.engine import Engine

from api.errors import FieldError, LoadError, field_errors
from api.models import Meeting, Person, Topic
from api.names import name_key
from api.storage import changes as audit
from api.storage import tables as t
from api.storage.aliases import DroppedAlias, drop_colliding_aliases, naming_others
from api.storage.engine import is_read_only, write_transaction
from api.storage.load_files import KINDS, LoadFiles, Record
from api.storage.repository import fetch_meetings, fetch_people
from api.storage.rows import meeting_rows, person_rows

__all__ = ["LoadReport", "Progress", "insert_rows", "load_paths", "seed_if_empty", "write_meetings"]

Progress = Callable[[int], None]
"""Called with the number of records just handled."""

_M = TypeVar("_M", bound=BaseModel)
_CHUNK = 200


@dataclass
class LoadReport:
    """What a load changed, per kind of record."""

    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    dropped_aliases: list[DroppedAlias] = field(default_factory=list)
    """Aliases left out because they would also name someone else."""

    @property
    def changes(self) -> int:
        """Records added or updated."""
        return sum(self.added.values()) + sum(self.updated.values())


def load_paths(
    engine: Engine, paths: Sequence[Path], progress: Progress | None = None, actor: str = "cli"
) -> LoadReport:
    """Validate the records in `paths` (files or directories of *.json) and upsert them;
    the meetings added or changed are recorded as `actor`'s (`api.storage.changes`)."""
    files = LoadFiles(paths)
    with write_transaction(engine) as connection:
        return _load(connection, files, progress, actor)


def seed_if_empty(engine: Engine, paths: Sequence[Path]) -> LoadReport | None:
    """Load `paths` when the database holds no meeting; None when it already holds some.

    Emptiness is read under the write lock, so of several processes starting on one empty
    database exactly one loads. A read-only database is never seeded.
    """
    if is_read_only(engine):
        return None  # a read-only database is served as it is
    files = LoadFiles(paths)
    with write_transaction(engine) as connection:
        if connection.execute(sa.select(t.meetings.c.id).limit(1)).first() is not None:
            return None
        return _load(connection, files, None, "seed")


def _load(
    connection: sa.Connection, files: LoadFiles, progress: Progress | None, actor: str
) -> LoadReport:
    """Topics and people first (every file's), then meetings chunk by chunk: the load's
    transaction makes it all or nothing, however far a bad record lies."""
    report = LoadReport()
    advance = progress or (lambda _n: None)
    topic_records, people_records = files.head()
    topics = [_validate(Topic, record) for record in topic_records]
    people = [_validate(Person, record) for record in people_records]
    _upsert_topics(connection, topics, report)
    advance(len(topics))
    _upsert_people(connection, people, report, advance)
    report.dropped_aliases = drop_colliding_aliases(connection, [p.id for p in people])
    topic_ids = set(connection.scalars(sa.select(t.topics.c.id)))
    new_people = {p.id for p in people}
    owners: dict[str, str] = {}
    for records in files.meetings(_CHUNK):
        meetings = [_validate(Meeting, r, {"topic_ids": topic_ids}) for r in records]
        _check_people(connection, records, meetings, new_people)
        _check_sources(connection, records, meetings, owners)
        write_meetings(
            connection, meetings, report.added, report.updated, report.unchanged, advance, actor
        )
    return report


def write_meetings(
    connection: sa.Connection,
    meetings: Sequence[Meeting],
    added: dict[str, int],
    updated: dict[str, int],
    unchanged: dict[str, int],
    advance: Progress,
    actor: str,
) -> None:
    """Insert new meetings, rewrite changed ones, leave equal ones; counts under 'meetings'.
    The meetings added or rewritten are recorded as `actor`'s changes.

    A record speaks for the sources it lists: sources added to a stored meeting by ingest
    (with their texts, evidence and conflicts) are kept, and do not make it "changed".
    """
    names = dict(connection.execute(sa.select(t.people.c.id, t.people.c.name)).all())
    for start in range(0, len(meetings), _CHUNK):
        chunk = meetings[start : start + _CHUNK]
        stored = {m.id: m for m in fetch_meetings(connection, [m.id for m in chunk])}
        changed = [
            m for m in chunk if m.id in stored and _same(m) != _same(_listed(stored[m.id], m))
        ]
        new = [m for m in chunk if m.id not in stored]
        for meeting in changed:
            _rewrite(connection, meeting, names)
        insert_rows(connection, [meeting_rows(m, names) for m in new])
        rewritten = fetch_meetings(connection, [m.id for m in changed]) if changed else []
        audit.record(
            connection,
            actor,
            [audit.Entry("updated", m.id, stored[m.id], m) for m in rewritten]
            + [audit.Entry("created", m.id, None, m) for m in new],
        )
        added["meetings"] += len(new)
        updated["meetings"] += len(changed)
        unchanged["meetings"] += len(chunk) - len(new) - len(changed)
        advance(len(chunk))


def insert_rows(
    connection: sa.Connection, row_sets: Iterable[dict[str, list[dict[str, Any]]]]
) -> None:
    """Insert rows for several tables, parents before children, one statement per table."""
    merged: dict[str, list[dict[str, Any]]] = {}
    for rows in row_sets:
        for name, table_rows in rows.items():
            merged.setdefault(name, []).extend(table_rows)
    for table in t.metadata.sorted_tables:
        if merged.get(table.name):
            connection.execute(table.insert(), merged[table.name])


def _listed(stored: Meeting, record: Meeting) -> Meeting:
    """The stored meeting with only the sources the record lists."""
    listed = {source.id for source in record.sources}
    return stored.model_copy(update={"sources": [s for s in stored.sources if s.id in listed]})


def _rewrite(connection: sa.Connection, meeting: Meeting, names: dict[str, str]) -> None:
    """Make a stored meeting say what the record says, keeping sources it does not list."""
    rows = meeting_rows(meeting, names)
    values = {k: v for k, v in rows["meetings"][0].items() if k != "id"}
    connection.execute(t.meetings.update().where(t.meetings.c.id == meeting.id), values)
    for table in (t.participants, t.meeting_topics, t.statements, t.outcomes):
        connection.execute(table.delete().where(table.c.meeting_id == meeting.id))
    stored = set(
        connection.scalars(
            sa.select(t.sources.c.id).where(
                t.sources.c.id.in_([source.id for source in meeting.sources])
            )
        )
    )
    for source in rows["sources"]:
        if source["id"] in stored:
            connection.execute(t.sources.update().where(t.sources.c.id == source["id"]), source)
    insert_rows(
        connection,
        [
            {
                "participants": rows["participants"],
                "meeting_topics": rows["meeting_topics"],
                "statements": rows["statements"],
                "outcomes": rows["outcomes"],
                "sources": [s for s in rows["sources"] if s["id"] not in stored],
            }
        ],
    )


def _same(meeting: Meeting) -> dict[str, Any]:
    """A meeting's content without the names a reader fills in from `people`."""
    data = meeting.model_dump(mode="json")
    for participant in data["participants"]:
        participant["person"].pop("name", None)
    for statement in data["statements"]:
        statement["speaker"].pop("name", None)
    return data


def _upsert_topics(connection: sa.Connection, topics: list[Topic], report: LoadReport) -> None:
    stored = {row.id: row for row in connection.execute(sa.select(t.topics))}
    for topic in topics:
        values = topic.model_dump()
        if topic.id not in stored:
            connection.execute(t.topics.insert(), values)
            report.added["topics"] += 1
        elif dict(stored[topic.id]._mapping) != values:
            connection.execute(t.topics.update().where(t.topics.c.id == topic.id), values)
            report.updated["topics"] += 1
        else:
            report.unchanged["topics"] += 1


def _upsert_people(
    connection: sa.Connection, people: list[Person], report: LoadReport, advance: Progress
) -> None:
    stored = {p.id: p for p in fetch_people(connection, [p.id for p in people])}
    for person in people:
        if stored.get(person.id) in (person, _without_colliding(connection, person)):
            report.unchanged["people"] += 1
            continue
        rows = person_rows(person)
        if person.id in stored:
            connection.execute(
                t.people.update().where(t.people.c.id == person.id), rows["people"][0]
            )
            for table in (t.person_names, t.person_keys, t.positions):
                connection.execute(table.delete().where(table.c.person_id == person.id))
            del rows["people"]
            report.updated["people"] += 1
        else:
            report.added["people"] += 1
        insert_rows(connection, [rows])
    advance(len(people))


def _without_colliding(connection: sa.Connection, person: Person) -> Person:
    """`person` without the aliases that would also name someone else (as stored)."""
    kept = [a for a in person.aliases if not naming_others(connection, person.id, name_key(a))]
    return person.model_copy(update={"aliases": kept})


def _check_people(
    connection: sa.Connection,
    records: list[Record],
    meetings: list[Meeting],
    new_people: set[str],
) -> None:
    wanted = {
        ref.id
        for m in meetings
        for ref in [*(p.person for p in m.participants), *(s.speaker for s in m.statements)]
    }
    known = new_people | set(
        connection.scalars(sa.select(t.people.c.id).where(t.people.c.id.in_(wanted - new_people)))
    )
    for record, meeting in zip(records, meetings, strict=True):
        for index, participant in enumerate(meeting.participants):
            if participant.person.id not in known:
                _fail(record, f"participants.{index}.person.id", participant.person.id, "person")
        for index, statement in enumerate(meeting.statements):
            if statement.speaker.id not in known:
                _fail(record, f"statements.{index}.speaker.id", statement.speaker.id, "person")
            own = {s.id for s in meeting.sources}
            if statement.source is not None and statement.source not in own:
                raise LoadError(
                    record.file,
                    record.label,
                    [
                        FieldError(
                            f"statements.{index}.source",
                            f"source {statement.source!r} is not among this meeting's sources "
                            f"({', '.join(sorted(own)) or 'none'})",
                            statement.source,
                        )
                    ],
                )


def _check_sources(
    connection: sa.Connection,
    records: list[Record],
    meetings: list[Meeting],
    owners: dict[str, str],
) -> None:
    """`LoadError` for a source listed by two meetings of the load (`owners`, kept across
    chunks) or already stored under another meeting."""
    chunk: dict[str, tuple[Record, int]] = {}
    for record, meeting in zip(records, meetings, strict=True):
        for index, source in enumerate(meeting.sources):
            if owners.setdefault(source.id, meeting.id) != meeting.id:
                message = f"source {source.id!r} already belongs to meeting {owners[source.id]!r}"
                raise LoadError(
                    record.file,
                    record.label,
                    [FieldError(f"sources.{index}.id", message, source.id)],
                )
            chunk[source.id] = (record, index)
    stored = connection.execute(
        sa.select(t.sources.c.id, t.sources.c.meeting_id).where(t.sources.c.id.in_(list(chunk)))
    )
    for source_id, meeting_id in stored:
        if owners[source_id] != meeting_id:
            record, index = chunk[source_id]
            message = f"source {source_id!r} already belongs to stored meeting {meeting_id!r}"
            raise LoadError(
                record.file, record.label, [FieldError(f"sources.{index}.id", message, source_id)]
            )


def _fail(record: Record, where: str, value: str, what: str) -> None:
    raise LoadError(
        record.file,
        record.label,
        [FieldError(where, f"unknown {what} {value!r}; add it to a people file first", value)],
    )


def _validate(model: type[_M], record: Record, context: dict[str, Any] | None = None) -> _M:
    try:
        return model.model_validate(record.raw, context=context)
    except ValidationError as error:
        raise LoadError(record.file, record.label, field_errors(error)) from None
