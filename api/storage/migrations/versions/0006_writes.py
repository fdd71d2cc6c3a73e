"""writes over the API: tokens, the audit log and changes feed, idempotency keys, retraction

Revision ID: 0006
Revises: 0005

- `tokens`: API tokens by name; only the SHA-256 of a token is kept, with its scope
  (`ingest`, `curate` or `admin`), when it was made and when it was revoked.
- `changes`: one row per write to a meeting (created, updated, retracted), numbered by
  `seq` inside the write transaction (which holds the write lock), so `seq` order is
  commit order; it records who wrote (a token's name, or `cli`), when, and the meeting
  before and after as JSON. It is both the audit log and the changes feed.
- `idempotency_keys`: an `Idempotency-Key` with its writer, a hash of the request it came
  with and the answer given, so the same request again gets the same answer.
- `meetings.retracted_at`, `meetings.retraction_reason`: a retracted meeting leaves
  listings and its URL answers 410 with the reason.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tokens",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(10), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_tokens_token_hash"),
    )
    op.create_table(
        "changes",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("meeting_id", sa.String(200), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_changes"),
    )
    op.create_index("ix_changes_meeting_id_seq", "changes", ["meeting_id", "seq"])
    op.create_index("ix_changes_at_meeting_id", "changes", ["at", "meeting_id"])
    op.create_table(
        "idempotency_keys",
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("actor", "key", name="pk_idempotency_keys"),
    )
    # ALTER TABLE ADD COLUMN on both engines: no table rebuild, the triggers stay.
    op.add_column("meetings", sa.Column("retracted_at", sa.DateTime(timezone=True)))
    op.add_column("meetings", sa.Column("retraction_reason", sa.Text()))


def downgrade() -> None:
    op.drop_column("meetings", "retraction_reason")
    op.drop_column("meetings", "retracted_at")
    op.drop_table("idempotency_keys")
    op.drop_index("ix_changes_at_meeting_id", table_name="changes")
    op.drop_index("ix_changes_meeting_id_seq", table_name="changes")
    op.drop_table("changes")
    op.drop_table("tokens")
