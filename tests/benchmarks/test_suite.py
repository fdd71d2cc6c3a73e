"""`python -m benchmarks` runs end to end at a tiny size, so the benchmarks never rot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_every_benchmark_runs_and_fills_its_rows(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    env = {**os.environ, "READOUTS_BENCH_TINY": "1", "READOUTS_BENCH_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = json.loads(output.read_text(), parse_constant=lambda name: pytest.fail(name))["rows"]
    names = {row["benchmark"].split(" (")[0].split(" ")[0] for row in rows}
    assert {
        "repository",
        "pagination",
        "rest",
        "graphql",
        "export",
        "extract",
        "load",
        "web",
    } <= names
    failed = [row for row in rows if row["figure"] == "(did not run)"]
    assert not failed, failed
    assert all(row["value"] == row["value"] for row in rows)  # no NaN figures
    load_errors = [r for r in rows if r["benchmark"] == "load" and "errors" in r["figure"]]
    assert load_errors and all(r["value"] == 0 for r in load_errors)
    assert "ratio" in result.stdout and "met" in result.stdout
