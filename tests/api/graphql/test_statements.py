"""A fixed number of SQL statements per request, whatever the page size."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from api.service import Service
from api.storage import synth
from tests.api.graphql.conftest import EXAMPLE
from tests.conftest import StatementCounter


@pytest.mark.parametrize("first", [1, 100])
def test_the_example_query_runs_at_most_six_statements(
    seeded: Service, client: TestClient, count_statements: type[StatementCounter], first: int
) -> None:
    synth.generate(seeded.engine, 120, seed=3)
    with count_statements(seeded.engine) as counter:
        response = client.post("/graphql", json={"query": EXAMPLE, "variables": {"first": first}})
    body = response.json()
    assert "errors" not in body, body
    nodes = body["data"]["meetings"]["nodes"]
    assert len(nodes) == first
    assert all(node["topics"] and node["participants"] for node in nodes)
    assert counter.count <= 6, counter.statements


def test_the_same_count_at_first_1_and_first_100(
    seeded: Service, client: TestClient, count_statements: type[StatementCounter]
) -> None:
    synth.generate(seeded.engine, 120, seed=5)
    counts = []
    for first in (1, 100):
        with count_statements(seeded.engine) as counter:
            client.post("/graphql", json={"query": EXAMPLE, "variables": {"first": first}})
        counts.append(counter.count)
    assert counts[0] == counts[1]


def test_total_count_costs_one_statement_only_when_selected(
    client: TestClient, seeded: Service, count_statements: type[StatementCounter]
) -> None:
    counts = {}
    for name, query in {
        "without": "{ meetings { nodes { id } } }",
        "with": "{ meetings { totalCount nodes { id } } }",
        "in a fragment": "{ meetings { ...Total nodes { id } } } "
        "fragment Total on MeetingConnection { totalCount }",
    }.items():
        with count_statements(seeded.engine) as counter:
            body = client.post("/graphql", json={"query": query}).json()
        assert "errors" not in body, body
        counts[name] = counter.count
    assert counts["with"] == counts["without"] + 1 == counts["in a fragment"]


def test_people_details_of_a_page_load_in_one_batch(
    client: TestClient, seeded: Service, count_statements: type[StatementCounter]
) -> None:
    synth.generate(seeded.engine, 60, seed=6)
    query = (
        "{ meetings(first: 50) { nodes { participants { person { name aliases countryCode } } } } }"
    )
    with count_statements(seeded.engine) as counter:
        body = client.post("/graphql", json={"query": query}).json()
    assert "errors" not in body, body
    assert counter.count <= 5 + 3, counter.statements  # the page, then people in one batch
