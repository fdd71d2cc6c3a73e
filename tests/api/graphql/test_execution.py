"""api/graphql/execution.py: plain fields completed by plan give what graphql-core gives,
errors included, on a real page and on values the plan must refuse."""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
from typing import Any

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.graphql import schema
from api.graphql.context import get_context
from api.graphql.execution import ExecutionContext
from api.service import Service
from api.storage import synth
from tests.api.graphql.conftest import EXAMPLE


def _both(target: strawberry.Schema, query: str, **kwargs: Any) -> list[dict[str, Any]]:
    """The result of `query` with our execution context and with strawberry's own."""
    plain = strawberry.Schema(
        query=target.query,  # type: ignore[arg-type]
        mutation=target.mutation,  # type: ignore[arg-type]
        config=StrawberryConfig(batching_config=None),
        execution_context_class=StrawberryGraphQLCoreExecutionContext,
    )
    outcomes = []
    for run in (target, plain):
        result = asyncio.run(run.execute(query, **kwargs))
        errors = [(e.message, e.path) for e in result.errors or []]
        outcomes.append({"data": result.data, "errors": errors})
    return outcomes


def test_the_example_page_is_the_same_as_graphql_core_gives(seeded: Service) -> None:
    synth.generate(seeded.engine, 60, seed=11)
    query = EXAMPLE.replace("topics { label }", "topics { label __typename } id date kind")
    ours, theirs = _both(
        schema, query, variable_values={"first": 50}, context_value=get_context(seeded)
    )
    assert ours == theirs
    assert not ours["errors"] and len(ours["data"]["meetings"]["nodes"]) == 50


class Colour(enum.Enum):
    RED = "red"


@strawberry.type
class Leaf:
    name: str
    when: dt.date | None
    colour: Colour


@strawberry.type
class Branch:
    leaves: list[Leaf | None]
    label: str | None


@strawberry.type
class Root:
    @strawberry.field
    def branches(self) -> list[Branch | None]:
        good = Leaf(name="a", when=dt.date(2024, 1, 2), colour=Colour.RED)
        null = Leaf(name=None, when=None, colour=Colour.RED)  # type: ignore[arg-type]
        wrong = Leaf(name="c", when="not a date", colour="blue")  # type: ignore[arg-type]
        return [
            Branch(leaves=[good], label="fine"),
            Branch(leaves=[good, null], label=None),
            Branch(leaves=[wrong], label=7),  # type: ignore[arg-type]
        ]


def test_nulls_and_bad_values_are_reported_as_graphql_core_reports_them() -> None:
    target = strawberry.Schema(query=Root, execution_context_class=ExecutionContext)
    query = "{ branches { label leaves { name when colour __typename } } }"
    ours, theirs = _both(target, query)
    assert ours == theirs
    assert len(ours["errors"]) == 3, "a null name, a bad date, a bad enum value"
    assert ours["data"]["branches"][2]["label"] == "7"  # String coerces an int
    assert ours["data"]["branches"][1]["leaves"][1] is None
    assert ours["data"]["branches"][0] == {
        "label": "fine",
        "leaves": [{"name": "a", "when": "2024-01-02", "colour": "RED", "__typename": "Leaf"}],
    }
