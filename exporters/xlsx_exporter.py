"""Excel workbook: one sheet per table and an About sheet.

Sheets: Meetings (one row per meeting), Participants, Statements, Outcomes, Sources,
Topics (see `exporters.tables`) and About (the filter used, the time of export, the
version, row counts, how to cite, and what each column means). Dates are date cells;
headers are bold and frozen with an autofilter; source URLs are links. No cell is ever a
formula: text that starts with `=` (or looks like an Excel error) is stored as a string
cell, and text starting with `+`, `-`, `@`, tab or CR is a string cell anyway.

Written with openpyxl in write-only mode: rows go to temporary files as they come, so
memory stays flat whatever the number of meetings; the workbook is assembled at the end.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from api.filters import filter_query
from api.models import Meeting
from exporters._chunks import CHUNK_SIZE
from exporters.base import ExportContext, Exporter, NoOptions
from exporters.hookspecs import hookimpl
from exporters.tables import TABLES, Row, Table, meeting_rows

__all__ = ["XlsxExporter", "readouts_exporters"]

_BOLD = Font(bold=True)
_LINK = Font(color="0563C1", underline="single")
_WRAP = Alignment(wrap_text=True, vertical="top")
_ERRORS = frozenset(ERROR_CODES)
_ABOUT = "About"


class _Sheet:
    """One write-only worksheet of a table, and how many rows it holds."""

    def __init__(self, workbook: Any, table: Table) -> None:
        self.table = table
        self.sheet = workbook.create_sheet(table.title)
        for number, column in enumerate(table.columns, 1):
            self.sheet.column_dimensions[get_column_letter(number)].width = column.width
        self.sheet.freeze_panes = "A2"
        self.links = {i for i, column in enumerate(table.columns) if column.link}
        self.rows = 0
        self.sheet.append([self._header(name) for name in table.header])

    def _header(self, name: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, name)
        cell.font = _BOLD
        return cell

    def append(self, row: Row) -> None:
        values: list[Any] = [_value(self.sheet, v) if isinstance(v, str) else v for v in row]
        for index in self.links:
            url = row[index]
            if isinstance(url, str) and url.startswith(("https://", "http://")):
                values[index] = _link(self.sheet, url)
        self.sheet.append(values)
        self.rows += 1

    def finish(self) -> None:
        last = get_column_letter(len(self.table.columns))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def _value(sheet: Any, text: str) -> Any:
    """`text` as a cell value that is never a formula or an error."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if text.startswith("=") or text in _ERRORS:
        cell = WriteOnlyCell(sheet, None)
        cell._value = text
        cell.data_type = "s"
        return cell
    return text


def _link(sheet: Any, url: str) -> Any:
    """A link cell; `url` starts with http(s)://, so it is never a formula."""
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", url))
    cell.hyperlink = url
    cell.font = _LINK
    return cell


class XlsxExporter(Exporter[NoOptions]):
    """An Excel workbook with one sheet per table and an About sheet."""

    name = "xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension = "xlsx"
    description = (
        "Excel workbook: Meetings, Participants, Statements, Outcomes, Sources, Topics, About."
    )
    options_model = NoOptions

    def stream(
        self, meetings: Iterable[Meeting], options: NoOptions, context: ExportContext
    ) -> Iterator[bytes]:
        workbook = Workbook(write_only=True)
        sheets = {table.name: _Sheet(workbook, table) for table in TABLES}
        for meeting in meetings:
            for name, rows in meeting_rows(meeting).items():
                sheet = sheets[name]
                for row in rows:
                    sheet.append(row)
        for sheet in sheets.values():
            sheet.finish()
        _about(workbook, context, [(s.table, s.rows) for s in sheets.values()])
        with tempfile.TemporaryFile() as file:
            workbook.save(file)
            file.seek(0)
            while chunk := file.read(CHUNK_SIZE):
                yield chunk


def _about(workbook: Any, context: ExportContext, counts: Sequence[tuple[Table, int]]) -> None:
    """The About sheet: what was exported, when, from where, and how to cite it."""
    sheet = workbook.create_sheet(_ABOUT)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 12
    sheet.column_dimensions["D"].width = 70
    exported = context.exported_at.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    selection = "; ".join(f"{k}={v}" for k, v in filter_query(context.selection))
    where = context.source_url or "a local readouts database"
    citation = (
        f"readouts {context.version}: diplomatic readouts dataset, exported "
        f"{exported.date().isoformat()} from {where}"
        + (f" (filter: {selection})" if selection else "")
        + "."
    )

    def bold(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, text)
        cell.font = _BOLD
        return cell

    def line(*values: Any) -> None:
        sheet.append([_value(sheet, v) if isinstance(v, str) else v for v in values])

    exported_cell = WriteOnlyCell(sheet, exported)
    exported_cell.number_format = "yyyy-mm-dd hh:mm:ss"
    sheet.append([bold("readouts export")])
    line("Exported at (UTC)", exported_cell)
    line("readouts version", context.version)
    line("Source", context.source_url or "")
    line("Filter", selection or "(all meetings)")
    for table, rows in counts:
        line(f"{table.title} rows", rows)
    cite = WriteOnlyCell(sheet, citation)  # starts with "readouts": never a formula
    cite.alignment = _WRAP
    sheet.append([bold("How to cite"), cite])
    sheet.append([])
    sheet.append([bold("Sheet"), bold("Column"), bold("Type"), bold("Meaning")])
    for table, _ in counts:
        line(table.title, "", "", table.description)
        for column in table.columns:
            line(table.title, column.name, column.type, column.description)


@hookimpl
def readouts_exporters() -> list[Exporter[Any]]:
    """The xlsx exporter."""
    return [XlsxExporter()]
