"""Downloads through the exporter registry: by extension and by Accept, streamed, read back."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import anyio
import openpyxl
from starlette.testclient import TestClient

from api.app import create_app
from api.service import Service
from api.storage import synth
from tests.conftest import StatementCounter

_PAGE = re.compile(r"\bFROM meetings\b.*\bLIMIT\b", re.S | re.I)
"""A statement that reads a page of meetings (the repository reads an export in pages)."""


def test_csv_by_extension_with_the_filter(client: TestClient) -> None:
    response = client.get("/api/v1/meetings.csv?person=Imran%20Khan&kind=phone_call")
    assert response.status_code == 200, response.text
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="readouts-meetings-')
    assert disposition.endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["id"] for row in rows} == {
        "2021-07-16-li-keqiang-imran-khan",
        "2021-10-26-xi-jinping-imran-khan",
    }


def test_xlsx_reads_back_and_accept_negotiates_a_format(client: TestClient) -> None:
    response = client.get("/api/v1/meetings.xlsx", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200, response.text
    assert "content-encoding" not in response.headers  # a zip already: not gzipped again
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames
    ndjson = client.get("/api/v1/meetings", headers={"Accept": "application/x-ndjson"})
    assert ndjson.status_code == 200, ndjson.text
    assert ndjson.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in ndjson.text.splitlines() if line]
    assert len(lines) == 4


def test_unknown_format_option_and_paging_are_problems(client: TestClient) -> None:
    unknown = client.get("/api/v1/meetings.nope")
    assert unknown.status_code == 400
    assert "csv" in unknown.json()["detail"] and "'nope'" in unknown.json()["detail"]
    option = client.get("/api/v1/meetings.csv?opt.colour=red")
    assert option.status_code == 400 and "'colour'" in option.json()["detail"]
    paging = client.get("/api/v1/meetings.csv?limit=1")
    assert paging.status_code == 400 and "'limit'" in paging.json()["detail"]


def _about(data: bytes) -> dict[str, object]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}


def test_the_about_sheet_names_the_download_it_came_from(client: TestClient) -> None:
    rest = client.get("/api/v1/meetings.xlsx?country=PK")
    assert rest.status_code == 200, rest.text
    assert _about(rest.content)["Source"] == "http://testserver/api/v1/meetings.xlsx?country=PK"
    body = client.post("/graphql", json={"query": '{ exportUrl(format: "xlsx") }'}).json()
    url = body["data"]["exportUrl"]
    linked = client.get(url)
    assert linked.status_code == 200, linked.text
    assert _about(linked.content)["Source"] == "http://testserver" + url


def test_labels_in_csv_and_formulas_stay_neutralised_whatever_the_link(
    client: TestClient,
) -> None:
    labelled = client.get("/api/v1/meetings.csv?opt.labels=true&kind=phone_call")
    assert labelled.status_code == 200, labelled.text
    rows = list(csv.DictReader(io.StringIO(labelled.text)))
    assert {row["kind_label"] for row in rows} == {"Phone call"}
    assert all(row["topic_labels"] for row in rows)
    refused = client.get("/api/v1/meetings.csv?opt.neutralise_formulas=false")
    assert refused.status_code == 400
    problem = refused.json()
    assert "cannot be set in a download link" in problem["detail"]
    assert problem["errors"][0]["field"] == "neutralise_formulas"


async def _download(app: Any, path: str, counter: StatementCounter) -> tuple[int, int, bytes]:
    """GET `path` straight through the ASGI app; the statements run when the first body
    bytes were sent, the statements run in all, and the body."""
    finished = anyio.Event()
    asked = False
    body: list[bytes] = []
    at_first = -1

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal at_first
        if message["type"] == "http.response.body":
            if message.get("body") and at_first < 0:
                at_first = counter.count
            body.append(message.get("body", b""))
            if not message.get("more_body"):
                finished.set()

    path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    await app(scope, receive, send)
    return at_first, counter.count, b"".join(body)


def test_the_xlsx_download_sends_bytes_before_the_workbook_is_complete(
    seeded: Service, count_statements: type[StatementCounter]
) -> None:
    synth.generate(seeded.engine, 2_500, seed=1)  # three batches of the repository
    app = create_app(seeded.settings, service=seeded)
    with TestClient(app), count_statements(seeded.engine) as counter:
        at_first, total, data = anyio.run(
            _download, app, "/api/v1/meetings.xlsx?synthetic=any", counter
        )
    pages = [s for s in counter.statements if _PAGE.search(s)]
    assert len(pages) == 3, pages
    first_batch = counter.statements.index(pages[0])
    second_batch = counter.statements.index(pages[1])
    assert first_batch < at_first <= second_batch < total  # one batch of three was read
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert sum(1 for _ in book["Meetings"].iter_rows()) == 2_504 + 1


def test_head_runs_no_export(
    seeded: Service, client: TestClient, count_statements: type[StatementCounter]
) -> None:
    with count_statements(seeded.engine) as counter:
        head = client.head("/api/v1/meetings.xlsx")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert not [s for s in counter.statements if _PAGE.search(s)], counter.statements
