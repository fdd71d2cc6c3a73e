"""Ids with a NUL character, refused where they enter, on SQLite and PostgreSQL: storage
never sees one (PostgreSQL text cannot hold it), every face answers "not found"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel, ValidationError
from starlette.testclient import TestClient

from api.app import create_app
from api.errors import NotFound
from api.ids import Id, known_id, nul_at
from api.service import Service
from api.storage.tokens import create_token


@pytest.fixture
def client(seeded: Service) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.settings, service=seeded)) as client:
        yield client


def test_known_id_names_the_value_and_the_way_out() -> None:
    assert known_id("2021-07-16-li-keqiang-imran-khan") == "2021-07-16-li-keqiang-imran-khan"
    with pytest.raises(NotFound, match=r"no meeting with id 'a\\x00b': it holds a NUL .*remove"):
        known_id("a\x00b", "meeting")


def test_id_is_a_pydantic_type() -> None:
    class Ask(BaseModel):
        id: Id

    assert Ask(id="imran-khan").id == "imran-khan"
    with pytest.raises(ValidationError, match="NUL"):
        Ask(id="a\x00")
    assert Ask.model_json_schema()["properties"]["id"]["pattern"] == "^[^\\u0000]*$"


def test_nul_at_finds_the_path_of_the_first_nul() -> None:
    assert nul_at({"a": ["x", {"b": "c\x00"}]}) == "a.1.b"
    assert nul_at({"a": ["x", "\x00"]}, "{}[{}]".format) == "a[1]"
    assert nul_at("\x00") == ""
    assert nul_at({"a": ["x", 1, None]}) is None
    assert nul_at({"a": "\x00", "b": ["\x00"]}) == "a"  # the first in document order
    assert nul_at([["y", "\x00"], "\x00"], "{}[{}]".format) == "[0][1]"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/meetings/a%00b",
        "/api/v1/meetings/a%00b/sources",
        "/api/v1/meetings/a%00b/conflicts",
        "/api/v1/people/a%00b",
        "/api/v1/people/a%00b/meetings",
        "/api/v1/people/a%00b/counterparts",
    ],
)
def test_rest_reads_answer_not_found(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "'a\\x00b': it holds a NUL character" in response.json()["detail"]


def test_rest_writes_and_history_answer_not_found(client: TestClient) -> None:
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    curate = {"Authorization": f"Bearer {create_token(service.engine, 'editor', 'curate')}"}
    admin = {"Authorization": f"Bearer {create_token(service.engine, 'auditor', 'admin')}"}
    url = "/api/v1/meetings/a%00b"
    patched = client.patch(
        url,
        content=b'{"summary": "x"}',
        headers={**curate, "Content-Type": "application/merge-patch+json", "If-Match": '"x"'},
    )
    retracted = client.post(f"{url}/retraction", json={"reason": "duplicate"}, headers=curate)
    resolved = client.post(
        f"{url}/resolution", json={"field": "location.city", "source": "s"}, headers=curate
    )
    history = client.get(f"{url}/history", headers=admin)
    for response in (patched, retracted, resolved, history):
        assert response.status_code == 404, response.text
        assert "it holds a NUL character" in response.json()["detail"]


def test_web_pages_answer_not_found(client: TestClient) -> None:
    for path in ("/meetings/a%00b", "/people/a%00b"):
        response = client.get(path)
        assert response.status_code == 404
        assert "it holds a NUL character" in response.text


def test_graphql_id_arguments_answer_not_found(client: TestClient) -> None:
    for query in (
        '{ meeting(id: "a\\u0000b") { id } }',
        '{ person(id: "a\\u0000b") { id } }',
    ):
        body = client.post("/graphql", json={"query": query}).json()
        (error,) = body["errors"]
        assert "it holds a NUL character" in error["message"], body
