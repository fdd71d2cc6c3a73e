"""The web pages over HTTP through the ASGI app (no browser), on SQLite and PostgreSQL."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import lxml.html
import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.results import EvidenceSpan
from api.service import Service
from api.storage.synth import generate
from api.web.evidence import highlight
from tests.conftest import StatementCounter

HTML = {"accept": "text/html"}
WEB = Path(__file__).resolve().parents[3] / "api" / "web"


@pytest.fixture
def client(seeded: Service) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.settings, service=seeded)) as client:
        yield client


def _ids(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/meetings/([^"]+)"', html)


def _matched(html: str) -> int:
    found = re.search(r'id="matched">(\d+)<', html)
    assert found, html[:500]
    return int(found.group(1))


def _link(html: str, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', html)
    return unescape(found.group(1)) if found else None


def test_the_root_answers_html_to_browsers_and_json_to_clients(client: TestClient) -> None:
    page = client.get("/", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<title>Meetings · readouts</title>" in page.text
    for accept in ("application/json", "*/*"):
        index = client.get("/", headers={"accept": accept})
        assert index.json()["rest"] == "/api/v1/meetings", accept


def test_the_page_lists_what_the_api_lists(client: TestClient) -> None:
    page = client.get("/?q=Imran+Khan&order=date", headers=HTML)
    api = client.get("/api/v1/meetings?q=Imran+Khan&order=date&total=true").json()
    assert _ids(page.text) == [m["id"] for m in api["data"]]
    assert _matched(page.text) == api["total"] == 3


def test_empty_form_fields_are_dropped_and_bad_values_named(client: TestClient) -> None:
    assert _matched(client.get("/?q=&date_from=&kind=", headers=HTML).text) >= 4
    bad = client.get("/?kind=phonecall", headers=HTML)
    assert bad.status_code == 400 and "phonecall" in bad.text and "phone_call" in bad.text
    unknown = client.get("/?colour=red", headers=HTML)
    assert unknown.status_code == 400 and "colour" in unknown.text
    assert client.get("/?cursor=nonsense", headers=HTML).status_code == 400
    assert client.get("/meetings/nope", headers=HTML).status_code == 404
    assert client.get("/people/nobody-at-all", headers=HTML).status_code == 404
    missing = client.get("/countries/XX", headers=HTML)
    assert missing.status_code == 404 and "XX" in missing.text


def test_a_filter_without_a_control_is_kept_in_chips_links_and_downloads(
    client: TestClient,
) -> None:
    page = client.get("/?synthetic=false&kind=meeting", headers=HTML).text
    assert 'data-name="synthetic"' in page
    assert "/api/v1/meetings.xlsx?synthetic=false&amp;kind=meeting" in page
    assert 'name="synthetic" value="false"' in page  # the filter form carries it along


def test_every_registered_exporter_is_in_the_download_menu(client: TestClient) -> None:
    from exporters.registry import registry

    page = client.get("/?kind=meeting", headers=HTML).text
    for exporter in registry().exporters():
        href = f"/api/v1/meetings.{exporter.name}?kind=meeting"
        assert href in unescape(page), exporter.name
        assert client.get(href).status_code == 200


def test_the_graphql_query_shown_selects_the_same_meetings(client: TestClient) -> None:
    page = client.get("/?q=Imran+Khan&kind=meeting&order=date", headers=HTML).text
    query = unescape(re.search(r'<pre id="graphql-query">(.*?)</pre>', page, re.S).group(1))  # type: ignore[union-attr]
    body = client.post("/graphql", json={"query": query}).json()
    assert "errors" not in body, body
    assert [n["id"] for n in body["data"]["meetings"]["nodes"]] == _ids(page)
    api_url = unescape(re.search(r'<code id="api-url">(.*?)</code>', page).group(1))  # type: ignore[union-attr]
    assert [m["id"] for m in client.get(api_url).json()["data"]] == _ids(page)


def test_a_page_costs_the_same_statements_whatever_its_size(
    seeded: Service, client: TestClient
) -> None:
    generate(seeded.engine, 120, seed=3)
    first = client.get("/?synthetic=true&limit=5", headers=HTML).text
    cursor_small = _link(first, "next")
    big = client.get("/?synthetic=true&limit=50", headers=HTML).text
    cursor_big = _link(big, "next")
    assert cursor_small and cursor_big
    counts = []
    for url in (cursor_small, cursor_big, "/?limit=100", "/?limit=1"):
        client.get(url, headers=HTML)  # the facets of this selection are now cached
        with StatementCounter(seeded.engine) as counter:
            response = client.get(url, headers=HTML)
        assert response.status_code == 200
        counts.append(counter.count)
    # a cached facet lookup is one statement, the page three, the previous page three more
    assert counts[0] == counts[1] <= 8
    assert counts[2] == counts[3] <= 5


def test_facet_counts_follow_every_write(seeded: Service, client: TestClient) -> None:
    everything = "/?synthetic=any"
    before = _matched(client.get(everything, headers=HTML).text)
    assert _matched(client.get(everything, headers=HTML).text) == before  # cached
    real = client.get("/about", headers=HTML).text
    generate(seeded.engine, 7, seed=11)
    assert _matched(client.get(everything, headers=HTML).text) == before + 7
    assert _matched(client.get("/", headers=HTML).text) == before  # synthetic ones excluded
    assert client.get("/about", headers=HTML).text == real


def test_facets_agree_with_the_stats_endpoint(client: TestClient) -> None:
    page = client.get("/?country=PK", headers=HTML).text
    stats = client.get("/api/v1/stats?country=PK").json()
    assert _matched(page) == stats["total"]
    for bucket in stats["by_year"]:
        assert f'>{bucket["key"]}</a> <span class="count">{bucket["count"]}<' in page
    for bucket in stats["by_kind"]:
        label = bucket["key"].replace("_", " ")
        assert f'{label} <span class="count">{bucket["count"]}</span>' in page


def test_record_pages_show_the_record(client: TestClient) -> None:
    meeting = client.get("/meetings/2021-07-16-li-keqiang-imran-khan", headers=HTML).text
    assert 'href="/people/imran-khan"' in meeting and 'href="/countries/PK"' in meeting
    by_alias = client.get("/people/Imran%20Khan", headers=HTML)
    assert by_alias.status_code == 200 and "<h1>Imran Khan</h1>" in by_alias.text
    country = client.get("/countries/pk", headers=HTML).text
    assert "<h1>Pakistan" in country and 'href="/countries/CN"' in country
    assert "Apache License 2.0" in client.get("/about", headers=HTML).text


def test_assets_are_served_by_the_app(client: TestClient) -> None:
    for name in ("app.css", "chart.js", "plot.js", "d3.js"):
        assert client.get(f"/assets/{name}").status_code == 200, name
    assert client.get("/assets/../../pyproject.toml").status_code == 404
    assert client.get("/assets/secret.txt").status_code == 404
    page = client.get("/", headers=HTML).text
    assert re.findall(r'(?:src|href)="(https?:)?//', page) == []


def test_evidence_marks_cover_exactly_each_span_even_when_spans_overlap() -> None:
    text = "On 5 May, Wang Yi met Bilawal in Islamabad."
    spans = [
        EvidenceSpan(source_id="s", field="date", start=3, end=8, quote=text[3:8]),
        EvidenceSpan(source_id="s", field="sentence", start=0, end=20, quote=text[0:20]),
        EvidenceSpan(source_id="s", field="person", start=10, end=29, quote=text[10:29]),
        EvidenceSpan(source_id="s", field="bad", start=40, end=99, quote=""),
    ]
    html = str(highlight(text, spans))
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert root.text_content() == text
    for index, span in enumerate(spans[:3]):
        outer = root.xpath(
            f'.//mark[@data-span="{index}"][not(ancestor::mark[@data-span="{index}"])]'
        )
        assert "".join(m.text_content() for m in outer) == span.quote
        assert outer[0].get("data-label") == span.field
    assert html.count('data-label="date"') == 1 and 'data-span="3"' not in html
    assert "<script>" not in str(highlight("<script>", []))


def test_the_web_pages_import_neither_api() -> None:
    for path in WEB.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.startswith(("api.rest", "api.graphql")), (path.name, name)
