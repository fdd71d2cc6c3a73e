"""JSON and NDJSON: meetings as the same nested objects the REST API returns.

`json` writes `{"data": [meeting, ...]}`; `ndjson` writes one meeting a line, for tools
that read a stream. Both are written chunk by chunk, whatever the number of meetings.
Both read rows (`Exporter.reads`): orjson writes a `MeetingRow` as Pydantic writes the
model, byte for byte; a model given instead is written by Pydantic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from api.models import Meeting
from api.results import MeetingRow
from exporters._chunks import CHUNK_SIZE
from exporters.base import ExportContext, Exporter, NoOptions
from exporters.hookspecs import hookimpl

__all__ = ["JsonExporter", "NdjsonExporter", "readouts_exporters"]


def _encoded(
    meetings: Iterable[Meeting | MeetingRow], between: bytes, after: bytes
) -> Iterator[bytes]:
    """Meetings as JSON, `between` two and `after` each, in chunks of about CHUNK_SIZE."""
    parts: list[bytes] = []
    size = 0
    first = True
    dumps = orjson.dumps
    for meeting in meetings:
        if isinstance(meeting, dict):
            data = dumps(meeting)
        else:
            data = meeting.__pydantic_serializer__.to_json(meeting)
        if between and not first:
            parts.append(between)
        first = False
        parts.append(data)
        if after:
            parts.append(after)
        size += len(data) + 1
        if size >= CHUNK_SIZE:
            yield b"".join(parts)
            parts, size = [], 0
    if parts:
        yield b"".join(parts)


class JsonExporter(Exporter[NoOptions]):
    """`{"data": [...]}` with every meeting nested as in the REST API."""

    name = "json"
    media_type = "application/json"
    extension = "json"
    description = 'Meetings as nested JSON objects, {"data": [...]}, as the REST API returns them.'
    options_model = NoOptions
    reads = "rows"

    def stream(
        self,
        meetings: Iterable[Meeting | MeetingRow],
        options: NoOptions,
        context: ExportContext,
    ) -> Iterator[bytes]:
        yield b'{"data":['
        yield from _encoded(meetings, b",", b"")
        yield b"]}\n"


class NdjsonExporter(Exporter[NoOptions]):
    """One meeting a line."""

    name = "ndjson"
    media_type = "application/x-ndjson"
    extension = "ndjson"
    description = "One meeting a line as JSON (newline-delimited JSON)."
    options_model = NoOptions
    reads = "rows"

    def stream(
        self,
        meetings: Iterable[Meeting | MeetingRow],
        options: NoOptions,
        context: ExportContext,
    ) -> Iterator[bytes]:
        yield from _encoded(meetings, b"", b"\n")


@hookimpl
def readouts_exporters() -> list[Exporter[Any]]:
    """The json and ndjson exporters."""
    return [JsonExporter(), NdjsonExporter()]
