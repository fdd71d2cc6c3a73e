"""person search keys (every word-boundary suffix of every name), meetings by city

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from api.names import search_keys

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    key_text = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
    keys = op.create_table(
        "person_keys",
        sa.Column("key", key_text, nullable=False),
        sa.Column("person_id", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name="fk_person_keys_person_id_people",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "person_id", name="pk_person_keys"),
    )
    op.create_index("ix_meetings_city_lower", "meetings", [sa.text("lower(city)")])
    names = sa.table("person_names", sa.column("person_id"), sa.column("seq"), sa.column("name"))
    by_person: dict[str, list[str]] = {}
    query = sa.select(names.c.person_id, names.c.name).order_by(names.c.person_id, names.c.seq)
    for person_id, name in op.get_bind().execute(query):
        by_person.setdefault(person_id, []).append(name)
    rows = [
        {"key": key, "person_id": person_id}
        for person_id, person_names in by_person.items()
        for key in search_keys(person_names)
        if key
    ]
    if rows:
        op.bulk_insert(keys, rows)


def downgrade() -> None:
    op.drop_index("ix_meetings_city_lower", table_name="meetings")
    op.drop_table("person_keys")
