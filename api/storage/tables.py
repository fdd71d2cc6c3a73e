"""The database tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Every column a `MeetingFilter` field can select on has an index: date (with id, for
keyset pages), kind, setting, occasion, participants by person and by country, topics.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.sql.schema import SchemaItem

__all__ = [
    "changes",
    "conflicts",
    "countries",
    "data_version",
    "idempotency_keys",
    "meeting_topics",
    "meetings",
    "metadata",
    "outcomes",
    "participants",
    "people",
    "person_keys",
    "person_names",
    "positions",
    "source_evidence",
    "source_texts",
    "sources",
    "statements",
    "tokens",
    "topics",
]

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


def _owner(name: str, parent: str, primary_key: bool = False) -> sa.Column[str]:
    """The column naming the row of `parent` ("meetings.id") a child row belongs to: it
    goes when its parent goes."""
    return sa.Column(
        name,
        sa.String(200),
        sa.ForeignKey(parent, ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def _listed(name: str, owner: str, parent: str, *items: SchemaItem) -> sa.Table:
    """A child table of `parent` whose rows are a list, in `seq` order, keyed by their
    `owner` column and `seq`: a meeting's participants, a person's names, ..."""
    return sa.Table(
        name,
        metadata,
        _owner(owner, parent),
        sa.Column("seq", sa.Integer, nullable=False),
        *items,
        sa.PrimaryKeyConstraint(owner, "seq"),
    )


def _of_meeting(name: str, *items: SchemaItem) -> sa.Table:
    return _listed(name, "meeting_id", "meetings.id", *items)


def _of_person(name: str, *items: SchemaItem) -> sa.Table:
    return _listed(name, "person_id", "people.id", *items)


countries = sa.Table(
    "countries",
    metadata,
    sa.Column("code", sa.String(2), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
)

topics = sa.Table(
    "topics",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
)

people = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country_code", sa.String(2), sa.ForeignKey("countries.code"), nullable=False),
    sa.Column("synthetic", sa.Boolean, nullable=False, server_default=sa.false()),
)

person_names = _of_person(
    "person_names",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False, index=True),
)

# Every word-boundary suffix of every name key ("imran khan niazi", "khan niazi", "niazi"):
# a prefix of a key is a prefix of a name, surname or given name, found by an index range.
# Byte order ("C") on PostgreSQL so that a range is exactly a prefix, as on SQLite.
_KEY_TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
person_keys = sa.Table(
    "person_keys",
    metadata,
    sa.Column("key", _KEY_TEXT, nullable=False),
    _owner("person_id", "people.id"),
    sa.PrimaryKeyConstraint("key", "person_id"),
)

positions = _of_person(
    "positions",
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("start_date", sa.Date),
    sa.Column("end_date", sa.Date),
)

meetings = sa.Table(
    "meetings",
    metadata,
    # An integer key that never changes (SQLite's rowid), for the full-text index.
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(200), nullable=False, unique=True),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("date_precision", sa.String(10), nullable=False),
    sa.Column("time_of_day", sa.String(10)),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("setting", sa.String(20), nullable=False),
    sa.Column("city", sa.Text),
    sa.Column("country_code", sa.String(2), sa.ForeignKey("countries.code")),
    sa.Column("venue", sa.Text),
    sa.Column("occasion", sa.Text),
    sa.Column("initiated_by", sa.String(2), sa.ForeignKey("countries.code")),
    sa.Column("summary", sa.Text, nullable=False, server_default=""),
    sa.Column("synthetic", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("search_text", sa.Text, nullable=False, server_default=""),
    # Set when a curator retracts the meeting (migration 0006): it leaves listings.
    sa.Column("retracted_at", sa.DateTime(timezone=True)),
    sa.Column("retraction_reason", sa.Text),
    sa.Index("ix_meetings_date_id", "date", "id"),
    sa.Index("ix_meetings_kind_date_id", "kind", "date", "id"),
    sa.Index("ix_meetings_setting_date_id", "setting", "date", "id"),
    sa.Index("ix_meetings_synthetic_date_id", "synthetic", "date", "id"),
    sa.Index("ix_meetings_country_code", "country_code"),
    sa.Index("ix_meetings_occasion_lower", sa.func.lower(sa.text("occasion"))),
    sa.Index("ix_meetings_city_lower", sa.func.lower(sa.text("city"))),
)

participants = _of_meeting(
    "participants",
    sa.Column("person_id", sa.String(200), sa.ForeignKey("people.id"), nullable=False),
    sa.Column("country_code", sa.String(2), sa.ForeignKey("countries.code"), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("capacity", sa.Text),
    sa.Index("ix_participants_person_id_meeting_id", "person_id", "meeting_id"),
    sa.Index("ix_participants_country_code_meeting_id", "country_code", "meeting_id"),
)

meeting_topics = _of_meeting(
    "meeting_topics",
    sa.Column("topic_id", sa.String(200), sa.ForeignKey("topics.id"), nullable=False),
    sa.Index("ix_meeting_topics_topic_id_meeting_id", "topic_id", "meeting_id"),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    _owner("meeting_id", "meetings.id"),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("publisher", sa.Text, nullable=False),
    sa.Column("headline", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(20), nullable=False),
    sa.Column("document", sa.Text),
    sa.Index("ix_sources_meeting_id", "meeting_id"),
)

statements = _of_meeting(
    "statements",
    sa.Column("speaker_id", sa.String(200), sa.ForeignKey("people.id"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source_id", sa.String(200)),
    sa.Index("ix_statements_speaker_id", "speaker_id"),
)

outcomes = _of_meeting(
    "outcomes",
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("name", sa.Text),
    sa.Column("date", sa.Date),
)

source_texts = sa.Table(
    "source_texts",
    metadata,
    _owner("source_id", "sources.id", primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
)

source_evidence = _listed(
    "source_evidence",
    "source_id",
    "sources.id",
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

conflicts = _of_meeting(
    "conflicts",
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("kept", sa.Text),
    sa.Column("other", sa.Text),
    sa.Column("source_id", sa.String(200), nullable=False),
)


data_version = sa.Table(
    "data_version",
    metadata,
    # One row; triggers (migration 0005) add one on every write to meetings, participants
    # or meeting_topics, so caches of aggregates know when they are stale.
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.BigInteger, nullable=False),
)


tokens = sa.Table(
    "tokens",
    metadata,
    # Only the SHA-256 of a token is stored; the token itself is shown once, when made.
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("scope", sa.String(10), nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked", sa.DateTime(timezone=True)),
)

changes = sa.Table(
    "changes",
    metadata,
    # The audit log and the changes feed: `seq` is assigned under the write lock, so its
    # order is commit order. `before`/`after` are the meeting as JSON (null when absent).
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("meeting_id", sa.String(200), nullable=False),
    sa.Column("before", sa.Text),
    sa.Column("after", sa.Text),
    sa.Index("ix_changes_meeting_id_seq", "meeting_id", "seq"),
    sa.Index("ix_changes_at_meeting_id", "at", "meeting_id"),
)

idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    # A write's `Idempotency-Key`, per writer: the request's hash and the answer given.
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("status", sa.Integer, nullable=False),
    sa.Column("response", sa.Text, nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("actor", "key"),
)
