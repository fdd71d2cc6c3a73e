"""Storage for curation: retraction, conflicts by field, and the checks a patched meeting
needs. Every function works on the caller's connection, inside its write transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

import sqlalchemy as sa

from api.errors import Gone
from api.storage import tables as t

__all__ = [
    "Retraction",
    "gone",
    "known_people",
    "known_topics",
    "pending_conflicts",
    "resolve_conflicts",
    "retract",
    "retraction_of",
]


@dataclass(frozen=True, slots=True)
class Retraction:
    """When a meeting was retracted, and why."""

    at: dt.datetime
    reason: str


def retraction_of(connection: sa.Connection, meeting_id: str) -> Retraction | None:
    """The retraction of a stored meeting; None when it is live or unknown."""
    m = t.meetings.c
    row = connection.execute(
        sa.select(m.retracted_at, m.retraction_reason).where(
            m.id == meeting_id, m.retracted_at.is_not(None)
        )
    ).first()
    return None if row is None else Retraction(row[0], row[1] or "")


def gone(meeting_id: str, retraction: Retraction) -> Gone:
    """The error a retracted meeting's URL answers, with the day and the reason."""
    return Gone(
        f"meeting {meeting_id!r} was retracted on {retraction.at.date().isoformat()}: "
        f"{retraction.reason}"
    )


def retract(connection: sa.Connection, meeting_id: str, reason: str) -> None:
    """Mark a meeting retracted now, with `reason`: it leaves every listing."""
    connection.execute(
        t.meetings.update()
        .where(t.meetings.c.id == meeting_id)
        .values(retracted_at=dt.datetime.now(dt.UTC), retraction_reason=reason)
    )


def pending_conflicts(
    connection: sa.Connection, meeting_id: str, field: str
) -> list[tuple[str | None, str]]:
    """(other value, source id) of each open conflict on one field of a meeting."""
    c = t.conflicts.c
    query = (
        sa.select(c.other, c.source_id)
        .where(c.meeting_id == meeting_id, c.field == field)
        .order_by(c.seq)
    )
    return [(row[0], row[1]) for row in connection.execute(query)]


def resolve_conflicts(connection: sa.Connection, meeting_id: str, field: str) -> None:
    """Close every conflict on one field of a meeting: its value is decided."""
    c = t.conflicts.c
    connection.execute(t.conflicts.delete().where(c.meeting_id == meeting_id, c.field == field))


def known_people(connection: sa.Connection, ids: Collection[str]) -> set[str]:
    """Those of `ids` that are stored people."""
    query = sa.select(t.people.c.id).where(t.people.c.id.in_(list(ids)))
    return set(connection.scalars(query))


def known_topics(connection: sa.Connection) -> set[str]:
    """The ids of the topic vocabulary."""
    return set(connection.scalars(sa.select(t.topics.c.id)))
