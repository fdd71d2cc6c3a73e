"""One table builder for every exporter: the same cells from a model and from its row,
and every built-in exporter (all read rows) writes the same bytes from either."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest

from api.models import Meeting, Topic
from api.results import MeetingRow
from exporters.base import ExportContext, Exporter
from exporters.registry import ExporterRegistry
from exporters.table_rows import meeting_rows, table_rows
from exporters.tables import TABLES, Labels


def _rows(meetings: list[Meeting]) -> list[MeetingRow]:
    return list(Exporter.rows(meetings))


@pytest.mark.parametrize("labelled", [False, True])
def test_every_table_is_the_same_from_a_model_and_from_its_row(
    seed_meetings: list[Meeting], labelled: bool
) -> None:
    labels = Labels({"cpec": "CPEC"}) if labelled else None
    for meeting, row in zip(seed_meetings, _rows(seed_meetings), strict=True):
        assert meeting_rows(row, labels) == meeting_rows(meeting, labels)
        for t in TABLES:
            assert table_rows(row, t.name, labels) == table_rows(meeting, t.name, labels)


def _written(exporter: Exporter[Any], meetings: Any, options: Any) -> bytes:
    context = ExportContext(
        version="test",
        exported_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        topics=(Topic(id="cpec", label="CPEC"),),
    )
    out = io.BytesIO()
    for chunk in exporter.stream(meetings, options, context):
        out.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("json", {}),
        ("ndjson", {}),
        ("csv", {}),
        ("csv", {"table": "participants"}),
        ("csv", {"table": "sources", "labels": "true"}),
        ("csv", {"table": "meetings", "labels": "true"}),
        ("xlsx", {}),
        ("datapackage", {}),
        ("datapackage", {"labels": "true"}),
    ],
)
def test_exporters_reading_rows_write_the_same_bytes_from_models(
    seed_meetings: list[Meeting], name: str, options: dict[str, str]
) -> None:
    registry = ExporterRegistry(entry_points=False)
    exporter = registry.get(name)
    assert exporter.reads == "rows"
    parsed = registry.parse_options(name, options)
    from_models = _written(exporter, seed_meetings, parsed)
    from_rows = _written(exporter, _rows(seed_meetings), parsed)
    assert from_rows == from_models
    assert len(from_models) > 100
