"""Queries over the seed data: meetings, one meeting, people, facets and errors."""

from __future__ import annotations

import csv
import io
from typing import Any

from api.ingest import ingest_paths
from api.service import Service
from tests.api.graphql.conftest import EXAMPLE, Run
from tests.conftest import ROOT

LI_IMRAN = "2021-07-16-li-keqiang-imran-khan"


def test_the_example_query_returns_the_four_seed_meetings_in_full(gql: Run) -> None:
    body = gql(EXAMPLE, first=100)
    assert "errors" not in body
    nodes = body["data"]["meetings"]["nodes"]
    assert len(nodes) == 4
    for node in nodes:
        assert len(node["participants"]) >= 2
        assert all(p["person"]["name"] for p in node["participants"])
        assert node["topics"] and all(t["label"] for t in node["topics"])
        assert node["sources"] and all(s["publisher"] for s in node["sources"])
    names = {p["person"]["name"] for node in nodes for p in node["participants"]}
    assert {"Imran Khan", "Li Keqiang"} <= names


def test_one_meeting_by_id_shows_both_of_its_sources(gql: Run) -> None:
    body = gql(
        """query($id: ID!) { meeting(id: $id) {
            id date kind setting datePrecision initiatedBy
            participants { person { id name countryCode } role title }
            statements { speaker { name } text }
            outcomes { kind text }
            sources { id publisher published }
        } }""",
        id=LI_IMRAN,
    )
    meeting = body["data"]["meeting"]
    assert meeting["kind"] == "PHONE_CALL" and meeting["setting"] == "REMOTE"
    assert meeting["date"] == "2021-07-16"
    assert len(meeting["sources"]) == 2
    assert {s["publisher"] for s in meeting["sources"]} >= {"Xinhua"}
    assert meeting["statements"] and meeting["outcomes"]


def test_an_unknown_meeting_is_a_not_found_error_naming_the_id(gql: Run) -> None:
    body = gql('{ meeting(id: "no-such-meeting") { id } }')
    [error] = body["errors"]
    assert error["extensions"]["code"] == "not-found"
    assert "'no-such-meeting'" in error["message"]


def test_pages_follow_end_cursor_and_total_count_is_the_whole_selection(gql: Run) -> None:
    query = """query($after: String) { meetings(first: 3, after: $after, orderBy: DATE_ASC) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id date } } } }"""
    first = gql(query)["data"]["meetings"]
    assert first["totalCount"] == 4 and first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    second = gql(query, after=first["pageInfo"]["endCursor"])["data"]["meetings"]
    assert second["pageInfo"]["hasNextPage"] is False
    dates = [e["node"]["date"] for e in first["edges"] + second["edges"]]
    assert dates == sorted(dates) and len({e["node"]["id"] for e in first["edges"]}) == 3


def test_the_filter_uses_enums_dates_and_lists(gql: Run) -> None:
    body = gql(
        """{ meetings(filter: {kind: [MEETING], dateFrom: "2021-01-01", occasion: "sco summit"}) {
            nodes { id kind occasion } } }"""
    )
    nodes = body["data"]["meetings"]["nodes"]
    assert [n["kind"] for n in nodes] == ["MEETING"] * len(nodes) and nodes
    assert all(n["occasion"] == "SCO summit" for n in nodes)


def test_a_bad_filter_names_the_field_and_the_value(gql: Run) -> None:
    body = gql('{ meetings(filter: {country: ["XX"]}) { nodes { id } } }')
    [error] = body["errors"]
    assert error["extensions"]["code"] == "invalid-input"
    assert "filter.country" in error["message"] and "'XX'" in error["message"]
    assert error["extensions"]["errors"][0]["field"] == "filter.country"
    assert error["extensions"]["errors"][0]["value"] == "XX"


def test_reversed_dates_and_bad_cursors_are_invalid_input(gql: Run) -> None:
    dates = gql(
        '{ meetings(filter: {dateFrom: "2022-01-01", dateTo: "2021-01-01"}) { nodes { id } } }'
    )
    assert "swap them" in dates["errors"][0]["message"]
    cursor = gql('{ meetings(after: "garbage") { nodes { id } } }')
    assert cursor["errors"][0]["extensions"]["code"] == "invalid-input"
    assert "'garbage'" in cursor["errors"][0]["message"]


def test_first_out_of_range_is_a_clear_error(gql: Run) -> None:
    for first in (0, 101):
        [error] = gql(f"{{ meetings(first: {first}) {{ nodes {{ id }} }} }}")["errors"]
        assert error["extensions"]["code"] == "invalid-input"
        assert f"first {first} is out of range; ask for 1 to 100" in error["message"]


def test_a_person_by_alias_with_meetings_and_counterparts(gql: Run) -> None:
    body = gql(
        """{ person(id: "imran khan") { id name aliases countryCode positions { title }
            meetings(first: 10, filter: {kind: [PHONE_CALL]}) { totalCount nodes { id } }
            counterparts { person { id name } countryCode meetings firstDate lastDate } } }"""
    )
    person = body["data"]["person"]
    assert person["id"] == "imran-khan" and person["countryCode"] == "PK"
    assert {"id": LI_IMRAN} in person["meetings"]["nodes"]
    assert person["meetings"]["totalCount"] == len(person["meetings"]["nodes"])
    assert {c["person"]["id"] for c in person["counterparts"]} >= {"li-keqiang", "wang-yi"}
    assert all(c["countryCode"] == "CN" for c in person["counterparts"])


def test_people_pages_and_filters(gql: Run) -> None:
    body = gql(
        """{ all: people(first: 3) { pageInfo { hasNextPage endCursor } nodes { id } }
            pk: people(filter: {country: "PK"}) { nodes { id countryCode } } }"""
    )
    assert len(body["data"]["all"]["nodes"]) == 3
    assert body["data"]["all"]["pageInfo"]["hasNextPage"] is True
    pk = body["data"]["pk"]["nodes"]
    assert pk and all(p["countryCode"] == "PK" for p in pk)


def test_people_filter_is_the_rest_one(gql: Run) -> None:
    """`PeopleFilter` reads countries by name too, and its errors name the argument."""
    by_name = gql('{ people(filter: {country: "Pakistan"}) { nodes { countryCode } } }')
    assert {p["countryCode"] for p in by_name["data"]["people"]["nodes"]} == {"PK"}
    unknown = gql('{ people(filter: {country: "Atlantis"}) { nodes { id } } }')
    assert unknown["errors"][0]["message"].startswith("filter.country: unknown country")
    control = gql('{ people(filter: {q: "a\\u0000"}) { nodes { id } } }')
    assert "control character" in control["errors"][0]["message"]
    cursor = gql('{ people(after: "W10") { nodes { id } } }')
    assert "invalid cursor" in cursor["errors"][0]["message"]


def test_countries_topics_search_and_stats(gql: Run) -> None:
    body = gql(
        """{ countries { code name meetings } topics { id label meetings }
            search(text: "CPEC", first: 5) { id }
            meetingStats(filter: {country: ["PK"]}) { total byYear { key count }
              byKind { key count } bySetting { key count } byCountryPair { key count }
              byTopic { key count } } }"""
    )
    data: dict[str, Any] = body["data"]
    assert {c["code"]: c["meetings"] for c in data["countries"]} == {"CN": 4, "PK": 4}
    assert any(t["id"] == "cpec" and t["meetings"] >= 1 for t in data["topics"])
    assert data["search"]
    stats = data["meetingStats"]
    assert stats["total"] == 4
    assert {"key": "CN-PK", "count": 4} in stats["byCountryPair"]
    assert sum(b["count"] for b in stats["byYear"]) == 4


def test_export_url_downloads_the_same_selection(gql: Run, client: Any) -> None:
    body = gql(
        """{ exportUrl(format: "csv", filter: {person: ["Imran Khan"], kind: [PHONE_CALL]})
            meetings(filter: {person: ["Imran Khan"], kind: [PHONE_CALL]}) { nodes { id } } }"""
    )
    url = body["data"]["exportUrl"]
    assert url.startswith("/api/v1/meetings.csv?")
    assert "person=imran-khan" in url and "kind=phone_call" in url  # the name, resolved
    response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    ids = {n["id"] for n in body["data"]["meetings"]["nodes"]}
    assert {row["id"] for row in rows} == ids


def test_export_url_for_an_unknown_format_lists_the_formats(gql: Run) -> None:
    [error] = gql('{ exportUrl(format: "pdf") }')["errors"]
    assert error["extensions"]["code"] == "unknown-format"
    assert "'pdf'" in error["message"] and "csv" in error["message"]


def test_ingested_sources_show_their_evidence_and_conflicts(gql: Run, seeded: Service) -> None:
    texts = ROOT / "tests" / "seeds" / "texts"
    ingest_paths(seeded.engine, [texts / "004_0e8f66fb4d9f0923.txt"])
    body = gql(
        """query { meeting(id: "2023-05-05-arif-alvi-qin-gang") {
            conflicts { field kept other source }
            sources { id evidence { field start end quote } }
        } }"""
    )
    assert "errors" not in body, body
    (source,) = body["data"]["meeting"]["sources"]
    quotes = {span["field"]: span["quote"] for span in source["evidence"]}
    assert "Islamabad" in quotes["city"] and "May 5, 2023" in quotes["date"]
    assert body["data"]["meeting"]["conflicts"] == []
    curated = gql(
        'query { meeting(id: "2021-10-26-xi-jinping-imran-khan") { sources { evidence { quote } } } }'
    )
    assert curated["data"]["meeting"]["sources"] == [{"evidence": []}]
