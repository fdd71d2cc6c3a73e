"""The migrations build exactly the tables the code declares, on both engines."""

from __future__ import annotations

import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from api.service import Service
from api.storage.tables import metadata


def test_migrated_schema_matches_the_tables(service: Service) -> None:
    with service.engine.connect() as connection, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # expression indexes cannot be reflected on SQLite
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    # The full-text indexes (FTS5 table, GIN expression index) live outside the metadata.
    full_text = ("meetings_fts", "ix_meetings_search_text")
    assert [d for d in diff if not any(name in str(d) for name in full_text)] == []
