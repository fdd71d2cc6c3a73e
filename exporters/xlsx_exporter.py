"""Excel workbook: one sheet per table, a Codes sheet and an About sheet.

Sheets: Meetings (one row per meeting, with principals and attendees), Participants,
Statements, Outcomes, Sources, Topics (the labelled tables of `exporters.tables`: every
code has its label beside it), Codes (each code of a closed list and each topic of the
vocabulary with its label and meaning) and About (the filter used, the time of export,
where the data came from, the version, row counts, how to cite, and what each column
means). Dates are date cells; headers are bold and frozen with an autofilter; long text
wraps in columns of fixed widths, and a row is as tall as its longest wrapped text;
every sheet prints landscape, one page wide, with the header row on every page; source
URLs are links.

No cell is ever a formula: text is written as inline string cells, whatever it starts
with (`=`, `+`, `-`, `@`, tab, CR, or an Excel error such as `#N/A`). Every string goes
through `exporters.cells` (characters XML forbids replaced, text longer than a cell
holds cut with a note saying so, link targets percent-encoded, sheet names made valid).

Streamed: the workbook is a zip written to an unseekable stream (`exporters.zipstream`),
and the Meetings sheet is one of its members, written as the meetings come, so the
first bytes leave after the first meeting. The other tables' sheets wait in temporary
files until the meetings end and are then copied into the zip: memory stays flat
whatever the number of meetings. It reads rows (`Exporter.reads`) and takes models too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from api.filters import filter_query
from api.models import DatePrecision, Meeting, MeetingKind, OutcomeKind, Role, Setting, TimeOfDay
from api.results import MeetingRow
from exporters._chunks import CHUNK_SIZE
from exporters.base import ExportContext, Exporter, NoOptions
from exporters.cells import sheet_title
from exporters.hookspecs import hookimpl
from exporters.table_rows import meeting_rows
from exporters.tables import Labels, Row, Table, code_label, tables
from exporters.xlsx_sheet import (
    BOLD,
    DATE,
    DATETIME,
    PLAIN,
    WRAP,
    SheetWriter,
    workbook_parts,
)
from exporters.zipstream import ZipStream

__all__ = ["XlsxExporter", "readouts_exporters"]

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


def _sheet_part(number: int) -> str:
    return f"xl/worksheets/sheet{number}.xml"


class _Sheet:
    """The sheet of one table: its writer, the styles of its columns, its wrapped text."""

    def __init__(self, table: Table, sink: IO[bytes]) -> None:
        self.table = table
        widths = [max(c.width, len(c.name) + 1) for c in table.columns]  # headers show whole
        self.writer = SheetWriter(sink, widths)
        self.styles = [
            WRAP if column.wrap else DATE if column.type == "date" else PLAIN
            for column in table.columns
        ]
        self.links = [i for i, column in enumerate(table.columns) if column.link]
        self.wrapped = [
            (i, _chars_per_line(widths[i])) for i, column in enumerate(table.columns) if column.wrap
        ]
        self.writer.row(table.header, [BOLD] * len(widths))

    def append(self, row: Row) -> None:
        lines = 1
        for index, per_line in self.wrapped:
            text = row[index]
            if isinstance(text, str) and (len(text) > per_line or "\n" in text):
                lines = max(lines, _lines(text, per_line))
        height = min(_LINE_HEIGHT * lines, _MAX_HEIGHT) if lines > 1 else None
        self.writer.row(row, self.styles, height, self.links)

    @property
    def rows(self) -> int:
        """Rows below the header."""
        return self.writer.rows - 1


def _chars_per_line(width: int) -> int:
    """About how many characters of running text a column `width` wide shows a line."""
    return max(1, int(width * 1.1))


def _lines(text: str, per_line: int) -> int:
    """About how many lines `text` takes when wrapped at `per_line` characters."""
    return sum(-(-len(part) // per_line) or 1 for part in text.split("\n"))


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
    reads = "rows"

    def stream(
        self,
        meetings: Iterable[Meeting | MeetingRow],
        options: NoOptions,
        context: ExportContext,
    ) -> Iterator[bytes]:
        with contextlib.ExitStack() as stack:
            yield from _workbook(self.rows(meetings), context, stack)


def _workbook(
    meetings: Iterable[MeetingRow], context: ExportContext, stack: contextlib.ExitStack
) -> Iterator[bytes]:
    archive = ZipStream()
    labelled = tables(labelled=True)
    titles = [sheet_title(t.title) for t in labelled] + [_CODES, _ABOUT]
    parts = workbook_parts(titles, [None] * len(titles))
    for name in ("[Content_Types].xml", "_rels/.rels", "xl/styles.xml"):
        with archive.open(name, zip64=False) as member:
            member.write(parts[name].encode())
    with archive.open(_sheet_part(len(labelled) + 1), zip64=False) as member:
        _codes(member, context)

    labels = Labels.of(context.topics)
    live = stack.enter_context(archive.open(_sheet_part(1), zip64=False))
    spools = [stack.enter_context(tempfile.TemporaryFile()) for _ in labelled[1:]]  # noqa: SIM115
    sheets = [_Sheet(t, sink) for t, sink in zip(labelled, [live, *spools], strict=True)]
    first = sheets[0]
    started = False
    for meeting in meetings:
        rows = meeting_rows(meeting, labels)
        for sheet in sheets:
            for row in rows[sheet.table.name]:
                sheet.append(row)
        if not started or archive.pending() >= CHUNK_SIZE:
            if not started:  # the first bytes go out once the first meeting is read
                first.writer.flush()
                started = True
            yield archive.take()
    for sheet in sheets:
        sheet.writer.close()
    live.close()

    for number, spool in enumerate(spools, 2):
        spool.seek(0)
        with archive.open(_sheet_part(number), zip64=False) as member:
            while block := spool.read(CHUNK_SIZE * 4):
                member.write(block)
                if archive.pending() >= CHUNK_SIZE:
                    yield archive.take()
        spool.close()
    for number, sheet in enumerate(sheets, 1):
        if sheet.writer.links:
            with archive.open(f"xl/worksheets/_rels/sheet{number}.xml.rels", zip64=False) as rels:
                sheet.writer.relationships(rels.write)
            yield archive.take()

    with archive.open(_sheet_part(len(titles)), zip64=False) as member:
        _about(member, context, [(s.table, s.rows) for s in sheets])
    areas: list[str | None] = [f"A1:{s.writer.last_column}{s.writer.rows}" for s in sheets]
    parts = workbook_parts(titles, [*areas, None, None])
    for name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
        with archive.open(name, zip64=False) as member:
            member.write(parts[name].encode())
    yield from archive.close()


def _codes(sink: IO[bytes], context: ExportContext) -> None:
    """The Codes sheet: every code of a closed list and every topic, with label and meaning."""
    sheet = SheetWriter(sink, (14, 16, 34, 30, 80), autofilter=False)
    sheet.row(("sheet", "column", "code", "label", "meaning"), [BOLD] * 5)
    wrap = [WRAP] * 5
    for title, column, enum in _CLOSED_LISTS:
        for member in enum:
            sheet.row((title, column, member.value, code_label(member.value), ""), wrap)
    for topic in sorted(context.topics, key=lambda t: t.id):
        sheet.row(("Topics", "topic_id", topic.id, topic.label, topic.description), wrap)
    sheet.close()


def _about(sink: IO[bytes], context: ExportContext, counts: Sequence[tuple[Table, int]]) -> None:
    """The About sheet: what was exported, when, from where, and how to cite it."""
    sheet = SheetWriter(sink, (24, 22, 12, 70), freeze=False, autofilter=False)
    exported = context.exported_at.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    selection = "; ".join(f"{k}={v}" for k, v in filter_query(context.selection))
    where = context.source_url or "a local readouts database"
    citation = (
        f"readouts {context.version}: diplomatic readouts dataset, exported "
        f"{exported.date().isoformat()} from {where}"
        + (f" (filter: {selection})" if selection else "")
        + "."
    )
    plain = (PLAIN, PLAIN, PLAIN, PLAIN)
    sheet.row(("readouts export",), (BOLD,))
    sheet.row(("Exported at (UTC)", exported), (PLAIN, DATETIME))
    sheet.row(("readouts version", context.version), plain)
    sheet.row(("Source", context.source_url or ""), plain)
    sheet.row(("Filter", selection or "(all meetings)"), plain)
    for table, rows in counts:
        sheet.row((f"{table.title} rows", rows), plain)
    sheet.row(("How to cite", citation), (BOLD, WRAP))
    sheet.skip()
    sheet.row(("Sheet", "Column", "Type", "Meaning"), (BOLD,) * 4)
    for table, _ in counts:
        sheet.row((table.title, "", "", table.description), plain)
        for column in table.columns:
            sheet.row((table.title, column.name, column.type, column.description), plain)
    sheet.row(
        (_CODES, "", "", "Each code of a closed list and each topic, with its label and meaning."),
        plain,
    )
    sheet.close()


@hookimpl
def readouts_exporters() -> list[Exporter[Any]]:
    """The xlsx exporter."""
    return [XlsxExporter()]
