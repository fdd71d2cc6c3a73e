"""xlsx: eight sheets read back with openpyxl, real dates, links, labels, print setup,
and never a formula."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from api.models import Meeting
from exporters.base import ExportContext, NoOptions
from exporters.table_rows import meeting_rows
from exporters.tables import Labels, tables
from exporters.xlsx_exporter import XlsxExporter
from tests.exporters.conftest import HOSTILE, hostile_meeting

SHEETS = [
    "Meetings",
    "Participants",
    "Statements",
    "Outcomes",
    "Sources",
    "Topics",
    "Codes",
    "About",
]


def _export(meetings: list[Meeting], context: ExportContext) -> bytes:
    return b"".join(XlsxExporter().stream(meetings, NoOptions(), context))


def _open(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def _column(sheet: Any, name: str) -> list[Any]:
    """The cells below the header `name` of `sheet`."""
    header = [cell.value for cell in sheet[1]]
    index = header.index(name) + 1
    return [row[index - 1] for row in sheet.iter_rows(min_row=2)]


def test_round_trip(stored_meetings: list[Meeting], context: ExportContext) -> None:
    book = _open(_export(stored_meetings, context))
    assert book.sheetnames == SHEETS
    labels = Labels.of(context.topics)
    for t in tables(labelled=True):
        sheet = book[t.title]
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == t.header
        expected = [r for m in stored_meetings for r in meeting_rows(m, labels)[t.name]]
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
    for t in tables(labelled=True):
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
    url, other = _column(sheet, "url")
    assert url.hyperlink is not None and url.hyperlink.target == "https://example.org/readout?id=1"
    assert other.value == "javascript:alert(1)" and other.hyperlink is None


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
    summary = _column(book["Meetings"], "summary")[0]
    assert summary.value == text and summary.data_type == "s"
    person = _column(book["Participants"], "person_name")[0]
    assert person.value == text and person.data_type == "s"
    statement = _column(book["Statements"], "text")[0]
    assert statement.value == "x" + text and statement.data_type == "s"


def test_the_seed_workbook_reads_and_prints_as_a_researcher_needs(
    stored_meetings: list[Meeting], context: ExportContext
) -> None:
    book = _open(_export(stored_meetings, context))
    meetings = book["Meetings"]
    header = [cell.value for cell in meetings[1]]
    width = {name: meetings.column_dimensions[chr(65 + i)].width for i, name in enumerate(header)}
    assert width["summary"] >= 50 and width["principals"] >= 20 and width["attendees"] >= 20
    assert all(w >= 8 for w in width.values())
    for name in ("summary", "principals", "attendees", "topic_labels"):
        assert all(c.alignment.wrap_text for c in _column(meetings, name) if c.value), name
    assert not any(c.alignment.wrap_text for c in _column(meetings, "id"))
    assert all(c.alignment.wrap_text for c in _column(book["Statements"], "text"))
    for title in SHEETS:
        sheet = book[title]
        assert sheet.page_setup.orientation == "landscape", title
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0, title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, title
    for title in ("Meetings", "Statements", "Sources"):
        assert book[title].print_title_rows == "$1:$1", title
    heights = [meetings.row_dimensions[n].height for n in range(2, meetings.max_row + 1)]
    assert all(h is not None and h >= 30 for h in heights), heights  # rows fit wrapped text

    by_id = {
        row[0]: dict(zip(header, row, strict=True))
        for row in meetings.iter_rows(min_row=2, values_only=True)
    }
    first = next(m for m in stored_meetings if m.id == "2021-07-16-li-keqiang-imran-khan")
    call = by_id[first.id]
    assert (call["kind"], call["kind_label"]) == ("phone_call", "Phone call")
    assert (call["setting"], call["setting_label"]) == ("remote", "Remote")
    vocabulary = {t.id: t.label for t in context.topics}
    assert call["topic_labels"] == "; ".join(vocabulary[t] for t in first.topics)
    assert call["attendees"] == "He Lifeng (CN)"
    assert call["principals"] == "Li Keqiang (CN); Imran Khan (PK)"
    topics = [row for row in book["Topics"].iter_rows(values_only=True) if row[0] == first.id]
    assert [row[2:] for row in topics] == [(t, vocabulary[t]) for t in first.topics]
    codes = {
        (row[1], row[2]): row[3:] for row in book["Codes"].iter_rows(min_row=2, values_only=True)
    }
    assert codes["setting", "bilateral_visit"] == ("Bilateral visit", None)
    assert codes["topic_id", "cpec"][0] == "China-Pakistan Economic Corridor"
    assert "Corridor" in codes["topic_id", "cpec"][1]

    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}
    assert about["Source"] == context.source_url


def test_one_control_character_in_a_url_or_text_does_not_break_the_workbook(
    context: ExportContext,
) -> None:
    meeting = hostile_meeting(1, "https://x.example/\u0001a")
    book = _open(_export([meeting], context))
    (url,) = _column(book["Sources"], "url")
    assert url.value == "https://x.example/\ufffda"
    assert url.hyperlink is not None and url.hyperlink.target == "https://x.example/%01a"
    (summary,) = _column(book["Meetings"], "summary")
    assert summary.value == "https://x.example/\ufffda"


def test_text_longer_than_a_cell_is_cut_with_a_note(context: ExportContext) -> None:
    long = "word " * 10_000
    meeting = hostile_meeting(1, "x").model_copy(update={"summary": long})
    (summary,) = _column(_open(_export([meeting], context))["Meetings"], "summary")
    assert len(summary.value) <= 32_767
    assert summary.value.startswith("word word")
    assert "cut here: " in summary.value and "of 50,000 characters left out" in summary.value
    assert "csv and json exports hold the whole text" in summary.value


def test_the_workbook_streams_from_the_first_meeting(
    stored_meetings: list[Meeting], context: ExportContext
) -> None:
    many = [m.model_copy(update={"id": f"{m.id}-{n}"}) for n in range(300) for m in stored_meetings]
    read = 0

    def counted() -> Iterator[Meeting]:
        nonlocal read
        for meeting in many:
            read += 1
            yield meeting

    chunks = XlsxExporter().stream(counted(), NoOptions(), context)
    first = next(chunks)
    assert first.startswith(b"PK\x03\x04") and read == 1  # bytes out after one meeting
    seen = [read]
    rest = []
    for chunk in chunks:
        rest.append(chunk)
        seen.append(read)
    assert any(1 < n < len(many) for n in seen)  # more bytes while the meetings come
    assert seen[-1] == len(many)
    book = _open(first + b"".join(rest))
    assert book["Meetings"].max_row == len(many) + 1
    assert book["Sources"].max_row == sum(len(m.sources) for m in many) + 1


def test_no_member_carries_zip64_headers(
    stored_meetings: list[Meeting], context: ExportContext
) -> None:
    with zipfile.ZipFile(io.BytesIO(_export(stored_meetings, context))) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert all(info.extract_version < 45 for info in infos)  # 4.5 is Zip64
        assert archive.testzip() is None
