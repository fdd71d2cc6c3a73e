"""CSV: one table of the export (Meetings by default), RFC 4180, UTF-8.

Options: `table` picks the table (`meetings`, `participants`, `statements`, `outcomes`,
`sources`, `topics`); `labels=true` adds a label column beside each code (`kind_label`,
`setting_label`, `topic_labels`, `topic_label`); `excel=true` starts the file with a
byte-order mark so Excel reads it as UTF-8; `neutralise_formulas` (on by default) quotes
a cell a spreadsheet could run as a formula (one starting with `=`, `+`, `-`, `@`, tab
or CR, or with a formula after a `;`, `,`, `|`, tab or line break inside it) and
prefixes it with `'`. Turning it off is for data pipelines that need the text byte for
byte, and only the command line may (`readouts export --option
neutralise_formulas=false`): a download link cannot, so a link someone is sent never
gives a file that runs formulas. It reads rows (`Exporter.reads`) and takes models too.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from api.models import Meeting
from api.results import MeetingRow
from exporters._chunks import TextChunks
from exporters.base import LOCAL_ONLY, ExportContext, Exporter
from exporters.cells import csv_needs_guard, csv_row_may_need_guard
from exporters.hookspecs import hookimpl
from exporters.table_rows import table_rows
from exporters.tables import Labels, Row, TableName, table

__all__ = ["CsvExporter", "CsvOptions", "CsvWriter", "csv_text", "readouts_exporters"]


class CsvOptions(BaseModel):
    """Options of the csv format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: TableName = Field(default="meetings", description="Which table to write.")
    labels: bool = Field(default=False, description="Add a label column beside each code.")
    excel: bool = Field(default=False, description="Start with a UTF-8 byte-order mark for Excel.")
    neutralise_formulas: bool = Field(
        default=True,
        description=(
            "Quote and prefix with ' text a spreadsheet could run as a formula; "
            "only the command line may turn it off."
        ),
        json_schema_extra=LOCAL_ONLY,
    )


def csv_text(row: Row, inert: bool) -> list[Any]:
    """A row as CSV values: dates in ISO 8601, booleans as true/false, None as empty.

    With `inert`, text a spreadsheet could run as a formula is prefixed with `'`; such a
    row is then an `_Inert` list, which `_write` quotes whole."""
    # The csv module writes a date as str(date), its ISO 8601 form, and None as empty.
    values = ["true" if v is True else "false" if v is False else v for v in row]
    if not inert or not csv_row_may_need_guard(v for v in values if type(v) is str):
        return values
    guarded = False
    for index, value in enumerate(values):
        if isinstance(value, str) and csv_needs_guard(value):
            values[index], guarded = "'" + value, True
    return _Inert(values) if guarded else values


class _Inert(list[Any]):
    """CSV values of a row holding formula-like text: written with every cell quoted."""


class CsvWriter:
    """RFC 4180 rows (CRLF) into `sink`; a row from `csv_text` with guarded text is quoted
    whole, so a spreadsheet splitting on another separator keeps each cell one cell."""

    def __init__(self, sink: Any) -> None:
        self._plain = csv.writer(sink, lineterminator="\r\n")
        self._quoted = csv.writer(sink, lineterminator="\r\n", quoting=csv.QUOTE_ALL)

    def writerow(self, values: list[Any]) -> None:
        """Write one row."""
        (self._quoted if isinstance(values, _Inert) else self._plain).writerow(values)


class CsvExporter(Exporter[CsvOptions]):
    """One table as CSV."""

    name = "csv"
    media_type = "text/csv; charset=utf-8"
    extension = "csv"
    description = "One table as CSV (meetings by default; option table=participants, ...)."
    options_model = CsvOptions
    reads = "rows"

    def stream(
        self,
        meetings: Iterable[Meeting | MeetingRow],
        options: CsvOptions,
        context: ExportContext,
    ) -> Iterator[bytes]:
        chosen = table(options.table, labelled=options.labels)
        labels = Labels.of(context.topics) if options.labels else None
        buffer = TextChunks()
        writer = CsvWriter(buffer)
        writer.writerow(chosen.header)
        head = buffer.take()
        yield b"\xef\xbb\xbf" + head if options.excel else head
        inert = options.neutralise_formulas
        name = chosen.name
        for meeting in self.rows(meetings):
            for row in table_rows(meeting, name, labels):
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
