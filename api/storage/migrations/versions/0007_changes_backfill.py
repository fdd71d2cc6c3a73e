"""the changes feed starts complete: one `created` change per meeting stored before it

Revision ID: 0007
Revises: 0006

Databases migrated to 0006 before writes recorded their changes hold meetings the feed
never listed; a follower starting from the beginning would miss them. When `changes` is
empty, every stored meeting gets a `created` change (actor `migration`, in the order the
meetings were stored, `before` and `after` null: the meeting is read from the API).
A database that already records changes is left as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        sa.text(
            "INSERT INTO changes (seq, at, actor, action, meeting_id, before, after) "
            "SELECT ROW_NUMBER() OVER (ORDER BY pk), CURRENT_TIMESTAMP, 'migration', "
            "'created', id, NULL, NULL FROM meetings "
            "WHERE NOT EXISTS (SELECT 1 FROM changes)"
        )
    )


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM changes WHERE actor = 'migration'"))
