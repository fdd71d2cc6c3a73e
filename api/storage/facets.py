"""Facet counts of a selection, cached until the data changes.

The web page's filter form shows, for the current selection, how many meetings have each
year and kind, setting, participant country, person, topic and occasion. All of them come
from one SQL statement. Over a large dataset that statement reads every row, so results
are kept in a `FacetCache` keyed by the selection and the database's *data version*: a
counter that triggers (migration 0005) move in the same transaction as every write to
meetings, participants or topics. A request then costs one primary-key lookup for the
version, and the counts are recomputed only after a write, by whichever code path wrote.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from api.filters import MeetingFilter
from api.results import Bucket
from api.storage import tables as t

__all__ = ["FACETS", "FacetCache", "FacetCounts", "data_version", "facet_counts"]

FACETS = ("year", "kind", "setting", "country", "person", "topic", "occasion")
"""The facets, in the order the page shows them."""

TOP = 12
"""At most this many values of the long facets (country, person, topic, occasion)."""


@dataclass(frozen=True)
class FacetCounts:
    """Counts of one selection: the total, year × kind cells, and each facet's buckets."""

    total: int
    year_kind: list[tuple[int, str, int]]
    """(year, kind, meetings) for every non-empty cell, by year then kind."""
    buckets: dict[str, list[Bucket]]
    """For each name of `FACETS`: values with counts, most frequent first (years in order)."""
    labels: dict[str, str] = field(default_factory=dict)
    """Display names of the person and topic keys."""


def data_version(connection: sa.Connection) -> int:
    """The current data version (0 on a database written before migration 0005)."""
    value = connection.execute(
        sa.select(t.data_version.c.version).where(t.data_version.c.id == 1)
    ).scalar()
    return int(value or 0)


def facet_counts(
    connection: sa.Connection, conditions: list[sa.ColumnElement[bool]], top: int = TOP
) -> FacetCounts:
    """The facets of the meetings matching `conditions` (on `meetings`): one statement."""
    m, p, mt = t.meetings.c, t.participants.c, t.meeting_topics.c
    chosen = [p.meeting_id.in_(sa.select(m.id).where(*conditions))] if conditions else []
    chosen_topics = [mt.meeting_id.in_(sa.select(m.id).where(*conditions))] if conditions else []
    year = sa.cast(sa.extract("year", m.date), sa.Integer)
    n = sa.func.count()
    text = sa.Text()

    def branch(name: str, key: Any, label: Any, count: Any, query: Any, limit: int | None) -> Any:
        query = query.add_columns(
            sa.literal(name, text).label("facet"),
            sa.cast(key, text).label("key"),
            sa.cast(label, text).label("label"),
            count.label("n"),
        )
        if limit is not None:
            query = query.order_by(count.desc(), key).limit(limit)
        sub = query.subquery()
        return sa.select(sub.c.facet, sub.c.key, sub.c.label, sub.c.n)

    meetings = sa.select().select_from(t.meetings).where(*conditions)
    # Distinct (value, meeting) pairs first, then a plain count: on PostgreSQL this is
    # about twice as fast as count(DISTINCT meeting_id) per group.
    pairs = (
        sa.select(p.country_code, p.meeting_id)
        .where(*chosen)
        .group_by(p.country_code, p.meeting_id)
        .subquery()
    )
    topic_pairs = (
        sa.select(mt.topic_id, mt.meeting_id)
        .where(*chosen_topics)
        .group_by(mt.topic_id, mt.meeting_id)
        .subquery()
    )
    branches = [
        branch("year_kind", m.kind, year, n, meetings.group_by(year, m.kind), None),
        branch("setting", m.setting, sa.null(), n, meetings.group_by(m.setting), None),
        branch(
            "occasion",
            m.occasion,
            sa.null(),
            n,
            meetings.where(m.occasion.is_not(None)).group_by(m.occasion),
            top,
        ),
        branch(
            "country",
            pairs.c.country_code,
            sa.null(),
            n,
            sa.select().select_from(pairs).group_by(pairs.c.country_code),
            top,
        ),
        branch(
            "person",  # a person takes part in a meeting once (the model refuses twice)
            p.person_id,
            sa.func.max(t.people.c.name),
            n,
            sa.select()
            .select_from(t.participants.join(t.people, t.people.c.id == p.person_id))
            .where(*chosen)
            .group_by(p.person_id),
            top,
        ),
        branch(
            "topic",
            topic_pairs.c.topic_id,
            sa.func.max(t.topics.c.label),
            n,
            sa.select()
            .select_from(topic_pairs.join(t.topics, t.topics.c.id == topic_pairs.c.topic_id))
            .group_by(topic_pairs.c.topic_id),
            top,
        ),
    ]
    rows = connection.execute(sa.union_all(*branches)).all()
    return _assemble(rows)


def _assemble(rows: Sequence[Any]) -> FacetCounts:
    buckets: dict[str, list[Bucket]] = {name: [] for name in FACETS}
    labels: dict[str, str] = {}
    cells: list[tuple[int, str, int]] = []
    for facet, key, label, count in rows:
        if facet == "year_kind":
            cells.append((int(label), str(key), int(count)))
            continue
        buckets[facet].append(Bucket(key=str(key), count=int(count)))
        if label is not None:
            labels[str(key)] = str(label)
    cells.sort()
    years: dict[int, int] = {}
    kinds: dict[str, int] = {}
    for year, kind, count in cells:
        years[year] = years.get(year, 0) + count
        kinds[kind] = kinds.get(kind, 0) + count
    buckets["year"] = [Bucket(key=str(y), count=c) for y, c in sorted(years.items())]
    buckets["kind"] = [
        Bucket(key=k, count=c) for k, c in sorted(kinds.items(), key=lambda kc: (-kc[1], kc[0]))
    ]
    for name in ("setting", "country", "person", "topic", "occasion"):
        buckets[name].sort(key=lambda b: (-b.count, b.key))
    return FacetCounts(total=sum(years.values()), year_kind=cells, buckets=buckets, labels=labels)


class FacetCache:
    """Facet counts by (selection, data version), the `size` most recently used kept.

    Safe to share between threads; stale entries simply stop being asked for and age out.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[str, int], FacetCounts] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        connection: sa.Connection,
        selection: MeetingFilter,
        conditions: Callable[[], list[sa.ColumnElement[bool]]],
    ) -> FacetCounts:
        """The counts of `selection`: from the cache when nothing was written since, else
        computed from `conditions()` (called only then) and kept."""
        key = (selection.model_dump_json(), data_version(connection))
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        counts = facet_counts(connection, conditions())
        with self._lock:
            self._entries[key] = counts
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return counts
