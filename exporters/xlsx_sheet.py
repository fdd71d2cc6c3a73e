"""Worksheet XML written row by row, and the few fixed parts around it in a workbook.

A `SheetWriter` writes one worksheet of SpreadsheetML to a binary file as rows come:
the column widths, a frozen header and the print setup go first, each row as soon as it
is given, the autofilter, links and page setup last. Text is written as inline strings
(no shared-strings table to hold until the end), so nothing grows with the number of
rows but the links of a sheet, which wait in a temporary file until the sheet ends.

The writer never writes a formula: cells are inline strings, numbers, booleans and
dates. Every text and link target it writes goes through `exporters.cells` first.
`workbook_parts` gives the parts every workbook needs besides its sheets.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Callable, Sequence
from typing import IO, Any

from exporters._chunks import CHUNK_SIZE
from exporters.cells import LINK_LIMIT, xlsx_text, xlsx_url

__all__ = [
    "BOLD",
    "DATE",
    "DATETIME",
    "LINK",
    "PLAIN",
    "WRAP",
    "SheetWriter",
    "column_letter",
    "escape",
    "workbook_parts",
]

PLAIN, BOLD, WRAP, DATE, LINK, DATETIME = range(6)
"""Style ids of `_STYLES` (every one top-aligned, so short values sit level with the
first line of wrapped text beside them)."""

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK = f"{_REL}/hyperlink"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EPOCH = dt.date(1899, 12, 30).toordinal()  # day 0 of Excel's 1900 date system
_SPECIAL = re.compile(r'[&<>"\r]')
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})

_PAGE_SETUP = (
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>'
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
)
_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
_STYLES = (
    _DECLARATION + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
    f'<fonts count="3"><font>{_FONT}</font><font><b/>{_FONT}</font>'
    f'<font><u/><color rgb="FF0563C1"/>{_FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
    'applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>'
    '<cellXfs count="6">'
    + "".join(
        f'<xf numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="0" xfId="0" '
        f'applyNumberFormat="{int(fmt > 0)}" applyFont="{int(font > 0)}" applyAlignment="1">'
        f'<alignment vertical="top"{wrap}/></xf>'
        for fmt, font, wrap in (
            (0, 0, ""),  # PLAIN
            (0, 1, ""),  # BOLD
            (0, 0, ' wrapText="1"'),  # WRAP
            (164, 0, ""),  # DATE
            (0, 2, ""),  # LINK
            (165, 0, ""),  # DATETIME
        )
    )
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def escape(text: str) -> str:
    """`text` as XML character data or an attribute value."""
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def column_letter(number: int) -> str:
    """The letters of column `number` (from 1): 1 is A, 27 is AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SheetWriter:
    """One worksheet written to `sink` (a binary file) row by row.

    `widths` are the column widths; `freeze` freezes the first row; `autofilter` puts a
    filter on the header over every row written. Call `row` for each row, then `close`."""

    def __init__(
        self,
        sink: IO[bytes],
        widths: Sequence[float],
        *,
        freeze: bool = True,
        autofilter: bool = True,
    ) -> None:
        self._sink = sink
        self._parts: list[str] = []
        self._size = 0
        self._letters = [column_letter(n) for n in range(1, len(widths) + 1)]
        self._autofilter = autofilter
        self._links: IO[bytes] | None = None
        self._link_count = 0
        self.rows = 0
        """Rows written so far (the last row's number)."""
        pane = (
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            if freeze
            else ""
        )
        cols = "".join(
            f'<col min="{n}" max="{n}" width="{w:g}" customWidth="1"/>'
            for n, w in enumerate(widths, 1)
        )
        self._write(
            _DECLARATION + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
        )

    @property
    def last_column(self) -> str:
        """The letters of the last column."""
        return self._letters[-1]

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK_SIZE:
            self.flush()

    def flush(self) -> None:
        """Hand what is written so far to the sink."""
        if self._parts:
            self._sink.write("".join(self._parts).encode())
            self._parts.clear()
            self._size = 0

    def row(
        self,
        values: Sequence[Any],
        styles: Sequence[int],
        height: float | None = None,
        links: Sequence[int] = (),
    ) -> None:
        """A row of `values` (text, int, bool, date, datetime; None or "" for no cell),
        with a style id for each; `height` in points. Text is cleaned (`xlsx_text`); the
        text of a column in `links` that starts with http(s):// links to itself."""
        self.rows = number = self.rows + 1
        n = str(number)
        for index in links:
            target = values[index]
            if isinstance(target, str) and target.startswith(("https://", "http://")):
                target = xlsx_url(target)
                if len(target) <= LINK_LIMIT:
                    styles = [*styles[:index], LINK, *styles[index + 1 :]]
                    self._link(f"{self._letters[index]}{n}", target)
        cells = [f'<row r="{n}" ht="{height:g}" customHeight="1">' if height else f'<row r="{n}">']
        for letter, value, style in zip(self._letters, values, styles, strict=False):
            if value is None or value == "":
                continue
            kind = type(value)
            s = f' s="{style}"' if style else ""
            if kind is not str and kind is not bool and isinstance(value, str):
                kind, value = str, str(value)  # a str enum, as a model's dump holds
            if kind is str:
                cells.append(
                    f'<c r="{letter}{n}"{s} t="inlineStr"><is><t xml:space="preserve">'
                    f"{escape(xlsx_text(value))}</t></is></c>"
                )
            elif kind is bool:
                cells.append(f'<c r="{letter}{n}"{s} t="b"><v>{int(value)}</v></c>')
            elif kind is dt.date:
                cells.append(f'<c r="{letter}{n}"{s}><v>{value.toordinal() - _EPOCH}</v></c>')
            elif kind is dt.datetime:
                day = value.toordinal() - _EPOCH
                seconds = value.hour * 3600 + value.minute * 60 + value.second
                cells.append(f'<c r="{letter}{n}"{s}><v>{day + seconds / 86400!r}</v></c>')
            else:
                cells.append(f'<c r="{letter}{n}"{s}><v>{int(value)}</v></c>')
        cells.append("</row>")
        self._write("".join(cells))

    def skip(self) -> None:
        """An empty row."""
        self.rows += 1

    def _link(self, ref: str, target: str) -> None:
        if self._links is None:
            # Closed by `relationships`; an export that fails leaves it to the collector.
            self._links = tempfile.TemporaryFile()  # noqa: SIM115
        self._link_count += 1
        attribute = escape(target).replace("\t", "&#9;").replace("\n", "&#10;")
        self._links.write(f"{ref}\t{attribute}\n".encode())

    def close(self) -> None:
        """Write the end of the sheet (filter, links, page setup) and flush it."""
        tail = ["</sheetData>"]
        if self._autofilter:
            tail.append(f'<autoFilter ref="A1:{self.last_column}{max(self.rows, 1)}"/>')
        self._write("".join(tail))
        if self._links is not None:
            self._write("<hyperlinks>")
            for number, (ref, _) in enumerate(self._spooled_links(), 1):
                self._write(f'<hyperlink ref="{ref}" r:id="rId{number}"/>')
            self._write("</hyperlinks>")
        self._write(_PAGE_SETUP + "</worksheet>")
        self.flush()

    def _spooled_links(self) -> Any:
        assert self._links is not None
        self._links.seek(0)
        for line in self._links:
            ref, target = line.decode().rstrip("\n").split("\t", 1)
            yield ref, target

    @property
    def links(self) -> int:
        """How many links the sheet holds (a sheet with links needs `relationships`)."""
        return self._link_count

    def relationships(self, write: Callable[[bytes], object]) -> None:
        """Write the sheet's relationships part (the targets of its links) with `write`."""
        if self._links is None:
            return
        parts = [_DECLARATION, f'<Relationships xmlns="{_PKG_REL}">']
        for number, (_, target) in enumerate(self._spooled_links(), 1):
            parts.append(
                f'<Relationship Id="rId{number}" Type="{_HYPERLINK}" Target="{target}" '
                'TargetMode="External"/>'
            )
            if len(parts) >= 1_000:
                write("".join(parts).encode())
                parts.clear()
        parts.append("</Relationships>")
        write("".join(parts).encode())
        self._links.close()
        self._links = None


def _quoted(title: str) -> str:
    """A sheet name as a formula reference names it: `'It''s'`."""
    return "'" + title.replace("'", "''") + "'"


def workbook_parts(titles: Sequence[str], filters: Sequence[str | None]) -> dict[str, str]:
    """The package parts besides the worksheets (`xl/worksheets/sheet{n}.xml`, from 1)
    and their relationships: content types, workbook (sheet `titles`, each printing its
    first row on every page; `filters` the autofilter range of each sheet or None), and
    styles."""
    sheets = "".join(
        f'<sheet name="{escape(t)}" sheetId="{n}" r:id="rId{n}"/>' for n, t in enumerate(titles, 1)
    )
    names = []
    for index, (title, area) in enumerate(zip(titles, filters, strict=True)):
        ref = escape(_quoted(title))
        if area is not None:
            absolute = re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", area)
            names.append(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" '
                f'hidden="1">{ref}!{absolute}</definedName>'
            )
        names.append(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">{ref}!$1:$1'
            "</definedName>"
        )
    workbook = (
        _DECLARATION + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/>'
        f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
        f"<definedNames>{''.join(names)}</definedNames></workbook>"
    )
    count = len(titles)
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, count + 1)
    )
    rels += f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet_type}"/>'
        for n in range(1, count + 1)
    )
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return {
        "[Content_Types].xml": _DECLARATION
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
        f"{overrides}</Types>",
        "_rels/.rels": _DECLARATION + f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": _DECLARATION
        + f'<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>',
        "xl/styles.xml": _STYLES,
    }
