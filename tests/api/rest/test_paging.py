"""Cursor paging over HTTP: every meeting once while rows arrive; bounded SQL per request."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from api.service import Service
from api.storage.synth import generate
from tests.conftest import StatementCounter


def test_following_next_cursor_visits_each_meeting_once_while_rows_are_inserted(
    client: TestClient, seeded: Service
) -> None:
    generate(seeded.engine, 2_000, seed=7)
    with seeded.engine.connect() as connection:
        before = {row[0] for row in connection.exec_driver_sql("SELECT id FROM meetings")}
    seen: list[str] = []
    url: str | None = "/api/v1/meetings?limit=100&synthetic=true"
    pages = 0
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        seen.extend(item["id"] for item in body["data"])
        pages += 1
        if pages == 5:  # new rows land before and after the walk's position
            generate(seeded.engine, 300, seed=8)
        url = (
            body["next_cursor"]
            and f"/api/v1/meetings?limit=100&synthetic=true&cursor={body['next_cursor']}"
        )
    assert len(seen) == len(set(seen))
    synthetic_before = {i for i in before if i.startswith("synth-")}
    assert synthetic_before <= set(seen)


def test_statements_per_page_do_not_grow_with_the_page_size(
    client: TestClient, seeded: Service, count_statements: type[StatementCounter]
) -> None:
    generate(seeded.engine, 300, seed=3)
    counts = []
    for limit in (1, 100):
        with count_statements(seeded.engine) as counter:
            response = client.get(f"/api/v1/meetings?limit={limit}&synthetic=any")
        assert response.status_code == 200
        assert len(response.json()["data"]) == limit
        counts.append(counter.count)
    assert counts[0] == counts[1] <= 6


@pytest.mark.parametrize(
    "path", ["/api/v1/meetings", "/api/v1/people", "/api/v1/people/imran-khan/meetings"]
)
def test_an_empty_cursor_is_the_first_page(client: TestClient, path: str) -> None:
    first = client.get(path, params={"limit": 2})
    empty = client.get(path, params={"limit": 2, "cursor": ""})
    assert empty.status_code == 200, empty.text
    assert empty.json()["data"] == first.json()["data"]
    assert empty.json()["data"]
