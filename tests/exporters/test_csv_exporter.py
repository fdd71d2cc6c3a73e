"""csv: RFC 4180, UTF-8 (with a BOM for Excel), one table, formula-like text neutralised."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from api.models import Meeting
from exporters.base import ExportContext
from exporters.csv_exporter import CsvExporter, CsvOptions
from exporters.table_rows import meeting_rows
from exporters.tables import TABLES, table
from tests.exporters.conftest import HOSTILE, hostile_meeting


def _export(meetings: list[Meeting], context: ExportContext, **options: object) -> bytes:
    return b"".join(CsvExporter().stream(meetings, CsvOptions.model_validate(options), context))


def _read(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_meetings_round_trip(stored_meetings: list[Meeting], context: ExportContext) -> None:
    rows = _read(_export(stored_meetings, context))
    assert [row["id"] for row in rows] == [m.id for m in stored_meetings]
    for row, meeting in zip(rows, stored_meetings, strict=True):
        assert dt.date.fromisoformat(row["date"]) == meeting.date
        assert row["kind"] == meeting.kind.value
        assert row["initiated_by"] == (meeting.initiated_by or "")
        assert row["summary"] == meeting.summary
        assert row["topics"].split("; ") == meeting.topics
        assert row["synthetic"] == "false"


@pytest.mark.parametrize("name", [t.name for t in TABLES])
def test_every_table_round_trips(
    name: str, stored_meetings: list[Meeting], context: ExportContext
) -> None:
    rows = _read(_export(stored_meetings, context, table=name, neutralise_formulas=False))
    expected = [r for m in stored_meetings for r in meeting_rows(m)[name]]  # type: ignore[index]
    assert len(rows) == len(expected)
    header = table(name).header
    for row, values in zip(rows, expected, strict=True):
        assert list(row) == header
        for column, value in zip(header, values, strict=True):
            shown = "" if value is None else value
            if isinstance(value, bool):
                shown = str(value).lower()
            elif isinstance(value, dt.date):
                shown = value.isoformat()
            assert row[column] == str(shown), column


def test_rfc_4180_line_endings_and_quoting(context: ExportContext) -> None:
    meeting = hostile_meeting(1, 'line one\nline "two", three')
    data = _export([meeting], context, neutralise_formulas=False)
    assert data.count(b"\r\n") >= 2 and not data.startswith(b"\xef\xbb\xbf")
    assert b'"line one\nline ""two"", three"' in data
    assert _read(data)[0]["summary"] == 'line one\nline "two", three'


def test_excel_option_adds_a_byte_order_mark(
    seed_meetings: list[Meeting], context: ExportContext
) -> None:
    data = _export(seed_meetings, context, excel=True)
    assert data.startswith(b"\xef\xbb\xbfid,date,")
    assert data.count(b"\xef\xbb\xbf") == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_neutralised_by_default(text: str, context: ExportContext) -> None:
    meeting = hostile_meeting(1, text)
    for name in ("meetings", "participants"):
        rows = _read(_export([meeting], context, table=name))
        values = [v for v in rows[0].values() if v.lstrip("'").endswith(text.lstrip())]
        assert values and all(value.startswith("'") for value in values), (name, rows)
    raw = _read(_export([meeting], context, neutralise_formulas=False))
    assert raw[0]["summary"] == text


@pytest.mark.parametrize(
    "text",
    ["x;=cmd|' /C calc'!A0;y", "a|@SUM(1)", "a\t+1", "a, -1+2", 'a; "=1+1"', "a\n=1"],
)
def test_a_formula_after_a_separator_inside_a_cell_is_quoted_and_prefixed(
    text: str, context: ExportContext
) -> None:
    meeting = hostile_meeting(1, text)
    data = _export([meeting], context)
    row = data.split(b"\r\n", 1)[1]
    quoted = '"' + ("'" + text).replace('"', '""') + '"'
    assert quoted.encode() in row
    assert row.startswith(b'"hostile-1","2021-01-02",')  # the whole row is quoted
    assert _read(data)[0]["summary"] == "'" + text


@pytest.mark.parametrize(
    "text", ["2021-07-16-li-keqiang-imran-khan", "Li Keqiang (CN); Imran Khan (PK)", "a=b; c"]
)
def test_ordinary_text_with_formula_characters_inside_is_left_alone(
    text: str, context: ExportContext
) -> None:
    data = _export([hostile_meeting(1, text)], context)
    assert _read(data)[0]["summary"] == text
    assert b'"hostile-1"' not in data


def test_labels_option_adds_a_label_beside_each_code(
    stored_meetings: list[Meeting], context: ExportContext
) -> None:
    rows = _read(_export(stored_meetings, context, labels=True))
    assert list(rows[0]) == table("meetings", labelled=True).header
    vocabulary = {t.id: t.label for t in context.topics}
    for row, meeting in zip(rows, stored_meetings, strict=True):
        assert row["kind_label"] == meeting.kind.value.replace("_", " ").capitalize()
        assert row["topic_labels"] == "; ".join(vocabulary[t] for t in meeting.topics)
    topics = _read(_export(stored_meetings, context, table="topics", labels=True))
    assert [r["topic_label"] for r in topics] == [
        vocabulary[t] for m in stored_meetings for t in m.topics
    ]
    assert "kind_label" not in _read(_export(stored_meetings, context))[0]
