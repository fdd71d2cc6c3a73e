"""The web pages over real HTTP: a live uvicorn server per database and one Chromium.

Each module gets one server per database (SQLite file, PostgreSQL schema) holding the
seeds, the seed readout texts ingested (so meetings carry evidence) and 150 synthetic
meetings. Pages run in Debian's Chromium through playwright; any request to a host other
than the server's is aborted and fails the test.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from api.config import Settings
from api.ingest import ingest_paths
from api.service import open_service
from api.storage.loading import load_paths
from api.storage.synth import generate
from api.vocabulary import SEEDS_DIR
from tests.conftest import POSTGRES_URL, ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
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
    schema = f"readouts_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
        _fill(url, tmp_path_factory.mktemp("data"))
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


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
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "READOUTS_DATA_DIR": str(tmp_path_factory.mktemp("live")),
        "READOUTS_DATABASE_URL": web_database,
    }
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if process.poll() is not None:
                pytest.fail(f"the server exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"the server at {url} did not answer /healthz")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


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
