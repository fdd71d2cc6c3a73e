"""The migrations build exactly the tables the code declares, on both engines."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from api.config import Settings
from api.service import Service
from api.storage import tables as t
from api.storage.engine import create_engine, prepare_database
from api.storage.loading import load_paths
from api.storage.repository import Repository
from api.storage.tables import metadata
from api.vocabulary import SEEDS_DIR

MIGRATIONS = Path(t.__file__).resolve().parent / "migrations"


def test_migrated_schema_matches_the_tables(service: Service) -> None:
    with service.engine.connect() as connection, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # expression indexes cannot be reflected on SQLite
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    # The full-text indexes (FTS5 table, GIN expression index) live outside the metadata.
    full_text = ("meetings_fts", "ix_meetings_search_text")
    assert [d for d in diff if not any(name in str(d) for name in full_text)] == []


def test_meetings_stored_before_the_feed_get_created_changes(settings: Settings) -> None:
    """A database at 0006 with meetings but no changes: 0007 lists each meeting once."""
    engine = create_engine(settings.database_url or "")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    prepare_database(engine)  # countries filled in, then back to 0006
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    load_paths(engine, [SEEDS_DIR])
    with engine.begin() as connection:
        connection.execute(sa.delete(t.changes))  # as 0006 left them: nothing recorded
    prepare_database(engine)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(t.changes.c.seq, t.changes.c.actor, t.changes.c.action).order_by(
                t.changes.c.seq
            )
        ).all()
        stored = connection.execute(sa.select(sa.func.count()).select_from(t.meetings))
        count = stored.scalar_one()
    assert [r.seq for r in rows] == list(range(1, count + 1))
    assert {(r.actor, r.action) for r in rows} == {("migration", "created")}
    listed = Repository(engine).list_changes(0, 100)
    assert [c.seq for c in listed] == list(range(1, count + 1))
    assert all(isinstance(c.at, dt.datetime) for c in listed)
    prepare_database(engine)  # at head: nothing more
    with engine.connect() as connection:
        again = connection.execute(sa.select(sa.func.count()).select_from(t.changes))
        assert again.scalar_one() == count
    engine.dispose()
