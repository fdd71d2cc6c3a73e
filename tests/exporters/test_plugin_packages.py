"""Third-party plugin packages, pip-installed into the running environment.

The example package appears in `readouts plugins` and in the registry once installed and
disappears once uninstalled; a package that cannot be imported is reported by name while
every other exporter keeps working.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from api.models import Meeting
from exporters.base import ExportContext
from exporters.registry import ExporterRegistry, registry
from tests.exporters.plugin_fixtures import (
    BROKEN_PLUGIN,
    EXAMPLE_PLUGIN,
    example_plugin,
    installed,
    provider,
)

READOUTS = str(Path(sys.executable).parent / "readouts")
__all__ = ["example_plugin"]  # the fixture, imported to be used here
pytestmark = pytest.mark.slow


def _plugins() -> list[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k != "READOUTS_LOAD_PLUGINS"}
    result = subprocess.run(
        [READOUTS, "plugins", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, str]] = json.loads(result.stdout)
    return rows


def test_install_list_use_uninstall(seed_meetings: list[Meeting], context: ExportContext) -> None:
    assert "example" not in {row["exporter"] for row in _plugins()}
    with installed([EXAMPLE_PLUGIN, BROKEN_PLUGIN]):
        rows = {row["exporter"]: row for row in _plugins()}
        example = rows["example"]
        assert example["package"] == "readouts-example-exporter"
        assert example["version"] == "0.2.0"
        assert example["plugin"] == "example"
        broken = [row for row in _plugins() if row["plugin"] == "broken"]
        assert broken and broken[0]["package"] == "readouts-broken-exporter"
        assert "readouts_missing_dependency" in broken[0]["error"]
        assert {"csv", "datapackage", "json", "ndjson", "xlsx"} <= set(rows)

        process_wide = registry()
        assert "example" in process_wide.names()
        exporter = process_wide.get("example")
        options = process_wide.parse_options("example", {"title": "Seeds"})
        data = b"".join(exporter.stream(seed_meetings, options, context)).decode()
        assert data.startswith("# Seeds\n") and data.count("\n| 20") == len(seed_meetings)
        assert "example" not in ExporterRegistry(entry_points=False).names()

        text = subprocess.run(
            [READOUTS, "plugins"], capture_output=True, text=True, timeout=120, check=True
        ).stdout
        assert "readouts-example-exporter 0.2.0" in text
        assert "BROKEN  broken (readouts-broken-exporter 0.0.1)" in text
    assert "example" not in {row["exporter"] for row in _plugins()}
    assert "example" not in registry().names()


def test_the_reusable_fixture_installs_the_example(example_plugin: str) -> None:
    assert example_plugin == "example"
    assert provider(registry(), "example").package == "readouts-example-exporter"
