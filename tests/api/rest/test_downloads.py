"""Downloads through the exporter registry: by extension and by Accept, streamed, read back."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
from starlette.testclient import TestClient


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
    response = client.get("/api/v1/meetings.xlsx")
    assert response.status_code == 200, response.text
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
