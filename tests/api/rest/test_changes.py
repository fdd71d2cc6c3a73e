"""`GET /api/v1/changes` and `updated_since` over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from api.service import Service
from api.storage.tokens import create_token
from tests.api.rest.conftest import READOUT


def _feed(client: TestClient, limit: int = 100) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cursor = ""
    while True:
        page = client.get("/api/v1/changes", params={"after": cursor, "limit": limit})
        assert page.status_code == 200, page.text
        assert page.headers["cache-control"] == "no-cache"
        body = page.json()
        cursor = body["next_cursor"]
        if not body["data"]:
            return items
        items.extend(body["data"])


def test_the_feed_lists_the_seeds_then_an_http_ingest_by_token(client: TestClient) -> None:
    seeds = _feed(client, limit=7)
    assert [item["seq"] for item in seeds] == list(range(1, len(seeds) + 1))
    listed = client.get("/api/v1/meetings", params={"limit": 100}).json()["data"]
    assert {item["meeting_id"] for item in seeds} == {m["id"] for m in listed}
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    token = create_token(service.engine, "newsroom", "ingest")
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "k-1"}
    assert client.post("/api/v1/readouts", json=READOUT, headers=headers).status_code == 201
    assert client.post("/api/v1/readouts", json=READOUT, headers=headers).status_code == 201
    after = _feed(client)
    assert len(after) == len(seeds) + 1  # the same key twice: one change
    (audit,) = service.repository.audit_of(str(after[-1]["meeting_id"]))[-1:]
    assert audit.actor == "newsroom" and audit.action == "updated"
    assert str(after[-1]["at"]).endswith("Z")


def test_an_empty_feed_gives_back_its_cursor(empty: TestClient) -> None:
    first = empty.get("/api/v1/changes").json()
    assert first["data"] == []
    again = empty.get("/api/v1/changes", params={"after": first["next_cursor"]}).json()
    assert again == first


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"after": "nope"}, "cursor"),
        ({"limit": "0"}, "limit"),
        ({"limit": "x"}, "limit"),
        ({"since": "1"}, "since"),
    ],
)
def test_bad_feed_parameters_are_400(empty: TestClient, params: dict[str, str], named: str) -> None:
    response = empty.get("/api/v1/changes", params=params)
    assert response.status_code == 400 and named in response.json()["detail"]


def test_updated_since_is_a_meeting_filter_over_rest(client: TestClient) -> None:
    everything = client.get("/api/v1/meetings", params={"limit": 100, "total": "true"}).json()
    past = client.get("/api/v1/meetings", params={"updated_since": "2000-01-01", "total": "true"})
    assert past.json()["total"] == everything["total"]
    future = client.get("/api/v1/meetings", params={"updated_since": "2999-01-01T00:00:00Z"})
    assert future.json()["data"] == []
    bad = client.get("/api/v1/meetings", params={"updated_since": "yesterday"})
    assert bad.status_code == 400 and "updated_since" in bad.json()["detail"]


@pytest.mark.parametrize("number", ["0.5", "1700000000", "-1e-07"])
def test_a_number_is_no_instant_for_updated_since(client: TestClient, number: str) -> None:
    response = client.get("/api/v1/meetings", params={"updated_since": number})
    assert response.status_code == 400
    assert f"query parameter updated_since='{number}'" in response.json()["detail"]
