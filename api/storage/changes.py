"""The audit log and the changes feed: one row per write to a meeting, in commit order.

Every write path (load, ingest, curation) calls `record` on its own connection, inside
its `write_transaction`, so a change is committed with the write it describes or not at
all. `seq` is the highest number so far plus one, read under the write lock: writers take
turns (`BEGIN IMMEDIATE` on SQLite; a transaction-scoped advisory lock on PostgreSQL,
released only once the commit is visible), so a writer reads the last committed `seq`
and numbers after it, and `seq` order is commit order. A reader that sees change *n*
therefore also sees every change before it: a consumer that asks for the changes after
the last `seq` it saw never misses or repeats one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.models import Meeting
from api.storage import tables as t

__all__ = ["ACTIONS", "Action", "Change", "ChangeReads", "Entry", "record"]

Action = Literal["created", "updated", "retracted"]
ACTIONS: tuple[Action, ...] = ("created", "updated", "retracted")


@dataclass(frozen=True, slots=True)
class Entry:
    """One write to record: what happened to which meeting, with the meeting before and
    after (None when it did not exist, or left the dataset)."""

    action: Action
    meeting_id: str
    before: Meeting | None
    after: Meeting | None


@dataclass(frozen=True, slots=True)
class Change:
    """One committed change, as the feed lists it."""

    seq: int
    at: dt.datetime
    action: str
    meeting_id: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One committed change with who made it and the meeting before and after (JSON)."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    meeting_id: str
    before: str | None
    after: str | None


def record(connection: sa.Connection, actor: str, entries: Sequence[Entry]) -> None:
    """Record `entries` as `actor`'s, numbered after the last committed change. The caller
    holds the write lock (`write_transaction`): that is what makes `seq` commit order."""
    if not entries:
        return
    last = connection.execute(sa.select(sa.func.coalesce(sa.func.max(t.changes.c.seq), 0)))
    start = int(last.scalar_one()) + 1
    now = dt.datetime.now(dt.UTC)
    connection.execute(
        t.changes.insert(),
        [
            {
                "seq": start + number,
                "at": now,
                "actor": actor,
                "action": entry.action,
                "meeting_id": entry.meeting_id,
                "before": _json(entry.before),
                "after": _json(entry.after),
            }
            for number, entry in enumerate(entries)
        ],
    )


def _json(meeting: Meeting | None) -> str | None:
    if meeting is None:
        return None
    return meeting.__pydantic_serializer__.to_json(meeting).decode()


class ChangeReads:
    """The changes queries of `api.storage.repository.Repository`."""

    engine: Engine

    def list_changes(self, after: int, limit: int) -> list[Change]:
        """Up to `limit` changes with `seq` after `after`, in commit order."""
        c = t.changes.c
        query = (
            sa.select(c.seq, c.at, c.action, c.meeting_id)
            .where(c.seq > after)
            .order_by(c.seq)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [Change(*row) for row in connection.execute(query)]

    def audit_of(self, meeting_id: str) -> list[AuditEntry]:
        """Every recorded change of one meeting, oldest first, with its writer."""
        c = t.changes.c
        query = sa.select(c.seq, c.at, c.actor, c.action, c.meeting_id, c.before, c.after).where(
            c.meeting_id == meeting_id
        )
        with self.engine.connect() as connection:
            return [AuditEntry(*row) for row in connection.execute(query.order_by(c.seq))]
