"""The SQL for a `MeetingFilter` and a keyset page: the one place a filter becomes SQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from api.filters import Cursor, MeetingFilter, MeetingOrder
from api.names import name_key
from api.storage.search import matches_words
from api.storage.tables import (
    changes,
    meeting_topics,
    meetings,
    participants,
    people,
    person_names,
)

__all__ = [
    "SELECTIVE",
    "filter_conditions",
    "keyset_condition",
    "order_by",
    "people_matching",
    "search_words",
]


SELECTIVE = 5_000
"""Below this many participations, a person filter reads its rows and sorts them."""


def people_matching(terms: list[str]) -> sa.Select[Any]:
    """(matched term, person id, participations) for every person whose id or any known
    name is one of `terms`; the count tells the repository how selective the filter is."""
    by_id = sa.select(people.c.id.label("term"), people.c.id.label("person_id")).where(
        people.c.id.in_(terms)
    )
    by_name = sa.select(person_names.c.name_key, person_names.c.person_id).where(
        person_names.c.name_key.in_({name_key(term) for term in terms})
    )
    found = sa.union(by_id, by_name).subquery()
    participations = (
        sa.select(sa.func.count())
        .where(participants.c.person_id == found.c.person_id)
        .scalar_subquery()
    )
    return sa.select(found.c.term, found.c.person_id, participations)


def filter_conditions(
    selection: MeetingFilter, people_ids: Sequence[list[str]] = ()
) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on `meetings` that select exactly the meetings of `selection`
    (never a retracted one).

    `people_ids` holds, for each `selection.person` term, the ids it names (from
    `people_matching`): with known ids both engines plan from the participant index.
    """
    m = meetings.c
    conditions: list[sa.ColumnElement[bool]] = [m.retracted_at.is_(None)]
    if selection.date_from is not None:
        conditions.append(m.date >= selection.date_from)
    if selection.date_to is not None:
        conditions.append(m.date <= selection.date_to)
    if selection.kind:
        conditions.append(m.kind.in_([kind.value for kind in selection.kind]))
    if selection.setting:
        conditions.append(m.setting.in_([setting.value for setting in selection.setting]))
    if selection.occasion is not None:
        conditions.append(sa.func.lower(m.occasion) == selection.occasion.lower())
    if isinstance(selection.synthetic, bool):
        conditions.append(m.synthetic.is_(selection.synthetic))
    if selection.held_in:
        conditions.append(m.country_code.in_(selection.held_in))
    if selection.city:
        conditions.append(sa.func.lower(m.city).in_({city.lower() for city in selection.city}))
    if len(people_ids) != len(selection.person):
        raise ValueError("resolve each person term to ids first (see people_matching)")
    conditions.extend(_took_part_as(ids) for ids in people_ids)
    conditions.extend(_from_country(code) for code in selection.country)
    if selection.topic:
        conditions.append(
            m.id.in_(
                sa.select(meeting_topics.c.meeting_id).where(
                    meeting_topics.c.topic_id.in_(selection.topic)
                )
            )
        )
    if selection.updated_since is not None:
        conditions.append(
            m.id.in_(sa.select(changes.c.meeting_id).where(changes.c.at >= selection.updated_since))
        )
    if selection.q is not None:
        words = search_words(selection.q)
        conditions.append(matches_words(words) if words else sa.false())
    return conditions


def keyset_condition(cursor: Cursor) -> sa.ColumnElement[bool]:
    """Rows strictly after `cursor` in its order."""
    key = sa.tuple_(meetings.c.date, meetings.c.id)
    after = sa.tuple_(sa.literal(cursor.date, sa.Date), sa.literal(cursor.id))
    return key < after if cursor.order is MeetingOrder.DATE_DESC else key > after


def order_by(order: MeetingOrder, selective: bool = False) -> list[sa.UnaryExpression[Any]]:
    """ORDER BY for `order`, with the id as tie-breaker so keys are unique.

    For a `selective` filter (a person's meetings) the date index is hidden from the
    planner: reading the few matching rows and sorting them beats walking the whole date
    index backwards, which PostgreSQL otherwise picks for rare people it cannot estimate.
    """
    date: Any = sa.func.coalesce(meetings.c.date, meetings.c.date) if selective else meetings.c.date
    if order is MeetingOrder.DATE_DESC:
        return [date.desc(), meetings.c.id.desc()]
    return [date.asc(), meetings.c.id.asc()]


def search_words(text: str) -> list[str]:
    """The words of a text search, in the form kept in `meetings.search_text`."""
    return [word for word in name_key(text).split() if word]


def _took_part_as(ids: list[str]) -> sa.ColumnElement[bool]:
    if not ids:
        return sa.false()
    return meetings.c.id.in_(
        sa.select(participants.c.meeting_id).where(participants.c.person_id.in_(ids))
    )


def _from_country(code: str) -> sa.ColumnElement[bool]:
    return meetings.c.id.in_(
        sa.select(participants.c.meeting_id).where(participants.c.country_code == code)
    )
