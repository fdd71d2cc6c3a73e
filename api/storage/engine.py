"""Engines for SQLite and PostgreSQL, and bringing a database up to date.

SQLite is the default: a file under the data directory, in WAL mode with foreign keys on
and a busy timeout. PostgreSQL is used through psycopg 3 when a URL names it. Both run
the same Alembic migrations, applied automatically by `prepare_database`.

A SQLite file that cannot be written (a read-only file, directory or file system) opens
read-only: reads work as usual, `prepare_database` only checks that no migration is
pending, and `write_transaction` raises `ReadOnly` naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from api.countries import all_countries
from api.errors import Busy, InvalidInput, ReadOnly, StorageFull
from api.storage.tables import countries, metadata

__all__ = [
    "analyze",
    "create_engine",
    "database_exists",
    "display_url",
    "is_postgres",
    "is_read_only",
    "migration_level",
    "prepare_database",
    "write_transaction",
]

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATION_LOCK = 7_406_001  # pg_advisory_lock key: one process migrates at a time
_WRITE_LOCK = 7_406_002  # pg_advisory_xact_lock key of write_transaction
_WRITE_WAIT = 600.0  # seconds an SQLite writer waits for the lock before giving up
_SQLITE_FULL = 13  # sqlite3 result code: database or disk is full
_SQLITE_READONLY = 8  # sqlite3 result code: attempt to write a readonly database
_READ_ONLY = "readouts_read_only"  # engine execution option set on a read-only SQLite file


def create_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite the file's directory is created and pragmas set.
    `InvalidInput` for a URL of another kind of database."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    if not url.startswith("postgresql"):
        raise InvalidInput(
            f"READOUTS_DATABASE_URL={url!r} is not a database readouts can use; give "
            "postgresql://user@host:5432/db, or leave it unset for SQLite"
        )
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def display_url(url: str) -> str:
    """`url` as it may be printed: the file of a SQLite database, any password hidden."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def database_exists(url: str) -> bool:
    """False when `url` names a SQLite file that is not there yet (a server: True)."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return True
    return Path(parsed.database).is_file()


def migration_level(engine: Engine) -> tuple[str | None, str | None]:
    """The database's Alembic revision (None before the first migration) and the newest."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision(), head


def is_postgres(engine: Engine) -> bool:
    """True when `engine` talks to PostgreSQL."""
    return engine.dialect.name == "postgresql"


def is_read_only(engine: Engine) -> bool:
    """True for a SQLite file opened read-only because it cannot be written."""
    return bool(engine.get_execution_options().get(_READ_ONLY))


def prepare_database(engine: Engine) -> None:
    """Apply pending migrations and make sure the country table is complete; on a
    read-only database, `ReadOnly` when a migration is pending (nothing to do otherwise)."""
    if is_read_only(engine):
        current, head = migration_level(engine)
        if current != head:
            raise ReadOnly(
                f"the database {_name(engine)} is read-only and its schema is at "
                f"{current or 'nothing'}, older than this version's {head}: open it once "
                "with write access (for example `readouts info`) to migrate it"
            )
        return
    with engine.begin() as connection:
        if is_postgres(engine):
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
            )
        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        _sync_countries(connection)


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[sa.Connection]:
    """A transaction that holds the database's write lock from its first statement, so
    what it reads cannot change before it commits: `BEGIN IMMEDIATE` on SQLite, a
    transaction-scoped advisory lock on PostgreSQL (one such transaction at a time across
    every process sharing the database). Commits on success, rolls back on error.

    A writer waits for the one before it however long that one takes (on SQLite, up to
    `_WRITE_WAIT` seconds, then `Busy`), never failing with "database is locked".

    A full database or disk (SQLITE_FULL, ENOSPC, PostgreSQL's disk-full) rolls back and
    raises `StorageFull` naming the database and the way out; a read-only one raises
    `ReadOnly` before anything starts."""
    if is_read_only(engine):
        raise _read_only(engine)
    try:
        with engine.begin() as connection:
            if is_postgres(engine):
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK}
                )
            else:
                _begin_immediate(connection)
            yield connection
    except (sa.exc.OperationalError, OSError) as error:
        if _code(error) == _SQLITE_READONLY:
            raise _read_only(engine) from None
        if not _is_full(error):
            raise
        raise StorageFull(
            f"the database {_name(engine)} is full (no room left "
            "on its disk, or its size limit is reached); nothing was written: free space "
            "and run the command again"
        ) from None


def _name(engine: Engine) -> str:
    return display_url(engine.url.render_as_string())


def _read_only(engine: Engine) -> ReadOnly:
    return ReadOnly(
        f"the database {_name(engine)} is read-only (its file, folder or file system cannot "
        "be written); nothing was written: reads work, writes need write access to it"
    )


def _code(error: BaseException) -> int | None:
    """The SQLite result code behind `error`, if any (extended codes reduced to primary)."""
    code = getattr(getattr(error, "orig", error), "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _is_full(error: BaseException) -> bool:
    """True for an error that says the database or its disk is full."""
    orig = getattr(error, "orig", error)
    if _code(error) == _SQLITE_FULL:
        return True
    if getattr(orig, "sqlstate", None) == "53100":  # PostgreSQL disk_full
        return True
    return getattr(orig, "errno", None) == errno.ENOSPC


def _begin_immediate(connection: sa.Connection) -> None:
    """pysqlite begins transactions lazily; an explicit BEGIN IMMEDIATE takes the write
    lock now (the driver's commit or rollback ends it). Each attempt waits the busy
    timeout; attempts repeat while another writer holds the lock."""
    deadline = time.monotonic() + _WRITE_WAIT
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except sa.exc.OperationalError as error:
            if "locked" not in str(error.orig) and "busy" not in str(error.orig):
                raise
            if time.monotonic() > deadline:
                raise Busy(
                    f"another process has held the database's write lock for more than "
                    f"{_WRITE_WAIT:g} s; try again when it has finished"
                ) from None


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics of our tables after a large write. Naming them
    keeps a PostgreSQL ANALYZE out of other schemas of the same database (a bare ANALYZE
    visits every table there, and can deadlock with another one running beside it)."""
    tables = ", ".join(table.name for table in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(sa.text(f"ANALYZE {tables}" if is_postgres(engine) else "ANALYZE"))


def _sync_countries(connection: sa.Connection) -> None:
    present = set(connection.scalars(sa.select(countries.c.code)))
    missing = [
        {"code": country.code, "name": country.name}
        for country in all_countries()
        if country.code not in present
    ]
    if missing:
        connection.execute(countries.insert(), missing)


def _sqlite_engine(url: str) -> Engine:
    database = sa.make_url(url).database
    if not database or database == ":memory:":
        return _pragmas(sa.create_engine(url, connect_args={"check_same_thread": False}))
    path = Path(database)
    folder_writable = _writable(path.parent)
    if path.is_file() and not (folder_writable and os.access(path, os.W_OK)):
        return _read_only_engine(url, path, immutable=not folder_writable)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(
            f"cannot create the database folder {path.parent}: {error.strerror}; set "
            "READOUTS_DATA_DIR (or READOUTS_DATABASE_URL) to a place that can be written"
        ) from None
    if not path.is_file() and not _writable(path.parent):
        raise InvalidInput(
            f"cannot create the database {path}: its folder cannot be written; set "
            "READOUTS_DATA_DIR (or READOUTS_DATABASE_URL) to a place that can be written"
        )
    return _pragmas(sa.create_engine(url, connect_args={"check_same_thread": False}))


def _writable(folder: Path) -> bool:
    """True when files can be created in `folder` (or in the nearest folder above it that
    exists, where `folder` is still to be made); access(2) says so for read-only mounts too."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK | os.X_OK)


def _read_only_engine(url: str, path: Path, immutable: bool) -> Engine:
    """An engine that opens `path` read-only; `immutable` where its folder cannot be
    written either (SQLite then needs no -shm or -wal file beside it)."""
    wal = path.with_name(path.name + "-wal")
    if immutable and wal.is_file() and wal.stat().st_size > 0:
        raise ReadOnly(
            f"the database {path} is read-only and holds writes not yet merged into it "
            f"({wal.name}); open it once with write access (for example `readouts info`) "
            "to merge them"
        )
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = sa.create_engine(url, creator=connect).execution_options(**{_READ_ONLY: True})

    @sa.event.listens_for(engine, "connect")
    def _read_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    return engine


def _pragmas(engine: Engine) -> Engine:
    """`engine` with the pragmas every writable SQLite connection gets."""

    @sa.event.listens_for(engine, "connect")
    def _set(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine
