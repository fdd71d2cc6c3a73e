"""Idempotency keys: a write's key, kept with the answer it got, in the write's transaction.

The caller holds the write lock (`write_transaction`), so two requests with the same key
take turns: the later one finds the earlier's answer and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from api.errors import IdempotencyMismatch
from api.storage import tables as t

__all__ = ["Stored", "remember", "replay"]


@dataclass(frozen=True)
class Stored:
    """The answer a key got the first time."""

    status: int
    response: bytes


def replay(connection: sa.Connection, actor: str, key: str, request_hash: str) -> Stored | None:
    """The answer stored under `actor`'s `key`, or None for a new key;
    `IdempotencyMismatch` when the key came before with another request."""
    c = t.idempotency_keys.c
    row = connection.execute(
        sa.select(c.request_hash, c.status, c.response).where(c.actor == actor, c.key == key)
    ).first()
    if row is None:
        return None
    if row.request_hash != request_hash:
        raise IdempotencyMismatch(
            f"Idempotency-Key {key!r} was used before with a different request; send a new "
            "key for a new request, or the same request again to get its first answer"
        )
    return Stored(status=row.status, response=row.response.encode())


def remember(
    connection: sa.Connection,
    actor: str,
    key: str,
    request_hash: str,
    response: bytes,
    status: int = 200,
) -> None:
    """Keep `response` as the answer to `actor`'s `key`."""
    connection.execute(
        t.idempotency_keys.insert(),
        {
            "actor": actor,
            "key": key,
            "request_hash": request_hash,
            "status": status,
            "response": response.decode(),
            "created": dt.datetime.now(dt.UTC),
        },
    )
