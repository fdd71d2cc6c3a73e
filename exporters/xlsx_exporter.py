"""Excel workbook: one sheet per table, a Codes sheet and an About sheet.

Sheets: Meetings (one row per meeting, with principals and attendees), Participants,
Statements, Outcomes, Sources, Topics (the labelled tables of `exporters.tables`: every
code has its label beside it), Codes (each code of a closed list and each topic of the
vocabulary with its label and meaning) and About (the filter used, the time of export,
where the data came from, the version, row counts, how to cite, and what each column
means). Dates are date cells; headers are bold and frozen with an autofilter; long text
wraps in columns of fixed widths; every sheet prints landscape, one page wide, with the
header row on every page; source URLs are links.

No cell is ever a formula: text that starts with `=` (or looks like an Excel error) is
stored as a string cell, and text starting with `+`, `-`, `@`, tab or CR is a string
cell anyway. Every string goes through `exporters.cells` (characters XML forbids
replaced, text longer than a cell holds cut with a note saying so).

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
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from api.filters import filter_query
from api.models import DatePrecision, Meeting, MeetingKind, OutcomeKind, Role, Setting, TimeOfDay
from exporters._chunks import CHUNK_SIZE
from exporters.base import ExportContext, Exporter, NoOptions
from exporters.cells import LINK_LIMIT, sheet_title, xlsx_text, xlsx_url
from exporters.hookspecs import hookimpl
from exporters.tables import Labels, Row, Table, code_label, meeting_rows, tables

__all__ = ["XlsxExporter", "readouts_exporters"]

_BOLD = Font(bold=True)
_LINK = Font(color="0563C1", underline="single")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_ERRORS = frozenset(ERROR_CODES)
_LINE_HEIGHT = 15  # points, a line of 11-point Calibri
_MAX_HEIGHT = 409  # the tallest row Excel allows
_ABOUT = "About"
_CODES = "Codes"
_CLOSED_LISTS: tuple[tuple[str, str, type[Any]], ...] = (
    ("Meetings", "kind", MeetingKind),
    ("Meetings", "setting", Setting),
    ("Meetings", "date_precision", DatePrecision),
    ("Meetings", "time_of_day", TimeOfDay),
    ("Participants", "role", Role),
    ("Outcomes", "kind", OutcomeKind),
)


def _print_setup(sheet: Any) -> None:
    """Landscape, one page wide (as many pages tall as needed), header row on each page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5


def _styled(sheet: Any, alignment: Alignment, number_format: str = "General") -> Any:
    """A style to give the cells of a column (cheaper than setting each attribute)."""
    cell = WriteOnlyCell(sheet, None)
    cell.alignment = alignment
    cell.number_format = number_format
    return cell._style


class _Sheet:
    """One write-only worksheet of a table, and how many rows it holds."""

    def __init__(self, workbook: Any, table: Table) -> None:
        self.table = table
        self.sheet = workbook.create_sheet(sheet_title(table.title))
        widths = [max(c.width, len(c.name) + 1) for c in table.columns]  # headers show whole
        for number, width in enumerate(widths, 1):
            self.sheet.column_dimensions[get_column_letter(number)].width = width
        self.sheet.freeze_panes = "A2"
        _print_setup(self.sheet)
        self.links = {i for i, column in enumerate(table.columns) if column.link}
        wrap, date = _styled(self.sheet, _WRAP), _styled(self.sheet, _TOP, "yyyy-mm-dd")
        self.styles = [
            wrap if column.wrap else date if column.type == "date" else None
            for column in table.columns
        ]
        self.wrapped = [
            (i, _chars_per_line(widths[i])) for i, column in enumerate(table.columns) if column.wrap
        ]
        self.rows = 0
        self.sheet.append([_bold(self.sheet, name) for name in table.header])

    def append(self, row: Row) -> None:
        sheet, styles = self.sheet, self.styles
        lines = max(
            (_lines(text, per_line) for i, per_line in self.wrapped if (text := row[i])),
            default=1,
        )
        number = self.rows + 2
        if lines > 1:
            # The row's height, written with the row and dropped: memory stays flat.
            sheet.row_dimensions[number] = RowDimension(
                sheet, index=number, ht=min(_LINE_HEIGHT * lines, _MAX_HEIGHT), customHeight=True
            )
        values: list[Any] = []
        for value, style in zip(row, styles, strict=True):
            if not isinstance(value, str):
                if style is not None and value is not None:  # a date: top-aligned too
                    value = WriteOnlyCell(sheet, value)
                    value._style = style
                values.append(value)
            elif style is not None:
                cell = _cell(sheet, value)
                cell._style = style  # shared, never changed: only read when written
                values.append(cell)
            else:
                values.append(_plain(sheet, value))
        for index in self.links:
            url = row[index]
            if isinstance(url, str) and url.startswith(("https://", "http://")):
                values[index] = _link(_cell(sheet, url), url)
        sheet.append(values)
        if lines > 1:
            del sheet.row_dimensions[number]
        self.rows += 1

    def finish(self) -> None:
        last = get_column_letter(len(self.table.columns))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def _chars_per_line(width: int) -> int:
    """About how many characters of running text a column `width` wide shows a line."""
    return max(1, int(width * 1.1))


def _lines(text: Any, per_line: int) -> int:
    """About how many lines `text` takes when wrapped at `per_line` characters."""
    if not isinstance(text, str):
        return 1
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(-(-len(part) // per_line) or 1 for part in text.split("\n"))


def _cell(sheet: Any, value: str) -> WriteOnlyCell:
    """A cell of `value`, cleaned; never a formula or an error."""
    text = xlsx_text(value)
    cell = WriteOnlyCell(sheet, None)
    cell._value = text
    cell.data_type = "s"
    return cell


def _plain(sheet: Any, value: str) -> Any:
    """`value` cleaned, as text openpyxl writes as is, or as a string cell where it would
    not (text that starts with `=` or is an error code)."""
    text = xlsx_text(value)
    return _cell(sheet, text) if text.startswith("=") or text in _ERRORS else text


def _value(sheet: Any, value: Any) -> Any:
    """`value` for a cell of the About and Codes sheets."""
    return _cell(sheet, value) if isinstance(value, str) else value


def _bold(sheet: Any, text: str) -> WriteOnlyCell:
    cell = _cell(sheet, text)
    cell.font = _BOLD
    return cell


def _link(cell: WriteOnlyCell, url: str) -> WriteOnlyCell:
    """`cell` (showing `url`, which starts with http(s)://) as a link to `url`."""
    target = xlsx_url(url)
    if len(target) <= LINK_LIMIT:
        cell.hyperlink = target
        cell.font = _LINK
    return cell


class XlsxExporter(Exporter[NoOptions]):
    """An Excel workbook with one sheet per table, a Codes sheet and an About sheet."""

    name = "xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension = "xlsx"
    description = (
        "Excel workbook: Meetings, Participants, Statements, Outcomes, Sources, Topics, "
        "Codes, About."
    )
    options_model = NoOptions

    def stream(
        self, meetings: Iterable[Meeting], options: NoOptions, context: ExportContext
    ) -> Iterator[bytes]:
        workbook = Workbook(write_only=True)
        # Cells without a style of their own inherit the Normal style: top-aligned, so a
        # short value sits level with the first line of wrapped text beside it.
        workbook._named_styles["Normal"].alignment = _TOP
        labels = Labels.of(context.topics)
        sheets = {table.name: _Sheet(workbook, table) for table in tables(labelled=True)}
        for meeting in meetings:
            for name, rows in meeting_rows(meeting, labels).items():
                sheet = sheets[name]
                for row in rows:
                    sheet.append(row)
        for sheet in sheets.values():
            sheet.finish()
        _codes(workbook, context)
        _about(workbook, context, [(s.table, s.rows) for s in sheets.values()])
        with tempfile.TemporaryFile() as file:
            workbook.save(file)
            file.seek(0)
            while chunk := file.read(CHUNK_SIZE):
                yield chunk


def _codes(workbook: Any, context: ExportContext) -> None:
    """The Codes sheet: every code of a closed list and every topic, with label and meaning."""
    sheet = workbook.create_sheet(_CODES)
    for letter, width in zip("ABCDE", (14, 16, 34, 30, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    _print_setup(sheet)
    wrap = _styled(sheet, _WRAP)
    sheet.append([_bold(sheet, h) for h in ("sheet", "column", "code", "label", "meaning")])

    def line(*values: str) -> None:
        cells = []
        for value in values:
            cell = _cell(sheet, value)
            cell._style = wrap
            cells.append(cell)
        sheet.append(cells)

    for title, column, enum in _CLOSED_LISTS:
        for member in enum:
            line(title, column, member.value, code_label(member.value), "")
    for topic in sorted(context.topics, key=lambda t: t.id):
        line("Topics", "topic_id", topic.id, topic.label, topic.description)


def _about(workbook: Any, context: ExportContext, counts: Sequence[tuple[Table, int]]) -> None:
    """The About sheet: what was exported, when, from where, and how to cite it."""
    sheet = workbook.create_sheet(_ABOUT)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 12
    sheet.column_dimensions["D"].width = 70
    _print_setup(sheet)
    exported = context.exported_at.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    selection = "; ".join(f"{k}={v}" for k, v in filter_query(context.selection))
    where = context.source_url or "a local readouts database"
    citation = (
        f"readouts {context.version}: diplomatic readouts dataset, exported "
        f"{exported.date().isoformat()} from {where}"
        + (f" (filter: {selection})" if selection else "")
        + "."
    )

    def line(*values: Any) -> None:
        sheet.append([_value(sheet, v) for v in values])

    exported_cell = WriteOnlyCell(sheet, exported)
    exported_cell.number_format = "yyyy-mm-dd hh:mm:ss"
    sheet.append([_bold(sheet, "readouts export")])
    line("Exported at (UTC)", exported_cell)
    line("readouts version", context.version)
    line("Source", context.source_url or "")
    line("Filter", selection or "(all meetings)")
    for table, rows in counts:
        line(f"{table.title} rows", rows)
    cite = _cell(sheet, citation)  # starts with "readouts": never a formula
    cite.alignment = _WRAP
    sheet.append([_bold(sheet, "How to cite"), cite])
    sheet.append([])
    sheet.append([_bold(sheet, h) for h in ("Sheet", "Column", "Type", "Meaning")])
    for table, _ in counts:
        line(table.title, "", "", table.description)
        for column in table.columns:
            line(table.title, column.name, column.type, column.description)
    line(_CODES, "", "", "Each code of a closed list and each topic, with its label and meaning.")


@hookimpl
def readouts_exporters() -> list[Exporter[Any]]:
    """The xlsx exporter."""
    return [XlsxExporter()]
