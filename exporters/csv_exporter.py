"""CSV: one table of the export (Meetings by default), RFC 4180, UTF-8.

Options: `table` picks the table (`meetings`, `participants`, `statements`, `outcomes`,
`sources`, `topics`); `excel=true` starts the file with a byte-order mark so Excel reads
it as UTF-8; `neutralise_formulas` (on by default) prefixes text a spreadsheet would run
as a formula (`=`, `+`, `-`, `@`, tab, CR) with `'` — turn it off for data pipelines
that need the text byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from api.models import Meeting
from exporters._chunks import TextChunks
from exporters.base import ExportContext, Exporter
from exporters.cells import neutralise
from exporters.hookspecs import hookimpl
from exporters.tables import Row, TableName, table, table_rows

__all__ = ["CsvExporter", "CsvOptions", "csv_text", "readouts_exporters"]


class CsvOptions(BaseModel):
    """Options of the csv format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: TableName = Field(default="meetings", description="Which table to write.")
    excel: bool = Field(default=False, description="Start with a UTF-8 byte-order mark for Excel.")
    neutralise_formulas: bool = Field(
        default=True,
        description="Prefix text starting with =, +, -, @, tab or CR with ' so it is not run.",
    )


def csv_text(row: Row, inert: bool) -> list[Any]:
    """A row as CSV values: dates in ISO 8601, booleans as true/false, None as empty."""
    values: list[Any] = []
    for value in row:
        if isinstance(value, str):
            if inert:
                value = neutralise(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, dt.date):
            value = value.isoformat()
        values.append(value)
    return values


class CsvExporter(Exporter[CsvOptions]):
    """One table as CSV."""

    name = "csv"
    media_type = "text/csv; charset=utf-8"
    extension = "csv"
    description = "One table as CSV (meetings by default; option table=participants, ...)."
    options_model = CsvOptions

    def stream(
        self, meetings: Iterable[Meeting], options: CsvOptions, context: ExportContext
    ) -> Iterator[bytes]:
        chosen = table(options.table)
        buffer = TextChunks()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(chosen.header)
        head = buffer.take()
        yield b"\xef\xbb\xbf" + head if options.excel else head
        inert = options.neutralise_formulas
        for meeting in meetings:
            for row in table_rows(meeting, chosen.name):
                writer.writerow(csv_text(row, inert))
            if buffer.full():
                yield buffer.take()
        rest = buffer.take()
        if rest:
            yield rest


@hookimpl
def readouts_exporters() -> list[Exporter[Any]]:
    """The csv exporter."""
    return [CsvExporter()]
