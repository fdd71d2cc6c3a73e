"""xlsx: seven sheets read back with openpyxl, real dates, links, and never a formula."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from api.models import Meeting
from exporters.base import ExportContext, NoOptions
from exporters.tables import TABLES, meeting_rows
from exporters.xlsx_exporter import XlsxExporter
from tests.exporters.conftest import HOSTILE, hostile_meeting

SHEETS = ["Meetings", "Participants", "Statements", "Outcomes", "Sources", "Topics", "About"]


def _export(meetings: list[Meeting], context: ExportContext) -> bytes:
    return b"".join(XlsxExporter().stream(meetings, NoOptions(), context))


def _open(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def test_round_trip(stored_meetings: list[Meeting], context: ExportContext) -> None:
    book = _open(_export(stored_meetings, context))
    assert book.sheetnames == SHEETS
    for t in TABLES:
        sheet = book[t.title]
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == t.header
        expected = [r for m in stored_meetings for r in meeting_rows(m)[t.name]]
        assert len(rows) - 1 == len(expected), t.title
        for got, want in zip(rows[1:], expected, strict=True):
            normalised = tuple(
                dt.datetime.combine(v, dt.time()) if isinstance(v, dt.date) else v for v in want
            )
            assert got == normalised, t.title


def test_dates_are_date_cells(stored_meetings: list[Meeting], context: ExportContext) -> None:
    sheet = _open(_export(stored_meetings, context))["Meetings"]
    for row, meeting in zip(sheet.iter_rows(min_row=2), stored_meetings, strict=True):
        cell = row[1]
        assert cell.is_date and cell.number_format == "yyyy-mm-dd"
        assert cell.value.date() == meeting.date


def test_header_is_bold_frozen_filtered_with_widths(
    stored_meetings: list[Meeting], context: ExportContext
) -> None:
    book = _open(_export(stored_meetings, context))
    for t in TABLES:
        sheet = book[t.title]
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, len(t.columns)).column_letter}{sheet.max_row}"
        )
        assert sheet.column_dimensions["A"].width >= 9


def test_source_urls_are_links(context: ExportContext) -> None:
    linked = hostile_meeting(1, "https://example.org/readout?id=1")
    unsafe = hostile_meeting(2, "javascript:alert(1)")
    sheet = _open(_export([linked, unsafe], context))["Sources"]
    url = sheet.cell(2, 6)
    assert url.hyperlink is not None and url.hyperlink.target == "https://example.org/readout?id=1"
    assert sheet.cell(3, 6).value == "javascript:alert(1)" and sheet.cell(3, 6).hyperlink is None


def test_about_sheet(stored_meetings: list[Meeting], context: ExportContext) -> None:
    about = _open(_export(stored_meetings, context))["About"]
    values = {row[0]: row[1] for row in about.iter_rows(values_only=True) if row[0]}
    assert values["Exported at (UTC)"] == dt.datetime(2024, 5, 6, 7, 8, 9)
    assert values["readouts version"] == context.version
    assert values["Filter"] == "country=PK"
    assert values["Source"] == context.source_url
    assert values["Meetings rows"] == len(stored_meetings)
    assert values["Participants rows"] == sum(len(m.participants) for m in stored_meetings)
    assert "readouts" in values["How to cite"] and "2024-05-06" in values["How to cite"]


@pytest.mark.parametrize("text", [*HOSTILE, "#N/A", "=1+1"])
def test_formula_like_text_stays_inert_text(text: str, context: ExportContext) -> None:
    data = _export([hostile_meeting(1, text)], context)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", archive.read(name)), name
    book = _open(data)
    summary = book["Meetings"].cell(2, 15)
    assert summary.value == text and summary.data_type == "s"
    person = book["Participants"].cell(2, 4)
    assert person.value == text and person.data_type == "s"
    statement = book["Statements"].cell(2, 5)
    assert statement.value == "x" + text and statement.data_type == "s"
