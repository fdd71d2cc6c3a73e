"""Typed filter values through every face (REST, GraphQL, CLI), on SQLite and PostgreSQL:
names, countries, partial dates and places resolve, and a value that means several
records or none is an error with candidates that runs no page query."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.filters import MeetingFilter
from api.names import name_key
from api.resolve import resolve_filter, strip_titles
from api.service import Service
from api.storage import synth
from api.storage.loading import load_paths
from tests.conftest import SEEDS_DIR, StatementCounter

IMRAN = {
    "2021-07-16-li-keqiang-imran-khan",
    "2021-09-17-imran-khan-wang-yi",
    "2021-10-26-xi-jinping-imran-khan",
}
SCO = "2021-09-17-imran-khan-wang-yi"
READOUTS = str(Path(sys.executable).parent / "readouts")
LI_QIANG = {"people": [{"id": "li-qiang", "name": "Li Qiang", "aliases": [], "country_code": "CN"}]}


@pytest.fixture
def client(seeded: Service) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.settings, service=seeded)) as client:
        yield client


def _rest(client: TestClient, query: str) -> set[str]:
    response = client.get(f"/api/v1/meetings?{query}&limit=100")
    assert response.status_code == 200, response.text
    return {m["id"] for m in response.json()["data"]}


def _gql(client: TestClient, filter_: str) -> dict[str, Any]:
    query = f"{{ meetings(first: 100, filter: {{{filter_}}}) {{ nodes {{ id }} }} }}"
    body: dict[str, Any] = client.post("/graphql", json={"query": query}).json()
    return body


def _gql_ids(client: TestClient, filter_: str) -> set[str]:
    body = _gql(client, filter_)
    assert "errors" not in body, body
    return {n["id"] for n in body["data"]["meetings"]["nodes"]}


@pytest.mark.parametrize(
    ("rest", "graphql", "expected"),
    [
        ("person=Imran", 'person: ["Imran"]', IMRAN),
        ("person=PM%20Imran%20Khan", 'person: ["PM Imran Khan"]', IMRAN),
        ("person=Prime%20Minister%20Imr%C3%A1n%20KHAN", 'person: ["imran khan"]', IMRAN),
        (
            "topic=CPEC&person=Xi",
            'topic: ["CPEC"], person: ["Xi"]',
            {"2021-10-26-xi-jinping-imran-khan"},
        ),
        (
            "topic=covid&date_to=2021",
            'topic: ["covid"], dateTo: "2021"',
            IMRAN - {"2021-07-16-li-keqiang-imran-khan"},
        ),
        ("country=Pakistan&held_in=TJ", 'country: ["Pakistan"], heldIn: ["TJ"]', {SCO}),
        ("country=PAK&city=dushanbe", 'country: ["PAK"], city: ["dushanbe"]', {SCO}),
        ("held_in=Tajikistan", 'heldIn: ["Tajikistan"]', {SCO}),
        (
            "date_from=2021&date_to=2021-09",
            'dateFrom: "2021", dateTo: "2021-09"',
            {"2021-07-16-li-keqiang-imran-khan", SCO},
        ),
        (
            "date_from=2021-10&date_to=2021-10",
            'dateFrom: "2021-10", dateTo: "2021-10"',
            {"2021-10-26-xi-jinping-imran-khan"},
        ),
    ],
)
def test_typed_values_select_the_meetings_they_mean(
    client: TestClient, rest: str, graphql: str, expected: set[str]
) -> None:
    assert _rest(client, rest) == expected
    assert _gql_ids(client, graphql) == expected


def test_synthetic_meetings_are_left_out_unless_asked(seeded: Service, client: TestClient) -> None:
    synth.generate(seeded.engine, 30, seed=1)
    real = _rest(client, "date_from=1900")
    assert real == {*IMRAN, "2023-05-05-arif-alvi-qin-gang"}
    assert all(i.startswith("synth-") for i in _rest(client, "synthetic=true"))
    assert len(_rest(client, "synthetic=any")) == 34
    assert _gql_ids(client, "synthetic: EXCLUDE") == real
    assert len(_gql_ids(client, "synthetic: ANY")) == 34


def _li_qiang(seeded: Service, tmp_path: Path) -> list[str]:
    path = tmp_path / "li-qiang.json"
    path.write_text(json.dumps(LI_QIANG))
    report = load_paths(seeded.engine, [path])
    return [d.describe() for d in report.dropped_aliases]


def test_an_alias_that_names_two_people_is_dropped_and_reported(
    seeded: Service, tmp_path: Path
) -> None:
    assert seeded.repository.get_person("li-keqiang").aliases[0] == "Li"
    dropped = _li_qiang(seeded, tmp_path)
    assert dropped == ["alias 'Li' of li-keqiang also names li-qiang; dropped"]
    assert "Li" not in seeded.repository.get_person("li-keqiang").aliases
    again = load_paths(seeded.engine, [SEEDS_DIR, tmp_path / "li-qiang.json"])
    assert again.changes == 0 and not again.dropped_aliases  # still idempotent


def test_ambiguous_and_unknown_names_list_candidates_and_run_no_page_query(
    seeded: Service,
    client: TestClient,
    tmp_path: Path,
    count_statements: type[StatementCounter],
) -> None:
    _li_qiang(seeded, tmp_path)
    with count_statements(seeded.engine) as counter:
        response = client.get("/api/v1/meetings?person=Li")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "person" and error["value"] == "Li"
    assert {c["id"] for c in error["candidates"]} == {"li-keqiang", "li-qiang"}
    assert counter.count == 1, counter.statements  # the name lookup, no page query
    assert not any("FROM meetings" in s for s in counter.statements)

    body = _gql(client, 'person: ["Li"]')
    [gql_error] = body["errors"]
    assert gql_error["extensions"]["code"] == "invalid-input"
    assert {c["id"] for c in gql_error["extensions"]["candidates"]} == {"li-keqiang", "li-qiang"}

    with count_statements(seeded.engine) as counter:
        response = client.get("/api/v1/meetings?person=Imran%20Kahn")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert "imran-khan" in {c["id"] for c in error["candidates"]}
    assert not any("FROM meetings" in s for s in counter.statements), counter.statements

    response = client.get("/api/v1/meetings?topic=covd")
    assert response.status_code == 400
    assert response.json()["errors"][0]["candidates"][0]["id"] == "covid-19"

    response = client.get("/api/v1/meetings?country=Pakistn")
    assert response.status_code == 400
    assert response.json()["errors"][0]["candidates"][0] == {"id": "PK", "name": "Pakistan"}
    response = client.get("/api/v1/meetings?date_from=2021-13")
    assert response.status_code == 400 and "month 13" in response.text


def test_a_person_page_by_name_costs_one_lookup_more_than_by_id(
    seeded: Service, client: TestClient, count_statements: type[StatementCounter]
) -> None:
    counts = []
    for person in ("imran-khan", "Khan"):
        with count_statements(seeded.engine) as counter:
            assert _rest(client, f"person={person}") == IMRAN
        counts.append(counter.count)
    assert counts[0] == counts[1]  # both resolve in one statement, then the same page


def test_the_resolver_is_what_every_face_uses(seeded: Service) -> None:
    selection = MeetingFilter(person=["Imran"], topic=["CPEC", "cpec"], country=["Pakistan"])
    resolved = resolve_filter(selection, seeded.repository)
    assert resolved.person == ["imran-khan"] and resolved.topic == ["cpec"]
    assert resolved.country == ["PK"]
    assert strip_titles(name_key("H.E. President Dr. Arif Alvi")) == "arif alvi"


def test_the_cli_export_reads_typed_values(
    seeded: Service, database_url: str, tmp_path: Path
) -> None:
    env = {**os.environ, "READOUTS_DATABASE_URL": database_url, "READOUTS_LOAD_PLUGINS": "false"}

    def export(*args: str) -> subprocess.CompletedProcess[str]:
        command = [READOUTS, "export", "-f", "json", *args]
        return subprocess.run(command, capture_output=True, env=env, timeout=300, text=True)

    out = tmp_path / "m.json"
    result = export(
        "-o", str(out), "--person", "PM Imran", "--held-in", "TJ", "--date-from", "2021"
    )
    assert result.returncode == 0, result.stderr
    assert [m["id"] for m in json.loads(out.read_text())["data"]] == [SCO]
    result = export("-o", "-", "--country", "Pakistan", "--synthetic", "any")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["data"]) == 4
    result = export("-o", "-", "--topic", "nope")
    assert result.returncode == 1 and "unknown topic 'nope'" in result.stderr
    result = export("-o", "-", "--updated-since", "2000-01-01")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["data"]) == 4
    result = export("-o", "-", "--updated-since", "2999-01-01T00:00:00Z")
    assert result.returncode == 0 and json.loads(result.stdout)["data"] == []
    result = export("-o", "-", "--updated-since", "soon")
    assert result.returncode == 1 and "--updated-since='soon': not an instant" in result.stderr


def _readme_filters() -> list[tuple[str, str, int]]:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("\n## Filters\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \|[^\n]*\| `([^`]+)` \| (\d+) \|$", section, flags=re.M)
    return [(name, example, int(count)) for name, example, count in rows]


def test_the_readme_filter_examples_answer_as_written(client: TestClient) -> None:
    rows = _readme_filters()
    assert sorted(name for name, _, _ in rows) == sorted(MeetingFilter.model_fields)
    lists = {n for n, f in MeetingFilter.model_fields.items() if "list" in str(f.annotation)}
    for name, example, count in rows:
        assert len(_rest(client, example)) == count, example
        value = unquote(example.split("=", 1)[1])
        if name in {"kind", "setting", "synthetic"}:
            value = value.upper()
        camel = re.sub(r"_(\w)", lambda m: m[1].upper(), name)
        query = (
            "query($f: MeetingFilterInput) { meetings(first: 100, filter: $f) { nodes { id } } }"
        )
        variables = {"f": {camel: [value] if name in lists else value}}
        body = client.post("/graphql", json={"query": query, "variables": variables}).json()
        assert "errors" not in body, (example, body)
        assert len(body["data"]["meetings"]["nodes"]) == count, example
