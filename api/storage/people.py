"""Reading people: listings by name or country, one person by any spelling, the names a
filter term could mean, and whom a person met."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.errors import NotFound
from api.filters import PeopleFilter, PeoplePage, PersonCursor
from api.models import Person, PersonRef
from api.names import name_key
from api.results import Counterpart, PersonPage
from api.storage import tables as t
from api.storage.lookup import people_for_terms
from api.storage.rows import person_from_rows

__all__ = ["PeopleReads", "fetch_people"]


class PeopleReads:
    """The people queries of `api.storage.repository.Repository`."""

    engine: Engine

    def list_people(self, selection: PeopleFilter, page: PeoplePage) -> PersonPage:
        """People ordered by id, optionally whose name contains `q` or from `country`;
        a `q` with no letters or digits matches no one."""
        key = name_key(selection.q) if selection.q is not None else None
        if key == "":
            return PersonPage(items=[], next_cursor=None)
        query = sa.select(t.people.c.id).order_by(t.people.c.id).limit(page.limit + 1)
        if key is not None:
            matching = sa.select(t.person_names.c.person_id).where(
                t.person_names.c.name_key.contains(key, autoescape=True)
            )
            query = query.where(t.people.c.id.in_(matching))
        if selection.country is not None:
            query = query.where(t.people.c.country_code == selection.country)
        if page.after is not None:
            query = query.where(t.people.c.id > page.after.id)
        with self.engine.connect() as connection:
            ids = list(connection.scalars(query))
            people = fetch_people(connection, ids[: page.limit])
        more = len(ids) > page.limit
        next_cursor = PersonCursor(id=ids[page.limit - 1]).encode() if more else None
        return PersonPage(items=people, next_cursor=next_cursor)

    def get_person(self, id_or_name: str) -> Person:
        """A person by id or by any known spelling of their name; `NotFound` otherwise."""
        names = t.person_names.c
        by_name = sa.select(names.person_id).where(names.name_key == name_key(id_or_name))
        query = sa.select(t.people.c.id).where(
            sa.or_(t.people.c.id == id_or_name, t.people.c.id.in_(by_name))
        )
        with self.engine.connect() as connection:
            ids = list(connection.scalars(query.order_by(t.people.c.id).limit(2)))
            if id_or_name in ids:
                ids = [id_or_name]
            people = fetch_people(connection, ids[:1])
        if not people:
            raise NotFound(f"no person with id or name {id_or_name!r}")
        return people[0]

    def match_people(
        self, ids: Sequence[str], keys: Sequence[str]
    ) -> list[tuple[str, int, str, str]]:
        """(key, level, person id, name) of the people `ids` and name keys `keys` could mean
        (see `api.storage.lookup`): one statement, for the resolver of person names."""
        with self.engine.connect() as connection:
            query, params = people_for_terms(ids, [k for k in keys if k])
            rows = connection.execute(query, params).all()
        return [(key, level, person_id, name) for key, level, person_id, name in rows]

    def counterparts(self, person_id: str) -> list[Counterpart]:
        """People from other countries whom `person_id` met, most frequent first."""
        me, other = t.participants.alias("me"), t.participants.alias("other")
        meetings_count = sa.func.count(sa.distinct(other.c.meeting_id))
        last = sa.func.max(t.meetings.c.date)
        query = (
            sa.select(
                other.c.person_id,
                t.people.c.name,
                t.people.c.country_code,
                meetings_count,
                sa.func.min(t.meetings.c.date),
                last,
            )
            .join(me, sa.and_(me.c.meeting_id == other.c.meeting_id))
            .join(t.meetings, t.meetings.c.id == other.c.meeting_id)
            .join(t.people, t.people.c.id == other.c.person_id)
            .where(
                me.c.person_id == person_id,
                other.c.country_code != me.c.country_code,
                t.meetings.c.retracted_at.is_(None),
            )
            .group_by(other.c.person_id, t.people.c.name, t.people.c.country_code)
            .order_by(meetings_count.desc(), last.desc(), other.c.person_id)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            Counterpart(
                person=PersonRef(id=pid, name=name),
                country_code=code,
                meetings=count,
                first_date=first,
                last_date=last_date,
            )
            for pid, name, code, count, first, last_date in rows
        ]

    def people_by_ids(self, ids: Sequence[str]) -> list[Person | None]:
        """The people with `ids`, in the same order; None where an id is unknown."""
        with self.engine.connect() as connection:
            found = {person.id: person for person in fetch_people(connection, list(set(ids)))}
        return [found.get(person_id) for person_id in ids]


def fetch_people(connection: sa.Connection, ids: list[str]) -> list[Person]:
    """People with `ids` (in that order), with names and positions: three statements."""
    if not ids:
        return []
    rows = {
        row["id"]: row
        for row in connection.execute(sa.select(t.people).where(t.people.c.id.in_(ids))).mappings()
    }
    names = _by_person(connection, t.person_names, ids)
    positions = _by_person(connection, t.positions, ids)
    return [person_from_rows(rows[i], names[i], positions[i]) for i in ids if i in rows]


def _by_person(connection: sa.Connection, table: sa.Table, ids: list[str]) -> dict[str, list[Any]]:
    """The rows of a person's list table (names, positions) for `ids`, by person, in `seq`
    order: one statement."""
    query = (
        sa.select(table).where(table.c.person_id.in_(ids)).order_by(table.c.person_id, table.c.seq)
    )
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in connection.execute(query).mappings():
        grouped[row["person_id"]].append(row)
    return grouped
