"""API tokens: made, listed, revoked and checked. Only a token's SHA-256 is stored.

A token is `rdt_` and 43 URL-safe characters (256 random bits): its hash, kept in the
database, identifies it; comparing hashes is done in constant time. Scopes nest:
`admin` may do everything, `curate` also ingests, `ingest` only ingests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.errors import InvalidInput, NotFound
from api.storage import tables as t
from api.storage.engine import write_transaction

__all__ = [
    "SCOPES",
    "TokenInfo",
    "create_token",
    "find_token",
    "grants",
    "list_tokens",
    "revoke_token",
]

SCOPES = ("ingest", "curate", "admin")
"""Token scopes, each allowing what those before it allow."""

_PREFIX = "rdt_"


@dataclass(frozen=True)
class TokenInfo:
    """A token as listed: never the token itself."""

    name: str
    scope: str
    created: dt.datetime
    revoked: dt.datetime | None


def grants(scope: str, needed: str) -> bool:
    """True when a token of `scope` may do what needs `needed`."""
    return SCOPES.index(scope) >= SCOPES.index(needed)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(engine: Engine, name: str, scope: str) -> str:
    """A new token named `name` with `scope`; returned once, only its hash is kept."""
    name = name.strip()
    if not name or len(name) > 100 or name == "cli":
        raise InvalidInput(
            f"token name {name!r} cannot be used; give 1 to 100 characters, not 'cli' "
            "(the name of writes from the command line)"
        )
    if scope not in SCOPES:
        raise InvalidInput(f"unknown scope {scope!r}; expected one of {', '.join(SCOPES)}")
    token = _PREFIX + secrets.token_urlsafe(32)
    with write_transaction(engine) as connection:
        taken = connection.scalar(sa.select(t.tokens.c.name).where(t.tokens.c.name == name))
        if taken is not None:
            raise InvalidInput(
                f"a token named {name!r} exists already; choose another name, or revoke "
                f"it first with `readouts tokens revoke {name}`"
            )
        connection.execute(
            t.tokens.insert(),
            {
                "name": name,
                "token_hash": _hash(token),
                "scope": scope,
                "created": dt.datetime.now(dt.UTC),
            },
        )
    return token


def list_tokens(engine: Engine) -> list[TokenInfo]:
    """Every token, revoked ones included, by name."""
    c = t.tokens.c
    query = sa.select(c.name, c.scope, c.created, c.revoked).order_by(c.name)
    with engine.connect() as connection:
        return [TokenInfo(*row) for row in connection.execute(query)]


def revoke_token(engine: Engine, name: str) -> None:
    """Revoke the token `name` (it answers 401 from now on); `NotFound` when unknown."""
    c = t.tokens.c
    with write_transaction(engine) as connection:
        done = connection.execute(
            t.tokens.update()
            .where(c.name == name, c.revoked.is_(None))
            .values(revoked=dt.datetime.now(dt.UTC))
        )
        if done.rowcount == 0:
            known = connection.scalar(sa.select(c.revoked).where(c.name == name))
            state = "is revoked already" if known is not None else "does not exist"
            raise NotFound(f"token {name!r} {state}; `readouts tokens list` shows the tokens")


def find_token(engine: Engine, token: str) -> TokenInfo | None:
    """The live token that `token` is, or None (unknown, malformed or revoked)."""
    if not token.startswith(_PREFIX) or len(token) > 200:
        return None
    digest = _hash(token)
    c = t.tokens.c
    query = sa.select(c.name, c.scope, c.created, c.revoked, c.token_hash).where(
        c.token_hash == digest
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None or not hmac.compare_digest(row.token_hash, digest) or row.revoked is not None:
        return None
    return TokenInfo(row.name, row.scope, row.created, row.revoked)
