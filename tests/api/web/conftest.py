"""The web pages over real HTTP: a live uvicorn server per database and one Chromium.

Each module gets one server per database (SQLite file, PostgreSQL schema) holding the
seeds, the seed readout texts ingested (so meetings carry evidence) and 150 synthetic
meetings. Pages run in Debian's Chromium through playwright; any request to a host other
than the server's is aborted and fails the test.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from api.config import Settings
from api.ingest import ingest_paths
from api.service import open_service
from api.storage.loading import load_paths
from api.storage.synth import generate
from api.vocabulary import SEEDS_DIR
from tests.conftest import POSTGRES_URL, ROOT, postgres_schema
from tests.servers import app_server, chromium

TEXTS = ROOT / "tests" / "seeds" / "texts"
SYNTHETIC = 150
AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def web_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database with seeds, ingested texts and synthetic meetings; its URL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'readouts.sqlite3'}"
        _fill(url, tmp_path_factory.mktemp("data"))
        yield url
        return
    if not request.getfixturevalue("postgres_available"):
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}")
    with postgres_schema() as url:
        _fill(url, tmp_path_factory.mktemp("data"))
        yield url


def _fill(url: str, data_dir: Path) -> None:
    service = open_service(Settings(database_url=url, data_dir=data_dir))
    try:
        load_paths(service.engine, [SEEDS_DIR])
        ingest_paths(service.engine, [TEXTS])
        generate(service.engine, SYNTHETIC, seed=7)
    finally:
        service.close()


@pytest.fixture(scope="module")
def server(web_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`readouts`' app in a real uvicorn process on that database; its base URL."""
    data_dir = str(tmp_path_factory.mktemp("live"))
    env = {"READOUTS_DATA_DIR": data_dir, "READOUTS_DATABASE_URL": web_database}
    with app_server(env) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    with chromium() as launched:
        yield launched


class Offsite:
    """Requests the page tried to send to another host (all of them aborted)."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.blocked: list[str] = []

    def route(self, route: Any) -> None:
        if urlsplit(route.request.url).hostname == self.host:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


@contextlib.contextmanager
def open_context(browser: Any, server: str, **options: Any) -> Iterator[Any]:
    """A browser context that only reaches `server`; fails the test on any other host."""
    offsite = Offsite(str(urlsplit(server).hostname))
    context = browser.new_context(base_url=server, accept_downloads=True, **options)
    context.route("**/*", offsite.route)
    context.set_default_timeout(20_000)
    try:
        yield context
    finally:
        context.close()
    assert offsite.blocked == [], f"requests to other hosts: {offsite.blocked}"


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A desktop page that reaches only the app."""
    with open_context(browser, server, viewport={"width": 1280, "height": 900}) as context:
        yield context.new_page()
