"""The README's GraphQL section: its example query runs, its limits are the code's."""

from __future__ import annotations

import re

from api.graphql import limits
from api.graphql.view import TIME_LIMIT
from tests.api.graphql.conftest import Run
from tests.conftest import ROOT

SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## GraphQL", 1)[1]


def test_the_readme_example_query_runs_without_errors(gql: Run) -> None:
    [query] = re.findall(r"```graphql\n(.+?)\n```", SECTION, flags=re.S)
    body = gql(query)
    assert "errors" not in body, body
    assert body["data"]["meetings"]["nodes"]
    assert body["data"]["exportUrl"].startswith("/api/v1/meetings.xlsx?")


def test_the_readme_states_the_limits_of_the_code() -> None:
    assert f"more than {limits.MAX_DEPTH} deep" in SECTION
    assert f"more than {limits.MAX_ALIASES} aliases" in SECTION
    assert f"more than {limits.MAX_COST:,} estimated fields" in SECTION
    assert "every other list counts its expected largest length (`LIST_SIZES`" in SECTION
    for field in ("Query.meetingStats", "Person.counterparts"):
        assert f"{limits.FIELD_WEIGHTS[field]:,}" in SECTION, field
    assert f"more than {limits.MAX_FIELDS} fields" in SECTION
    assert f"longer than {limits.MAX_QUERY_LENGTH:,} characters" in SECTION
    assert f"more than {limits.MAX_TOKENS:,} tokens" in SECTION
    assert f"more than {TIME_LIMIT:g} s" in SECTION
