"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL tests use the server named by READOUTS_TEST_POSTGRES_URL (default: the
machine's, postgresql://postgres@127.0.0.1:5432/test); each test gets its own schema,
dropped afterwards. Without a reachable server they are skipped, except under CI=true,
where they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from api.config import Settings
from api.service import Service, open_service
from api.storage.loading import load_paths
from api.vocabulary import SEEDS_DIR


def pytest_configure(config: pytest.Config) -> None:
    """Installed exporter plugins stay out of tests unless a test installs one itself
    (tests/exporters/plugin_fixtures.py rebuilds the registry with entry points)."""
    sys._readouts_no_entry_points = True  # type: ignore[attr-defined]
    # The default database lives in the user's data directory: no test may touch the real
    # one, whatever command it runs (a test that checks the default sets its own).
    os.environ["XDG_DATA_HOME"] = _DATA_HOME


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_DATA_HOME, ignore_errors=True)


_DATA_HOME = tempfile.mkdtemp(prefix="readouts-tests-data-")


POSTGRES_URL = os.environ.get(
    "READOUTS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ROOT = Path(__file__).resolve().parent.parent


def _postgres_reachable() -> bool:
    try:
        engine = sa.create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except sa.exc.OperationalError:
        return False
    return True


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    reachable = _postgres_reachable()
    if not reachable and os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL}; CI needs it")
    return reachable


@pytest.fixture
def postgres_url(postgres_available: bool) -> Iterator[str]:
    """A URL whose connections live in a new schema of the test server."""
    if not postgres_available:
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}")
    with postgres_schema() as url:
        yield url


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A new schema of the test server, dropped afterwards; a URL whose connections use it."""
    schema = f"readouts_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: an SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'readouts.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, data_dir=tmp_path / "data")


@pytest.fixture
def service(settings: Settings) -> Iterator[Service]:
    """A migrated, empty database."""
    service = open_service(settings)
    try:
        yield service
    finally:
        service.close()


@pytest.fixture
def seeded(service: Service) -> Service:
    """The database with the curated seeds loaded."""
    load_paths(service.engine, [SEEDS_DIR])
    return service


class StatementCounter:
    """Counts the SQL statements an engine runs while active."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.statements: list[str] = []

    def _record(self, *args: object) -> None:
        self.statements.append(str(args[2]))

    def __enter__(self) -> StatementCounter:
        sa.event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc: object) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._record)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements() -> type[StatementCounter]:
    return StatementCounter
