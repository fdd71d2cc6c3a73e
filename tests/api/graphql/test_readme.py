"""The README's GraphQL section: its example query runs, its limits are the code's."""

from __future__ import annotations

import json
import re

from starlette.testclient import TestClient

from api.graphql import limits
from api.graphql.view import TIME_LIMIT
from api.service import Service
from api.storage.tokens import create_token
from tests.api.graphql.conftest import Run
from tests.conftest import ROOT

SECTION = (ROOT / "README.md").read_text(encoding="utf-8").split("## GraphQL", 1)[1]


def test_the_readme_example_query_runs_without_errors(gql: Run) -> None:
    [query, _] = re.findall(r"```graphql\n(.+?)\n```", SECTION, flags=re.S)
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
    assert f"a number literal of more than {limits.MAX_NUMBER_LENGTH} characters" in SECTION
    assert f"longer than {limits.MAX_QUERY_LENGTH:,} characters" in SECTION
    assert f"more than {limits.MAX_TOKENS:,} tokens" in SECTION
    assert f"more than {TIME_LIMIT:g} s" in SECTION


def test_the_readme_example_mutation_runs_with_a_token_and_the_etag(
    client: TestClient, seeded: Service
) -> None:
    [_, mutation] = re.findall(r"```graphql\n(.+?)\n```", SECTION, flags=re.S)
    meeting_id = re.findall(r'id: "([^"]+)"', mutation)[0]
    etag = client.get(f"/api/v1/meetings/{meeting_id}").headers["etag"]
    written, found = re.subn(
        r'ifMatch: "(?:[^"\\]|\\.)*"', lambda _m: f"ifMatch: {json.dumps(etag)}", mutation
    )
    assert found == 1  # the example's ETag may be stale: the current one is sent
    token = create_token(seeded.engine, "readme", "curate")
    response = client.post(
        "/graphql", json={"query": written}, headers={"Authorization": f"Bearer {token}"}
    )
    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["updateMeeting"]["summary"] == "A corrected summary."
    assert (
        body["data"]["updateMeeting"]["etag"]
        == client.get(f"/api/v1/meetings/{meeting_id}").headers["etag"]
    )
