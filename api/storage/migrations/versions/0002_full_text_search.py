"""full-text search: FTS5 on SQLite, a GIN index on PostgreSQL

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    "CREATE VIRTUAL TABLE meetings_fts USING fts5(search_text, content='meetings', "
    "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN "
    "INSERT INTO meetings_fts(rowid, search_text) VALUES (new.pk, new.search_text); END",
    "CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN "
    "INSERT INTO meetings_fts(meetings_fts, rowid, search_text) "
    "VALUES ('delete', old.pk, old.search_text); END",
    "CREATE TRIGGER meetings_fts_update AFTER UPDATE ON meetings BEGIN "
    "INSERT INTO meetings_fts(meetings_fts, rowid, search_text) "
    "VALUES ('delete', old.pk, old.search_text); "
    "INSERT INTO meetings_fts(rowid, search_text) VALUES (new.pk, new.search_text); END",
    "INSERT INTO meetings_fts(meetings_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER meetings_fts_update",
    "DROP TRIGGER meetings_fts_delete",
    "DROP TRIGGER meetings_fts_insert",
    "DROP TABLE meetings_fts",
]
_POSTGRES_UP = [
    "CREATE INDEX ix_meetings_search_text ON meetings "
    "USING gin (to_tsvector('simple', search_text))",
]
_POSTGRES_DOWN = ["DROP INDEX ix_meetings_search_text"]


def upgrade() -> None:
    for statement in _POSTGRES_UP if _is_postgres() else _SQLITE_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in _POSTGRES_DOWN if _is_postgres() else _SQLITE_DOWN:
        op.execute(statement)


def _is_postgres() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")
