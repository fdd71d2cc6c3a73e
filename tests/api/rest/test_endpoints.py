"""The resources under /api/v1 over HTTP: data, errors, caching, compression, CORS, HEAD."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from api.ingest import ingest_paths

CALLS = {"2021-07-16-li-keqiang-imran-khan", "2021-10-26-xi-jinping-imran-khan"}


def _ids(body: dict[str, object]) -> set[str]:
    data = body["data"]
    assert isinstance(data, list)
    return {item["id"] for item in data}


def test_person_by_id_or_name_and_kind_selects_the_two_seed_calls(client: TestClient) -> None:
    by_id = client.get("/api/v1/meetings", params={"person": "imran-khan", "kind": "phone_call"})
    by_name = client.get("/api/v1/meetings?person=Imran%20Khan&kind=phone_call")
    assert by_id.status_code == by_name.status_code == 200
    assert by_id.headers["content-type"] == "application/json"
    assert _ids(by_id.json()) == _ids(by_name.json()) == CALLS
    assert by_id.json()["next_cursor"] is None
    assert by_id.json()["total"] is None
    assert "link" not in by_id.headers


def test_total_is_counted_only_when_asked(client: TestClient) -> None:
    assert client.get("/api/v1/meetings?total=true&limit=1").json()["total"] == 4
    assert client.get("/api/v1/meetings?limit=1").json()["total"] is None


def test_repeated_list_parameters_mean_any_of(client: TestClient) -> None:
    body = client.get("/api/v1/meetings?kind=phone_call&kind=meeting").json()
    assert len(body["data"]) == 4


def test_link_header_repeats_the_filter_and_leads_to_the_next_page(client: TestClient) -> None:
    first = client.get("/api/v1/meetings?person=imran-khan&limit=1&order=date")
    link = first.headers["link"]
    assert link.endswith('>; rel="next"')
    url = link[1 : link.index(">")]
    assert "person=imran-khan" in url and "order=date" in url and "limit=1" in url
    second = client.get(url)
    assert second.status_code == 200
    assert second.json()["data"][0]["date"] >= first.json()["data"][0]["date"]
    assert _ids(second.json()) != _ids(first.json())


def test_unknown_parameter_is_a_problem_naming_it(client: TestClient) -> None:
    response = client.get("/api/v1/meetings?kindd=x")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert "'kindd'" in problem["detail"] and "did you mean 'kind'" in problem["detail"]
    assert problem["errors"] == [
        {"field": "kindd", "message": "unknown query parameter", "value": "x"}
    ]
    assert problem["type"] == "/problems/invalid-input"
    assert problem["status"] == 400


def test_bad_date_is_a_problem_naming_the_value(client: TestClient) -> None:
    problem = client.get("/api/v1/meetings?date_from=2021-13-01").json()
    assert problem["status"] == 400
    assert "date_from='2021-13-01'" in problem["detail"]
    assert problem["errors"][0]["field"] == "date_from"
    assert problem["errors"][0]["value"] == "2021-13-01"


def test_bad_values_name_parameter_value_and_choices(client: TestClient) -> None:
    kind = client.get("/api/v1/meetings?kind=call").json()
    assert "kind='call'" in kind["detail"] and "phone_call" in kind["detail"]
    limit = client.get("/api/v1/meetings?limit=500").json()
    assert "limit='500'" in limit["detail"] and "100" in limit["detail"]
    cursor = client.get("/api/v1/meetings?cursor=nope").json()
    assert cursor["status"] == 400 and "'nope'" in cursor["detail"]
    twice = client.get("/api/v1/meetings?date_from=2021-01-01&date_from=2022-01-01").json()
    assert twice["status"] == 400 and "given 2 times" in twice["detail"]
    swapped = client.get("/api/v1/meetings?date_from=2022-01-01&date_to=2021-01-01").json()
    assert swapped["status"] == 400 and "swap" in swapped["detail"]
    total = client.get("/api/v1/meetings?total=maybe").json()
    assert total["status"] == 400 and "'maybe'" in total["detail"]


def test_meeting_by_id_and_unknown_ids(client: TestClient) -> None:
    meeting = client.get("/api/v1/meetings/2021-07-16-li-keqiang-imran-khan")
    assert meeting.status_code == 200
    assert meeting.json()["participants"][0]["person"]["name"] == "Li Keqiang"
    for path in ("/api/v1/meetings/nope", "/api/v1/people/nobody-at-all"):
        missing = client.get(path)
        assert missing.status_code == 404
        assert missing.headers["content-type"] == "application/problem+json"
        assert "'nope'" in missing.json()["detail"] or "'nobody-at-all'" in missing.json()["detail"]


def test_unknown_path_and_wrong_method(client: TestClient) -> None:
    missing = client.get("/api/v1/meeting")
    assert missing.status_code == 404
    assert "/api/v1/meeting" in missing.json()["detail"]
    wrong = client.post("/api/v1/meetings")
    assert wrong.status_code == 405
    assert set(wrong.headers["allow"].split(", ")) == {"GET", "HEAD"}
    assert wrong.headers["content-type"] == "application/problem+json"
    options = client.options("/api/v1/meetings/2021-09-17-imran-khan-wang-yi")
    assert options.status_code == 405  # every method the path has, PATCH included
    assert set(options.headers["allow"].split(", ")) == {"GET", "HEAD", "PATCH"}
    head = client.head("/api/v1/meetings/2021-09-17-imran-khan-wang-yi")
    assert head.status_code == 200 and head.headers["etag"]


def test_unsupported_accept_is_406(client: TestClient) -> None:
    refused = client.get("/api/v1/topics", headers={"Accept": "text/html"})
    assert refused.status_code == 406
    assert refused.headers["content-type"] == "application/problem+json"
    assert "text/html" in refused.json()["detail"]
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/api/v1/topics", headers={"Accept": browser}).status_code == 200


def test_people_resources(client: TestClient) -> None:
    person = client.get("/api/v1/people/Imran%20Khan").json()
    assert person["id"] == "imran-khan"
    people = client.get("/api/v1/people?country=PK&limit=1")
    assert {p["country_code"] for p in people.json()["data"]} == {"PK"}
    assert people.json()["next_cursor"] and 'rel="next"' in people.headers["link"]
    own = client.get("/api/v1/people/imran-khan/meetings?kind=phone_call").json()
    assert _ids(own) == CALLS
    counterparts = client.get("/api/v1/people/imran-khan/counterparts").json()["data"]
    assert {c["person"]["id"] for c in counterparts} >= {"xi-jinping", "li-keqiang"}
    assert client.get("/api/v1/people?limit=0").status_code == 400
    assert client.get("/api/v1/people/nobody-at-all/meetings").status_code == 404


def test_vocabularies_and_stats(client: TestClient) -> None:
    countries = client.get("/api/v1/countries").json()["data"]
    assert {c["code"] for c in countries} == {"CN", "PK"}
    topics = client.get("/api/v1/topics").json()["data"]
    assert any(t["id"] == "cpec" for t in topics)
    stats = client.get("/api/v1/stats?kind=phone_call").json()
    assert stats["total"] == 2
    assert stats["by_kind"] == [{"key": "phone_call", "count": 2}]
    assert client.get("/api/v1/stats?limit=1").status_code == 400


def test_etag_and_if_none_match(client: TestClient) -> None:
    first = client.get("/api/v1/topics")
    tag = first.headers["etag"]
    assert tag.startswith('"') and first.headers["cache-control"] == "public, max-age=60"
    again = client.get("/api/v1/topics", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag
    other = client.get("/api/v1/topics", headers={"If-None-Match": '"other"'})
    assert other.status_code == 200


def test_large_bodies_are_gzipped_small_ones_not(client: TestClient) -> None:
    big = client.get("/api/v1/meetings", headers={"Accept-Encoding": "gzip"})
    assert big.headers["content-encoding"] == "gzip"
    assert big.json()["data"]
    small = client.get("/api/v1/countries", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_cors_allows_get_from_any_origin(client: TestClient) -> None:
    response = client.get("/api/v1/countries", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = client.options(
        "/api/v1/meetings",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200


def test_head_answers_headers_without_body(client: TestClient) -> None:
    get = client.get("/api/v1/meetings")
    head = client.head("/api/v1/meetings")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == get.headers["etag"]


def test_listings_are_briefs_unless_the_full_view_is_asked(client: TestClient) -> None:
    brief = client.get("/api/v1/meetings?person=imran-khan&kind=phone_call").json()["data"]
    full = client.get("/api/v1/meetings?person=imran-khan&kind=phone_call&view=full").json()
    detail = client.get("/api/v1/meetings/2021-07-16-li-keqiang-imran-khan").json()
    by_id = {item["id"]: item for item in brief}
    assert set(by_id["2021-07-16-li-keqiang-imran-khan"]) == set(detail) - {
        "statements",
        "outcomes",
        "sources",
    }
    same = {k: v for k, v in detail.items() if k not in ("statements", "outcomes", "sources")}
    assert by_id["2021-07-16-li-keqiang-imran-khan"] == same
    assert {m["id"]: m for m in full["data"]}["2021-07-16-li-keqiang-imran-khan"] == detail
    bad = client.get("/api/v1/meetings?view=everything")
    assert bad.status_code == 400 and "view='everything'" in bad.json()["detail"]


def test_control_characters_are_refused_not_a_server_error(client: TestClient) -> None:
    for url in ("meetings?person=a%00b", "meetings?q=%01x", "meetings?topic=%1f", "people?q=a%00"):
        response = client.get(f"/api/v1/{url}")
        assert response.status_code == 400, url
        assert "control character" in response.json()["detail"]
    assert client.get("/api/v1/people/a%00b").status_code == 404
    assert client.get("/api/v1/meetings/a%00b").status_code == 404


def test_sources_carry_the_evidence_of_ingested_texts(client: TestClient) -> None:
    service = client.app.state.service  # type: ignore[attr-defined]
    texts = Path(__file__).resolve().parents[2] / "seeds" / "texts"
    original = (texts / "004_0e8f66fb4d9f0923.txt").read_text()
    other = Path(service.settings.data_dir) / "other.txt"
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_text(original.replace("in Islamabad", "in Lahore"))
    ingest_paths(service.engine, [texts / "004_0e8f66fb4d9f0923.txt", other])
    sources = client.get("/api/v1/meetings/2023-05-05-arif-alvi-qin-gang/sources").json()["data"]
    assert len(sources) == 2
    quotes = [{span["field"]: span["quote"] for span in s["evidence"]} for s in sources]
    assert "Islamabad" in quotes[0]["city"] and "Lahore" in quotes[1]["city"]
    conflicts = client.get("/api/v1/meetings/2023-05-05-arif-alvi-qin-gang/conflicts").json()
    assert [(c["field"], c["kept"], c["other"]) for c in conflicts["data"]] == [
        ("location.city", "Islamabad", "Lahore")
    ]
    curated = client.get("/api/v1/meetings/2021-10-26-xi-jinping-imran-khan/sources").json()
    assert [s["evidence"] for s in curated["data"]] == [[]]
    assert client.get("/api/v1/meetings/nope/sources").status_code == 404
    assert client.get("/api/v1/meetings/nope/conflicts").status_code == 404
