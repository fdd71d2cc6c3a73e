"""One contract, checked on every registered exporter (built-ins and any plugin)."""

from __future__ import annotations

from typing import Any

import pytest

from api.models import Meeting
from exporters.base import ExportContext, Exporter
from exporters.registry import ExporterRegistry

_REGISTRY = ExporterRegistry(entry_points=False)


@pytest.fixture(params=_REGISTRY.names())
def exporter(request: pytest.FixtureRequest) -> Exporter[Any]:
    return _REGISTRY.get(request.param)


def test_describes_itself(exporter: Exporter[Any]) -> None:
    assert exporter.name and exporter.name == exporter.name.lower()
    assert "/" in exporter.media_type
    assert exporter.extension and not exporter.extension.startswith(".")
    assert exporter.description
    assert exporter.filename().endswith("." + exporter.extension)


def test_options_have_valid_defaults_and_forbid_unknown_keys(exporter: Exporter[Any]) -> None:
    options = exporter.options_model()
    assert exporter.default_options() == options
    assert exporter.options_model.model_config.get("extra") == "forbid"
    for name, field in exporter.options_model.model_fields.items():
        assert field.description, f"option {name!r} of {exporter.name!r} is not documented"


def test_streams_the_seed_meetings_as_bytes(
    exporter: Exporter[Any], seed_meetings: list[Meeting], context: ExportContext
) -> None:
    chunks = list(exporter.stream(seed_meetings, exporter.default_options(), context))
    assert chunks and all(isinstance(chunk, bytes) for chunk in chunks)
    assert sum(map(len, chunks)) > 0


def test_streams_no_meetings_as_a_valid_file(
    exporter: Exporter[Any], context: ExportContext
) -> None:
    data = b"".join(exporter.stream([], exporter.default_options(), context))
    assert isinstance(data, bytes)
    assert _READERS[exporter.name](data) == 0, exporter.name


def test_reads_the_meetings_lazily(
    exporter: Exporter[Any], seed_meetings: list[Meeting], context: ExportContext
) -> None:
    """The exporter pulls meetings from an iterator (it never needs a list)."""
    consumed = 0

    def meetings() -> Any:
        nonlocal consumed
        for meeting in seed_meetings:
            consumed += 1
            yield meeting

    stream = exporter.stream(meetings(), exporter.default_options(), context)
    assert consumed == 0
    b"".join(stream)
    assert consumed == len(seed_meetings)


def _count_xlsx(data: bytes) -> int:
    import io

    from openpyxl import load_workbook

    return int(load_workbook(io.BytesIO(data))["Meetings"].max_row) - 1


def _count_csv(data: bytes) -> int:
    return len(data.decode().splitlines()) - 1


def _count_json(data: bytes) -> int:
    import json

    return len(json.loads(data)["data"])


def _count_ndjson(data: bytes) -> int:
    return len(data.splitlines())


def _count_zip(data: bytes) -> int:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return len(archive.read("meetings.csv").decode().splitlines()) - 1


_READERS = {
    "xlsx": _count_xlsx,
    "csv": _count_csv,
    "json": _count_json,
    "ndjson": _count_ndjson,
    "datapackage": _count_zip,
}
