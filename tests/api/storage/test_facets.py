"""Facet counts and the data version, on SQLite and PostgreSQL."""

from __future__ import annotations

from api.filters import MeetingFilter
from api.service import Service
from api.storage.facets import FacetCache, data_version
from api.storage.synth import generate
from tests.conftest import StatementCounter


def test_every_write_moves_the_data_version(seeded: Service) -> None:
    with seeded.engine.connect() as connection:
        before = data_version(connection)
    generate(seeded.engine, 3, seed=5)
    with seeded.engine.connect() as connection:
        after = data_version(connection)
    assert after > before > 0


def test_facets_agree_with_stats_and_are_cached_until_a_write(seeded: Service) -> None:
    generate(seeded.engine, 40, seed=2)
    cache = FacetCache()
    for selection in (
        MeetingFilter(),
        MeetingFilter(country=["PK"]),
        MeetingFilter(person=["Imran Khan"]),
    ):
        facets = seeded.repository.facets(selection, cache)
        stats = seeded.repository.stats(selection)
        assert facets.total == stats.total
        assert [(b.key, b.count) for b in facets.buckets["year"]] == [
            (b.key, b.count) for b in stats.by_year
        ]
        assert sorted((b.key, b.count) for b in facets.buckets["kind"]) == sorted(
            (b.key, b.count) for b in stats.by_kind
        )
        assert sorted((b.key, b.count) for b in facets.buckets["setting"]) == sorted(
            (b.key, b.count) for b in stats.by_setting
        )
        assert {(b.key, b.count) for b in facets.buckets["topic"]} <= {
            (b.key, b.count) for b in stats.by_topic
        }
    everything = MeetingFilter(synthetic="any")
    before = seeded.repository.facets(everything, cache)
    with StatementCounter(seeded.engine) as counter:
        cached = seeded.repository.facets(everything, cache)
    assert counter.count == 1 and "data_version" in counter.statements[0]
    assert cached == before
    generate(seeded.engine, 2, seed=9)
    assert seeded.repository.facets(everything, cache).total == cached.total + 2
