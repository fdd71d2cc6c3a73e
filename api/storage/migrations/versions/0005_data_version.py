"""data version: a counter every write to meetings, participants or topics moves

Revision ID: 0005
Revises: 0004

Caches of aggregates over the whole dataset (the web page's facet counts) are keyed by
this number: reading it is one primary-key lookup, and triggers move it in the same
transaction as the write, whichever code path writes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TABLES = ("meetings", "participants", "meeting_topics")
_BUMP = "UPDATE data_version SET version = version + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_data_version"),
    )
    op.execute("INSERT INTO data_version (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION readouts_bump_data_version() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$ BEGIN {_BUMP}; RETURN NULL; END $$"
        )
        for table in _TABLES:
            op.execute(
                f"CREATE TRIGGER tr_{table}_data_version AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION readouts_bump_data_version()"
            )
        return
    for table in _TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER tr_{table}_{event.lower()}_data_version AFTER {event} "
                f"ON {table} BEGIN {_BUMP}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _TABLES:
            op.execute(f"DROP TRIGGER tr_{table}_data_version ON {table}")
        op.execute("DROP FUNCTION readouts_bump_data_version()")
    else:
        for table in _TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER tr_{table}_{event}_data_version")
    op.drop_table("data_version")
