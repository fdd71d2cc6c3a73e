"""The README's plugin example registers and runs as written."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

from api.models import Meeting
from exporters.base import ExportContext
from exporters.registry import ExporterRegistry

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_readme_plugin_example_runs(seed_meetings: list[Meeting], context: ExportContext) -> None:
    section = README.split("## Downloads and exporters", 1)[1]
    (code,) = re.findall(r"```python\n(.+?)```", section, flags=re.S)
    module = ModuleType("readouts_ids")
    exec(compile(code, "README.md", "exec"), module.__dict__)
    registry = ExporterRegistry(entry_points=False, plugins=[module])
    exporter = registry.get("ids")
    data = b"".join(exporter.stream(seed_meetings, exporter.default_options(), context))
    assert data.decode().splitlines() == [m.id for m in seed_meetings]


def test_readme_lists_every_builtin_format_and_option() -> None:
    section = README.split("## Downloads and exporters", 1)[1]
    registry = ExporterRegistry(entry_points=False)
    for exporter in registry.exporters():
        assert f"| `{exporter.name}` |" in section
        for option in exporter.options_model.model_fields:
            assert f"`{option}=" in section, option
