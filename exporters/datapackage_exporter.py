"""Frictionless data package: a zip of the CSV tables and a `datapackage.json`.

The descriptor gives each table a Table Schema (types, required fields, allowed values),
a primary key, and a foreign key from every table to `meetings`, so `frictionless
validate` checks the whole package. The CSV files hold the data byte for byte (no formula
neutralising: this format is for data tools; use xlsx or csv for spreadsheets).

Option `labels=true` adds the label columns of `exporters.tables` beside the codes
(`kind_label`, `setting_label`, `topic_labels` in meetings, `topic_label` in topics).

The zip is streamed: `meetings.csv` is sent as it is written, the other tables wait in
temporary files and follow.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import IO, Any

import orjson
from pydantic import BaseModel, ConfigDict, Field

from api.filters import filter_query
from api.models import Meeting
from api.results import MeetingRow
from exporters._chunks import CHUNK_SIZE, TextChunks
from exporters.base import ExportContext, Exporter
from exporters.csv_exporter import csv_text
from exporters.hookspecs import hookimpl
from exporters.table_rows import meeting_rows
from exporters.tables import MEETINGS, Labels, Table, tables
from exporters.zipstream import ZipStream

__all__ = ["DatapackageExporter", "DatapackageOptions", "descriptor", "readouts_exporters"]


class DatapackageOptions(BaseModel):
    """Options of the datapackage format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    labels: bool = Field(default=False, description="Add a label column beside each code.")


def descriptor(context: ExportContext, labelled: bool = False) -> dict[str, Any]:
    """The `datapackage.json` of an export made in `context` (with label columns when
    `labelled`)."""
    selection = filter_query(context.selection)
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "readouts-meetings",
        "title": "readouts: diplomatic meetings and calls",
        "description": (
            "Meetings and calls between leaders, with participants, statements, outcomes, "
            "sources and topics. Filter: "
            + ("; ".join(f"{k}={v}" for k, v in selection) or "(all meetings)")
        ),
        "version": context.version,
        "created": context.exported_at.isoformat().replace("+00:00", "Z"),
        "resources": [_resource(table) for table in tables(labelled)],
    }
    if context.source_url:
        package["sources"] = [{"title": "readouts", "path": context.source_url}]
    return package


def _resource(table: Table) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {
            "name": column.name,
            "type": column.type,
            "description": column.description,
        }
        constraints: dict[str, Any] = {}
        if column.required:
            constraints["required"] = True
        if column.enum:
            constraints["enum"] = list(column.enum)
        if constraints:
            field["constraints"] = constraints
        if column.type == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.primary_key)}
    if table.refers_to_meetings:
        schema["foreignKeys"] = [
            {"fields": ["meeting_id"], "reference": {"resource": "meetings", "fields": ["id"]}}
        ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": table.title,
        "description": table.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


class _TableWriter:
    """CSV rows of one table, flushed in chunks to `target`."""

    def __init__(self, table: Table, target: IO[bytes]) -> None:
        self.target = target
        self.buffer = TextChunks()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")
        self.writer.writerow(table.header)

    def flush(self) -> None:
        self.target.write(self.buffer.take())


class DatapackageExporter(Exporter[DatapackageOptions]):
    """A zip of the tables as CSV with a Frictionless `datapackage.json`."""

    name = "datapackage"
    media_type = "application/zip"
    extension = "zip"
    description = "Frictionless data package: the tables as CSV with datapackage.json, zipped."
    options_model = DatapackageOptions

    def filename(self, stem: str = "meetings") -> str:
        """e.g. `meetings-datapackage.zip`."""
        return f"{stem}-datapackage.{self.extension}"

    reads = "rows"

    def stream(
        self,
        meetings: Iterable[Meeting | MeetingRow],
        options: DatapackageOptions,
        context: ExportContext,
    ) -> Iterator[bytes]:
        chosen = tables(options.labels)
        labels = Labels.of(context.topics) if options.labels else None
        stamp = context.exported_at.timetuple()[:6]
        archive = ZipStream(date_time=(max(stamp[0], 1980), *stamp[1:]))
        with archive.open("datapackage.json") as member:
            member.write(
                orjson.dumps(descriptor(context, options.labels), option=orjson.OPT_INDENT_2)
            )
        yield archive.take()
        with ExitStack() as stack:
            spooled = {
                table.name: stack.enter_context(tempfile.TemporaryFile())
                for table in chosen
                if table.name != MEETINGS.name
            }
            member = stack.enter_context(archive.open(f"{MEETINGS.name}.csv"))
            writers = {
                table.name: _TableWriter(table, spooled.get(table.name, member)) for table in chosen
            }
            for meeting in self.rows(meetings):
                for name, rows in meeting_rows(meeting, labels).items():
                    writer = writers[name]
                    for row in rows:
                        writer.writer.writerow(csv_text(row, False))
                    if writer.buffer.full():
                        writer.flush()
                if archive.pending() >= CHUNK_SIZE:
                    yield archive.take()
            for writer in writers.values():
                writer.flush()
            member.close()
            yield archive.take()
            for table in chosen:
                if table.name == MEETINGS.name:
                    continue
                file = spooled[table.name]
                file.seek(0)
                with archive.open(f"{table.name}.csv") as out:
                    while chunk := file.read(CHUNK_SIZE):
                        out.write(chunk)
                        if archive.pending() >= CHUNK_SIZE:
                            yield archive.take()
                yield archive.take()
        yield from archive.close()


@hookimpl
def readouts_exporters() -> list[Exporter[Any]]:
    """The datapackage exporter."""
    return [DatapackageExporter()]
