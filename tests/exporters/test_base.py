"""The exporter interface, and the minimal exporter of its docstring, run as written."""

from __future__ import annotations

import datetime as dt
import re
from types import ModuleType

import pytest
from pydantic import ValidationError

import exporters.base
from api.models import Meeting
from exporters.base import ExportContext, Exporter
from exporters.registry import ExporterRegistry


def _docstring_plugin() -> ModuleType:
    blocks = re.findall(r"```python\n(.+?)```", exporters.base.__doc__ or "", flags=re.S)
    assert len(blocks) == 1
    module = ModuleType("readouts_ids")
    exec(compile(blocks[0], "exporters/base.py docstring", "exec"), module.__dict__)
    return module


def test_the_docstring_exporter_registers_and_runs(
    seed_meetings: list[Meeting], context: ExportContext
) -> None:
    registry = ExporterRegistry(entry_points=False, plugins=[_docstring_plugin()])
    assert "ids" in registry.names()
    assert [p.error for p in registry.plugins()] == [None] * len(registry.plugins())
    exporter = registry.get("ids")
    options = registry.parse_options("ids", {"separator": ","})
    data = b"".join(exporter.stream(seed_meetings, options, context))
    assert data.decode().split(",")[:-1] == [m.id for m in seed_meetings]
    default = b"".join(exporter.stream(seed_meetings, exporter.default_options(), context))
    assert default.decode().splitlines() == [m.id for m in seed_meetings]


def test_an_exporter_must_implement_stream() -> None:
    class Half(Exporter[exporters.base.NoOptions]):
        name = "half"
        media_type = "text/plain"
        extension = "txt"
        description = "no stream"
        options_model = exporters.base.NoOptions

    with pytest.raises(TypeError, match="stream"):
        Half()  # type: ignore[abstract]


def test_export_time_must_carry_a_timezone_and_becomes_utc() -> None:
    with pytest.raises(ValidationError, match="no timezone"):
        ExportContext(version="1", exported_at=dt.datetime(2024, 1, 1))
    paris = dt.timezone(dt.timedelta(hours=2))
    context = ExportContext(version="1", exported_at=dt.datetime(2024, 1, 1, 12, tzinfo=paris))
    assert context.exported_at == dt.datetime(2024, 1, 1, 10, tzinfo=dt.UTC)
    assert context.exported_at.tzinfo is dt.UTC
