"""The service skeleton over real HTTP through the ASGI app: health, readiness, seeding."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from starlette.testclient import TestClient

from api.app import create_app
from api.config import Settings
from api.service import Service, open_service


def test_empty_database_is_seeded_on_start(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["status"] == "ok"
        counts = client.app.state.service.repository.table_counts()  # type: ignore[attr-defined]
    assert (counts["meetings"], counts["sources"], counts["people"]) == (4, 5, 7)


def test_seeds_are_not_loaded_twice(settings: Settings) -> None:
    with TestClient(create_app(settings)):
        pass
    with TestClient(create_app(settings)) as client:
        counts = client.app.state.service.repository.table_counts()  # type: ignore[attr-defined]
    assert counts["meetings"] == 4


def test_processes_starting_together_seed_once(settings: Settings) -> None:
    services = [open_service(settings) for _ in range(4)]
    start = threading.Barrier(4)

    def seed(service: Service) -> object:
        start.wait()  # all four read emptiness at once
        return service.load_seeds_if_empty()

    try:
        with ThreadPoolExecutor(4) as pool:
            reports = list(pool.map(seed, services))
        assert sum(report is not None for report in reports) == 1
        assert services[0].repository.table_counts()["meetings"] == 4
    finally:
        for service in services:
            service.close()


def test_the_root_says_where_everything_is(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        index = client.get("/").json()
        for path in (index["graphql"], index["docs"], index["openapi"], index["health"]):
            assert client.get(path).status_code == 200, path
