"""json and ndjson: the REST objects, read back with the json module."""

from __future__ import annotations

import json
from typing import Any

from api.models import Meeting
from exporters.base import ExportContext, NoOptions
from exporters.json_exporter import JsonExporter, NdjsonExporter


def _export(exporter: Any, meetings: Any, context: ExportContext) -> bytes:
    return b"".join(exporter.stream(meetings, NoOptions(), context))


def test_json_round_trip(stored_meetings: list[Meeting], context: ExportContext) -> None:
    document = json.loads(_export(JsonExporter(), stored_meetings, context))
    assert list(document) == ["data"]
    assert document["data"] == [m.model_dump(mode="json") for m in stored_meetings]
    assert [Meeting.model_validate(item) for item in document["data"]] == stored_meetings
    assert document["data"][0]["date"] == stored_meetings[0].date.isoformat()


def test_ndjson_round_trip(stored_meetings: list[Meeting], context: ExportContext) -> None:
    data = _export(NdjsonExporter(), stored_meetings, context)
    assert data.endswith(b"\n")
    lines = data.decode().splitlines()
    assert [Meeting.model_validate_json(line) for line in lines] == stored_meetings


def test_many_meetings_come_in_several_chunks(
    seed_meetings: list[Meeting], context: ExportContext
) -> None:
    many = seed_meetings * 200
    chunks = list(JsonExporter().stream(many, NoOptions(), context))
    assert len(chunks) > 3
    assert len(json.loads(b"".join(chunks))["data"]) == len(many)
    lines = b"".join(NdjsonExporter().stream(many, NoOptions(), context)).splitlines()
    assert len(lines) == len(many)


def test_empty_exports(context: ExportContext) -> None:
    assert json.loads(_export(JsonExporter(), [], context)) == {"data": []}
    assert _export(NdjsonExporter(), [], context) == b""
