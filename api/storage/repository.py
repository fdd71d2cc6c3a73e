"""Reading the dataset: meetings by filter and page, people, countries, topics, facets.

`Repository` is the one object the faces hold; its queries live by noun beside it
(`meetings`, `people`, `counts`, `provenance`). Every method runs a fixed number of SQL
statements, whatever the page size: a page of meetings with participants, people,
topics, sources, statements and outcomes is five statements, six with the total.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.storage import tables as t
from api.storage.changes import ChangeReads
from api.storage.counts import CountReads
from api.storage.meetings import MeetingReads, fetch_meetings
from api.storage.people import PeopleReads, fetch_people
from api.storage.provenance import ProvenanceReads

__all__ = ["Repository", "fetch_meetings", "fetch_people"]


class Repository(MeetingReads, PeopleReads, CountReads, ProvenanceReads, ChangeReads):
    """Queries over one database; safe to share between requests and threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def is_empty(self) -> bool:
        """True when the database holds no meeting yet."""
        with self.engine.connect() as connection:
            return connection.execute(sa.select(t.meetings.c.id).limit(1)).first() is None

    def ping(self) -> str | None:
        """None when the database answers; otherwise the kind of error it gave."""
        try:
            with self.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as error:
            return error.__class__.__name__
        return None

    def table_counts(self) -> dict[str, int]:
        """Rows per table, for health checks and reports."""
        with self.engine.connect() as connection:
            return {
                name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for name, table in t.metadata.tables.items()
            }
