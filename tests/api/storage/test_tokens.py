"""Tokens on SQLite and PostgreSQL: made once, stored hashed, revoked, checked by scope."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from api.auth import authorize
from api.errors import Forbidden, InvalidInput, NotFound, Unauthorized
from api.service import Service
from api.storage import tables as t
from api.storage.tokens import create_token, find_token, grants, list_tokens, revoke_token


def test_only_the_hash_is_stored(service: Service) -> None:
    token = create_token(service.engine, "newsroom", "ingest")
    assert token.startswith("rdt_") and len(token) > 40
    with service.engine.connect() as connection:
        stored = connection.execute(sa.select(t.tokens)).mappings().one()
    assert token not in {str(v) for v in stored.values()}
    assert stored["scope"] == "ingest"
    found = find_token(service.engine, token)
    assert found is not None and found.name == "newsroom"


def test_names_are_unique_and_scopes_closed(service: Service) -> None:
    create_token(service.engine, "a", "curate")
    with pytest.raises(InvalidInput, match="exists already"):
        create_token(service.engine, "a", "admin")
    with pytest.raises(InvalidInput, match="unknown scope 'root'; expected one of ingest"):
        create_token(service.engine, "b", "root")
    with pytest.raises(InvalidInput, match="'cli'"):
        create_token(service.engine, "cli", "admin")


def test_revoked_tokens_no_longer_authorize(service: Service) -> None:
    token = create_token(service.engine, "pipeline", "ingest")
    assert authorize(service.engine, f"Bearer {token}", "ingest") == "pipeline"
    revoke_token(service.engine, "pipeline")
    with pytest.raises(Unauthorized, match="unknown or revoked"):
        authorize(service.engine, f"Bearer {token}", "ingest")
    with pytest.raises(NotFound, match="revoked already"):
        revoke_token(service.engine, "pipeline")
    with pytest.raises(NotFound, match="does not exist"):
        revoke_token(service.engine, "nobody")
    (listed,) = list_tokens(service.engine)
    assert listed.name == "pipeline" and listed.revoked is not None


def test_scopes_nest(service: Service) -> None:
    assert grants("admin", "curate") and grants("curate", "ingest")
    assert not grants("ingest", "curate")
    token = create_token(service.engine, "pipeline", "ingest")
    with pytest.raises(Forbidden, match="needs scope 'curate'") as raised:
        authorize(service.engine, f"Bearer {token}", "curate")
    assert raised.value.status == 403


@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer ", "Bearer rdt_wrong"])
def test_missing_or_bad_tokens_are_401_with_a_challenge(
    service: Service, header: str | None
) -> None:
    with pytest.raises(Unauthorized) as raised:
        authorize(service.engine, header, "ingest")
    assert raised.value.status == 401
    assert raised.value.headers["WWW-Authenticate"] == 'Bearer realm="readouts", scope="ingest"'
    assert "'ingest'" in raised.value.detail
