"""Limits: each hostile query fails fast, with a clear error and a code, and runs no SQL.

Includes regression tests for limits that strawberry's own extensions once let through:
aliases hidden in fragment spreads (they were not counted) and fragment cycles (the
depth limiter recursed without end).
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLError, get_introspection_query
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.graphql import graphql_routes
from api.graphql.errors import shape_error
from api.graphql.limits import MAX_ALIASES, MAX_DEPTH
from api.service import Service
from tests.conftest import StatementCounter


@pytest.fixture
def post(client: TestClient, seeded: Service, count_statements: type[StatementCounter]) -> Any:
    """POST a query; return (status, body) and assert that it ran no SQL."""

    def run(query: str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
        with count_statements(seeded.engine) as counter:
            response = client.post("/graphql", json={"query": query}, **kwargs)
        assert counter.count == 0, counter.statements
        return response.status_code, response.json()

    return run


def _code(body: dict[str, Any]) -> str:
    codes = {error["extensions"]["code"] for error in body["errors"]}
    assert len(codes) == 1, body
    return codes.pop()


def test_first_101_fails_before_any_sql(post: Any) -> None:
    _, body = post("{ meetings(first: 101) { nodes { id } } }")
    assert _code(body) == "invalid-input"
    assert "first 101 is out of range" in body["errors"][0]["message"]


def test_a_query_30_levels_deep_is_refused(post: Any) -> None:
    query = '{ person(id: "imran-khan") { ' + "counterparts { person { " * 15 + "name"
    query += " } }" * 15 + " } }"  # 31 levels
    _, body = post(query)
    assert _code(body) == "depth-limit"
    assert f"deeper than {MAX_DEPTH} levels" in body["errors"][0]["message"]
    assert "data" not in body


def test_depth_hidden_in_fragments_is_counted(post: Any) -> None:
    fragments = "".join(
        f"fragment F{i} on Counterpart {{ person {{ counterparts {{ ...F{i + 1} }} }} }} "
        for i in range(12)
    )
    query = '{ person(id: "imran-khan") { counterparts { ...F0 } } } ' + fragments
    query += "fragment F12 on Counterpart { meetings }"
    _, body = post(query)
    assert _code(body) == "depth-limit"


def test_a_thousand_aliases_are_refused(post: Any) -> None:
    query = "{ " + " ".join(f"a{i}: topics {{ id }}" for i in range(1000)) + " }"
    _, body = post(query)
    assert _code(body) in {"alias-limit", "token-limit"}


def test_one_alias_over_the_limit_is_refused(post: Any) -> None:
    query = "{ " + " ".join(f"a{i}: countries {{ code }}" for i in range(MAX_ALIASES + 1)) + " }"
    _, body = post(query)
    assert _code(body) == "alias-limit"
    assert f"more than {MAX_ALIASES} aliases" in body["errors"][0]["message"]


def test_aliases_hidden_in_fragment_spreads_are_counted(post: Any) -> None:
    # strawberry's MaxAliasesLimiter once skipped aliases inside named fragments
    aliases = " ".join(f"x{i}: id" for i in range(4))
    query = (
        "{ meetings { nodes { ...A } } m2: meetings { nodes { ...A } } "
        "m3: meetings { nodes { ...A } } } "
        f"fragment A on Meeting {{ {aliases} ...B }} fragment B on Meeting {{ y1: id y2: id }}"
    )
    _, body = post(query)
    assert _code(body) == "alias-limit"  # 2 + 3 × (4 + 2) = 20 aliases


def test_fragment_cycles_are_reported_not_followed(post: Any) -> None:
    # strawberry's QueryDepthLimiter once recursed without end on such documents
    query = (
        "{ meetings { nodes { ...A } } } "
        "fragment A on Meeting { id participants { person { meetings { nodes { ...B } } } } } "
        "fragment B on Meeting { date ...A }"
    )
    _, body = post(query)
    assert "cannot spread fragment" in body["errors"][0]["message"].lower()
    self_cycle = "{ ...Q } fragment Q on Query { topics { id } ...Q }"
    _, body = post(self_cycle)
    assert "cannot spread fragment" in body["errors"][0]["message"].lower()


def test_a_costly_nested_query_is_refused(post: Any) -> None:
    query = "{ people(first: 100) { nodes { meetings(first: 100) { nodes { id } } } } }"
    _, body = post(query)
    assert _code(body) == "cost-limit"
    assert "ask for smaller pages" in body["errors"][0]["message"]


def test_fragment_fan_out_is_refused_quickly(post: Any) -> None:
    levels = 40
    fragments = "".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} " for i in range(levels)
    )
    query = "{ ...F0 } " + fragments + f"fragment F{levels} on Query {{ topics {{ id }} }}"
    _, body = post(query)
    assert _code(body) == "cost-limit"


def test_page_size_variables_count_as_the_largest_page(post: Any) -> None:
    query = (
        "query($n: Int!) { people(first: $n) { nodes { meetings(first: $n) { nodes { id } } } } }"
    )
    _, body = post(query)
    assert _code(body) == "cost-limit"


def test_batching_is_off(client: TestClient) -> None:
    response = client.post("/graphql", json=[{"query": "{ topics { id } }"}] * 2)
    assert response.status_code == 400
    assert "Batching is not enabled" in response.text


def test_introspection_stays_on(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": get_introspection_query(descriptions=True)})
    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


def test_request_errors_are_400_in_graphql_response_json(client: TestClient) -> None:
    accept = {"accept": "application/graphql-response+json"}
    response = client.post("/graphql", json={"query": "{ nope }"}, headers=accept)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert response.json()["errors"][0]["extensions"]["code"] == "invalid-query"
    legacy = client.post("/graphql", json={"query": "{ nope }"})
    assert legacy.status_code == 200 and legacy.headers["content-type"] == "application/json"


def test_the_time_limit_stops_a_request(seeded: Service) -> None:
    app = Starlette(routes=graphql_routes(time_limit=0.0))
    app.state.service = seeded
    with TestClient(app) as client:
        body = client.post("/graphql", json={"query": "{ topics { id } }"}).json()
    assert body["errors"][0]["extensions"]["code"] == "timeout"
    assert "took longer than" in body["errors"][0]["message"]


def test_unexpected_errors_are_masked_without_a_trace() -> None:
    error = GraphQLError("boom", original_error=RuntimeError("secret detail at line 3"))
    shaped = shape_error(error)
    assert shaped.message == "internal error; the server logged it"
    assert shaped.extensions == {"code": "internal"}
    assert "secret" not in str(shaped.formatted)
