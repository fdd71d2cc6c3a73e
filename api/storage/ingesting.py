"""Storage for ingest: find the stored report of an event, write merges, texts, evidence.

All functions work on the caller's connection, inside the caller's transaction, so an
ingest run is all-or-nothing and sees its own earlier writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import sqlalchemy as sa

from api.models import Meeting, Person, Source
from api.names import name_key
from api.results import Conflict
from api.storage import tables as t
from api.storage.aliases import DroppedAlias, drop_colliding_aliases
from api.storage.loading import insert_rows
from api.storage.repository import fetch_meetings
from api.storage.rows import meeting_rows, person_rows

__all__ = [
    "find_same_event",
    "ingested_source",
    "known_ids",
    "person_by_name",
    "person_name_words",
    "replace_meeting",
    "save_conflicts",
    "save_meeting",
    "save_people",
    "save_source_text",
    "taken_ids",
]


def find_same_event(connection: sa.Connection, meeting: Meeting) -> Meeting | None:
    """A stored meeting with the same principals and kind, dated within a day of `meeting`."""
    principals = {p.person.id for p in meeting.principals}
    m = t.meetings.c
    query = sa.select(m.id).where(
        m.kind == meeting.kind.value,
        m.date.between(meeting.date - dt.timedelta(days=1), meeting.date + dt.timedelta(days=1)),
        *(
            m.id.in_(
                sa.select(t.participants.c.meeting_id).where(
                    t.participants.c.person_id == person, t.participants.c.role == "principal"
                )
            )
            for person in principals
        ),
    )
    candidates = fetch_meetings(connection, list(connection.scalars(query)))
    same = [c for c in candidates if {p.person.id for p in c.principals} == principals]
    same.sort(key=lambda c: (abs((c.date - meeting.date).days), c.id))
    return same[0] if same else None


def known_ids(connection: sa.Connection) -> tuple[set[str], set[str]]:
    """The ids of the stored topics and people."""
    topic_ids = set(connection.scalars(sa.select(t.topics.c.id)))
    return topic_ids, set(connection.scalars(sa.select(t.people.c.id)))


def taken_ids(connection: sa.Connection, base: str) -> set[str]:
    """Stored meeting ids equal to `base` or starting with `base-`."""
    m = t.meetings.c
    query = sa.select(m.id).where(
        sa.or_(m.id == base, m.id.startswith(f"{base}-", autoescape=True))
    )
    return set(connection.scalars(query))


def person_by_name(connection: sa.Connection, name: str, country_code: str) -> str | None:
    """The id of a stored person of `country_code` known under `name` (any spelling)."""
    query = (
        sa.select(t.people.c.id)
        .join(t.person_names, t.person_names.c.person_id == t.people.c.id)
        .where(t.person_names.c.name_key == name_key(name), t.people.c.country_code == country_code)
        .order_by(t.people.c.synthetic, t.people.c.id)
        .limit(1)
    )
    return connection.scalars(query).first()


def person_name_words(connection: sa.Connection) -> dict[str, set[str]]:
    """Folded word -> ids of the stored people whose name or an alias has it."""
    words: dict[str, set[str]] = {}
    for person_id, name in connection.execute(
        sa.select(t.person_names.c.person_id, t.person_names.c.name)
    ):
        for word in name_key(name).split():
            words.setdefault(word, set()).add(person_id)
    return words


def ingested_source(connection: sa.Connection, sha256: str) -> str | None:
    """The id of a source whose text has this SHA-256, if the text was ingested before."""
    query = sa.select(t.source_texts.c.source_id).where(t.source_texts.c.sha256 == sha256)
    return connection.scalars(query.limit(1)).first()


def save_people(connection: sa.Connection, people: Sequence[Person]) -> list[DroppedAlias]:
    """Insert new people; returns the aliases dropped because they now name two people."""
    insert_rows(connection, [person_rows(person) for person in people])
    return drop_colliding_aliases(connection, [person.id for person in people])


def save_meeting(connection: sa.Connection, meeting: Meeting) -> None:
    """Insert a new meeting with all its parts."""
    insert_rows(connection, [meeting_rows(meeting, _names(connection, meeting))])


def replace_meeting(connection: sa.Connection, meeting: Meeting) -> None:
    """Rewrite a stored meeting's own row, participants and topics; add its new sources.

    Stored sources, their texts and evidence, statements and outcomes stay untouched.
    """
    rows = meeting_rows(meeting, _names(connection, meeting))
    values = {k: v for k, v in rows["meetings"][0].items() if k != "id"}
    connection.execute(t.meetings.update().where(t.meetings.c.id == meeting.id), values)
    for table in (t.participants, t.meeting_topics):
        connection.execute(table.delete().where(table.c.meeting_id == meeting.id))
    stored = set(
        connection.scalars(sa.select(t.sources.c.id).where(t.sources.c.meeting_id == meeting.id))
    )
    insert_rows(
        connection,
        [
            {
                "participants": rows["participants"],
                "meeting_topics": rows["meeting_topics"],
                "sources": [s for s in rows["sources"] if s["id"] not in stored],
            }
        ],
    )


def save_source_text(
    connection: sa.Connection,
    source: Source,
    sha256: str,
    text: str,
    evidence: Mapping[str, Sequence[tuple[int, int]]],
) -> None:
    """Keep an ingested source's text and the evidence spans of each field."""
    connection.execute(
        t.source_texts.insert(), {"source_id": source.id, "sha256": sha256, "text": text}
    )
    spans = [
        {"source_id": source.id, "field": field, "start": start, "end": end}
        for field, field_spans in sorted(evidence.items())
        for start, end in field_spans
    ]
    if spans:
        connection.execute(
            t.source_evidence.insert(), [{**span, "seq": i} for i, span in enumerate(spans)]
        )


def save_conflicts(connection: sa.Connection, conflicts: Sequence[Conflict]) -> None:
    """Record conflicting values with the source that reported them, numbered after the
    meeting's highest number so far (the caller holds the write lock)."""
    for conflict in conflicts:
        last = sa.func.max(t.conflicts.c.seq)
        seq = connection.execute(
            sa.select(sa.func.coalesce(last + 1, 0)).where(
                t.conflicts.c.meeting_id == conflict.meeting_id
            )
        ).scalar_one()
        connection.execute(
            t.conflicts.insert(),
            {
                "meeting_id": conflict.meeting_id,
                "seq": seq,
                "field": conflict.field,
                "kept": conflict.kept,
                "other": conflict.other,
                "source_id": conflict.source,
            },
        )


def _names(connection: sa.Connection, meeting: Meeting) -> dict[str, str]:
    ids = {p.person.id for p in meeting.participants} | {s.speaker.id for s in meeting.statements}
    query = sa.select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(ids))
    names: dict[str, str] = {pid: name for pid, name in connection.execute(query)}
    return names
