"""benchmarks/graphql.py runs end to end on a tiny database and reports its rows."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.slow
def test_the_graphql_benchmark_runs_tiny(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READOUTS_BENCH_TINY", "1")
    monkeypatch.setenv("READOUTS_BENCH_DIR", str(tmp_path))
    import benchmarks.common
    from benchmarks import graphql

    monkeypatch.setattr(benchmarks.common, "BENCH_DIR", tmp_path)
    rows = graphql.main(quick=True)
    assert [row["figure"].split(", ")[-1] for row in rows[:2]] == ["p50", "p95"]
    assert rows[2]["value"] <= 6
    assert "REST list" in capsys.readouterr().out
