"""GraphQL types for aggregates: counterparts, countries and topics with counts, facets."""

from __future__ import annotations

import datetime as dt

import strawberry

from api import results
from api.graphql.context import Info
from api.graphql.types import Person, describe, present
from api.threads import run_heavy

__all__ = [
    "Bucket",
    "Counterpart",
    "CountryCount",
    "MeetingStats",
    "TopicCount",
    "counterparts",
]


@strawberry.type(description=results.Counterpart.__doc__)
class Counterpart:
    person: Person = strawberry.field(description="The person met.")
    country_code: str = strawberry.field(description="Their country (ISO alpha-2).")
    meetings: int = strawberry.field(description="How many meetings the two had.")
    first_date: dt.date = strawberry.field(description="Date of their first meeting.")
    last_date: dt.date = strawberry.field(description="Date of their latest meeting.")


@strawberry.type(description=results.CountryCount.__doc__)
class CountryCount:
    code: str = strawberry.field(description="ISO 3166-1 alpha-2 code.")
    name: str = strawberry.field(description="English short name.")
    meetings: int = strawberry.field(description="Meetings with a participant from it.")


@strawberry.type(description=results.TopicCount.__doc__)
class TopicCount:
    id: strawberry.ID = strawberry.field(description="Slug of the controlled vocabulary.")
    label: str = strawberry.field(description="Human-readable name of the topic.")
    description: str = strawberry.field(description="What the topic covers.")
    meetings: int = strawberry.field(description="Meetings about it.")


@strawberry.type(description=results.Bucket.__doc__)
class Bucket:
    key: str = strawberry.field(description="The facet value, e.g. a year or 'CN-PK'.")
    count: int = strawberry.field(description="Meetings that have it.")


@strawberry.type(description=results.MeetingStats.__doc__)
class MeetingStats:
    total: int = strawberry.field(description="Meetings in the selection.")
    by_year: list[Bucket] = strawberry.field(description="Counts by year, oldest first.")
    by_kind: list[Bucket] = strawberry.field(description="Counts by kind, largest first.")
    by_setting: list[Bucket] = strawberry.field(description="Counts by setting, largest first.")
    by_country_pair: list[Bucket] = strawberry.field(
        description=describe(results.MeetingStats, "by_country_pair", "Principals' countries.")
    )
    by_topic: list[Bucket] = strawberry.field(description="Counts by topic id, largest first.")


async def counterparts(info: Info, person_id: str) -> list[Counterpart]:
    """Whom `person_id` met, most frequent first."""
    return present(await run_heavy(info.context.repository.counterparts, person_id))
