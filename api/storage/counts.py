"""Counting the dataset: facets and stats of a selection, and the vocabularies (countries,
topics) with their meeting counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from api.filters import MeetingFilter
from api.models import Topic
from api.results import Bucket, CountryCount, MeetingStats, TopicCount
from api.storage import tables as t
from api.storage.facets import FacetCache, FacetCounts
from api.storage.meetings import conditions

__all__ = ["CountReads"]


class CountReads:
    """The counting queries of `api.storage.repository.Repository`."""

    engine: Engine

    def stats(self, selection: MeetingFilter) -> MeetingStats:
        """Facets of the selection: by year, kind, setting, principals' country pair, topic."""
        m = t.meetings.c
        year = sa.extract("year", m.date)
        with self.engine.connect() as connection:
            chosen = sa.select(m.id).where(*conditions(connection, selection)[0]).subquery()
            in_selection = m.id.in_(sa.select(chosen.c.id))

            def buckets(query: Any) -> list[Bucket]:
                return [Bucket(key=str(k), count=c) for k, c in connection.execute(query)]

            def by(column: Any) -> list[Bucket]:
                count = sa.func.count()
                query = sa.select(column, count).where(in_selection).group_by(column)
                return buckets(query.order_by(count.desc(), column))

            total = connection.execute(sa.select(sa.func.count()).where(in_selection)).scalar_one()
            by_year = buckets(
                sa.select(year, sa.func.count()).where(in_selection).group_by(year).order_by(year)
            )
            return MeetingStats(
                total=total,
                by_year=by_year,
                by_kind=by(m.kind),
                by_setting=by(m.setting),
                by_country_pair=buckets(_country_pairs(chosen)),
                by_topic=buckets(_topic_counts(chosen)),
            )

    def facets(self, selection: MeetingFilter, cache: FacetCache) -> FacetCounts:
        """Facet counts of the selection (year × kind, setting, country, person, topic,
        occasion): one statement while `cache` holds them, three at most when not."""
        with self.engine.connect() as connection:
            return cache.get(connection, selection, lambda: conditions(connection, selection)[0])

    def topic_names(self) -> list[tuple[str, str]]:
        """(id, label) of every topic of the vocabulary: one statement, no counts."""
        query = sa.select(t.topics.c.id, t.topics.c.label).order_by(t.topics.c.id)
        with self.engine.connect() as connection:
            return [(topic_id, label) for topic_id, label in connection.execute(query)]

    def countries(self) -> list[CountryCount]:
        """Countries with at least one participant, with their meeting counts."""
        p = t.participants.c
        count = sa.func.count(sa.distinct(p.meeting_id))
        query = (
            sa.select(t.countries.c.code, t.countries.c.name, count)
            .select_from(t.countries)
            .join(t.participants, p.country_code == t.countries.c.code)
            .where(p.meeting_id.not_in(_retracted()))
            .group_by(t.countries.c.code, t.countries.c.name)
            .order_by(t.countries.c.code)
        )
        with self.engine.connect() as connection:
            return [
                CountryCount(code=code, name=name, meetings=n)
                for code, name, n in connection.execute(query)
            ]

    def topics(self) -> list[TopicCount]:
        """Every topic of the vocabulary with the number of meetings about it."""
        count = sa.func.count(t.meeting_topics.c.meeting_id)
        query = (
            sa.select(t.topics, count)
            .select_from(t.topics)
            .outerjoin(
                t.meeting_topics,
                sa.and_(
                    t.meeting_topics.c.topic_id == t.topics.c.id,
                    t.meeting_topics.c.meeting_id.not_in(_retracted()),
                ),
            )
            .group_by(*t.topics.c)
            .order_by(t.topics.c.id)
        )
        with self.engine.connect() as connection:
            return [
                TopicCount(id=i, label=label, description=d, meetings=n)
                for i, label, d, n in connection.execute(query)
            ]

    def topics_by_ids(self, ids: Sequence[str]) -> list[Topic | None]:
        """The topics with `ids`, in the same order; None where an id is unknown. One statement."""
        if not ids:
            return []
        query = sa.select(t.topics).where(t.topics.c.id.in_(list(set(ids))))
        with self.engine.connect() as connection:
            found = {
                row["id"]: Topic.model_construct(
                    id=row["id"], label=row["label"], description=row["description"]
                )
                for row in connection.execute(query).mappings()
            }
        return [found.get(topic_id) for topic_id in ids]


def _retracted() -> sa.Select[Any]:
    """The ids of retracted meetings (few): counts leave them out."""
    query = sa.select(t.meetings.c.id).where(t.meetings.c.retracted_at.is_not(None))
    return query.correlate(None)


def _country_pairs(chosen: sa.Subquery) -> sa.Select[Any]:
    a, b = t.participants.alias("a"), t.participants.alias("b")
    pair = a.c.country_code + sa.literal("-") + b.c.country_code
    count = sa.func.count(sa.distinct(a.c.meeting_id))
    return (
        sa.select(pair, count)
        .join(b, b.c.meeting_id == a.c.meeting_id)
        .where(
            a.c.meeting_id.in_(sa.select(chosen.c.id)),
            a.c.role == "principal",
            b.c.role == "principal",
            a.c.country_code < b.c.country_code,
        )
        .group_by(a.c.country_code, b.c.country_code)
        .order_by(count.desc(), a.c.country_code, b.c.country_code)
    )


def _topic_counts(chosen: sa.Subquery) -> sa.Select[Any]:
    mt = t.meeting_topics.c
    count = sa.func.count()
    return (
        sa.select(mt.topic_id, count)
        .where(mt.meeting_id.in_(sa.select(chosen.c.id)))
        .group_by(mt.topic_id)
        .order_by(count.desc(), mt.topic_id)
    )
