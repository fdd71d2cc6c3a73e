"""Who is writing: the one check of a write request's `Authorization: Bearer` token.

REST and GraphQL both pass the request's `Authorization` header here. Reads never come
here (they stay public). A missing, malformed, unknown or revoked token is
`Unauthorized` (401, with a `WWW-Authenticate` challenge); a token whose scope does not
cover the write is `Forbidden` (403); both name the scope needed. The token is never
logged nor echoed back.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from api.errors import Forbidden, Unauthorized
from api.storage.tokens import find_token, grants

__all__ = ["authorize"]


def authorize(engine: Engine, authorization: str | None, scope: str) -> str:
    """The name of the token in `authorization` (an `Authorization` header's value), when
    it is live and its scope covers `scope`."""
    how = f"send Authorization: Bearer <token> with a token of scope {scope!r} or wider"
    if not authorization:
        raise Unauthorized(f"this write needs a token of scope {scope!r}; {how}", scope)
    kind, _, token = authorization.strip().partition(" ")
    if kind.lower() != "bearer" or not token.strip():
        raise Unauthorized(
            f"the Authorization header is not a bearer token; {how} "
            "(`readouts tokens create` makes one)",
            scope,
        )
    found = find_token(engine, token.strip())
    if found is None:
        raise Unauthorized(
            f"the bearer token is unknown or revoked; {how} (`readouts tokens list` shows "
            "the live ones)",
            scope,
        )
    if not grants(found.scope, scope):
        raise Forbidden(
            f"token {found.name!r} has scope {found.scope!r}; this write needs scope "
            f"{scope!r} (or wider: ingest < curate < admin)",
            scope,
        )
    return found.name
