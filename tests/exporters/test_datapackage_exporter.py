"""datapackage: a zip that frictionless validates, and reads back as the source models."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from frictionless import Package, validate

from api.models import Meeting
from exporters.base import ExportContext
from exporters.datapackage_exporter import DatapackageExporter, DatapackageOptions
from exporters.table_rows import meeting_rows
from exporters.tables import TABLES, Labels, tables
from tests.exporters.conftest import HOSTILE, hostile_meeting


def _export(meetings: list[Meeting], context: ExportContext, labels: bool = False) -> bytes:
    options = DatapackageOptions(labels=labels)
    return b"".join(DatapackageExporter().stream(meetings, options, context))


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "meetings-datapackage.zip"
    path.write_bytes(data)
    return path


def test_frictionless_validates_the_zip(
    stored_meetings: list[Meeting], context: ExportContext, tmp_path: Path
) -> None:
    path = _write(tmp_path, _export(stored_meetings, context))
    report = validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(TABLES)


def test_round_trip_through_frictionless(
    stored_meetings: list[Meeting], context: ExportContext, tmp_path: Path
) -> None:
    package = Package(str(_write(tmp_path, _export(stored_meetings, context))))
    assert package.version == context.version
    for t in TABLES:
        resource = package.get_resource(t.name)
        assert resource.schema.primary_key == list(t.primary_key)
        rows = [tuple(row.values()) for row in resource.read_rows()]
        expected = [r for m in stored_meetings for r in meeting_rows(m)[t.name]]
        assert rows == expected, t.name
    dates = [row["date"] for row in package.get_resource("meetings").read_rows()]
    assert dates == [m.date for m in stored_meetings]
    assert all(isinstance(d, dt.date) for d in dates)


def test_foreign_keys_are_checked(context: ExportContext, tmp_path: Path) -> None:
    """A participant row whose meeting is missing makes the package invalid."""
    data = _export([hostile_meeting(1, "x")], context)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "participants.csv":
                content += b"no-such-meeting,1,a,A,CN,,principal,\r\n"
            target.writestr(name, content)
    report = validate(str(_write(tmp_path, broken.getvalue())))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_descriptor(context: ExportContext, seed_meetings: list[Meeting]) -> None:
    with zipfile.ZipFile(io.BytesIO(_export(seed_meetings, context))) as archive:
        assert archive.namelist() == ["datapackage.json", *(f"{t.name}.csv" for t in TABLES)]
        descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["created"] == "2024-05-06T07:08:09Z"
    assert "country=PK" in descriptor["description"]
    assert descriptor["sources"][0]["path"] == context.source_url
    participants = descriptor["resources"][1]["schema"]
    assert participants["foreignKeys"] == [
        {"fields": ["meeting_id"], "reference": {"resource": "meetings", "fields": ["id"]}}
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_data_is_kept_as_is(text: str, context: ExportContext) -> None:
    with zipfile.ZipFile(io.BytesIO(_export([hostile_meeting(1, text)], context))) as archive:
        content = archive.read("meetings.csv").decode()
    (row,) = csv.DictReader(io.StringIO(content, newline=""))
    assert row["summary"] == text


def test_the_zip_starts_before_the_meetings_end(
    context: ExportContext,
) -> None:
    consumed = 0

    def meetings() -> object:
        nonlocal consumed
        for number in range(5000):
            consumed += 1
            yield hostile_meeting(number, hashlib.sha256(str(number).encode()).hexdigest())

    stream = DatapackageExporter().stream(meetings(), DatapackageOptions(), context)  # type: ignore[arg-type]
    first = next(stream)
    assert first.startswith(b"PK\x03\x04") and consumed == 0
    second = next(stream)
    assert second and consumed < 5000
    rest = b"".join(stream)
    with zipfile.ZipFile(io.BytesIO(first + second + rest)) as archive:
        assert archive.testzip() is None
        assert len(archive.read("meetings.csv").splitlines()) == 5001


def test_labels_option_adds_label_columns_that_validate(
    stored_meetings: list[Meeting], context: ExportContext, tmp_path: Path
) -> None:
    path = _write(tmp_path, _export(stored_meetings, context, labels=True))
    report = validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(path))
    labels = Labels.of(context.topics)
    for t in tables(labelled=True):
        resource = package.get_resource(t.name)
        assert resource.schema.field_names == t.header
        rows = [tuple(row.values()) for row in resource.read_rows()]
        assert rows == [r for m in stored_meetings for r in meeting_rows(m, labels)[t.name]]
    meetings = package.get_resource("meetings").schema.field_names
    assert {"kind_label", "setting_label", "topic_labels"} <= set(meetings)
