"""GraphQL types for aggregates: countries and topics with counts, facets of a selection.

Each derives from the read model (`api.results`) the repository returns for it.
"""

from __future__ import annotations

from api import results
from api.graphql.derive import derived
from api.graphql.types import TOPIC_DESCRIPTIONS

__all__ = ["Bucket", "CountryCount", "MeetingStats", "TopicCount"]


@derived(
    results.CountryCount,
    descriptions={
        "code": "ISO 3166-1 alpha-2 code.",
        "name": "English short name.",
        "meetings": "Meetings with a participant from it.",
    },
)
class CountryCount:
    pass


@derived(results.TopicCount, descriptions={**TOPIC_DESCRIPTIONS, "meetings": "Meetings about it."})
class TopicCount:
    pass


@derived(
    results.Bucket,
    descriptions={
        "key": "The facet value, e.g. a year or 'CN-PK'.",
        "count": "Meetings that have it.",
    },
)
class Bucket:
    pass


@derived(
    results.MeetingStats,
    descriptions={
        "total": "Meetings in the selection.",
        "by_year": "Counts by year, oldest first.",
        "by_kind": "Counts by kind, largest first.",
        "by_setting": "Counts by setting, largest first.",
        "by_topic": "Counts by topic id, largest first.",
    },
)
class MeetingStats:
    pass
