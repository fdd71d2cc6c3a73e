"""What every benchmark shares: result rows, the table, timing, and prepared databases."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from api.config import Settings
from api.service import open_service
from api.storage import synth

__all__ = [
    "BENCH_DIR",
    "Row",
    "Scale",
    "median_seconds",
    "percentile",
    "prepare_database",
    "print_table",
    "proc_status",
    "scale",
]

BENCH_DIR = Path(
    os.environ.get("READOUTS_BENCH_DIR", Path(tempfile.gettempdir()) / "readouts-bench")
)


@dataclass(frozen=True)
class Scale:
    """How big a run is: meetings in the database, repetitions, seconds of load."""

    meetings: int
    repeat: int
    seconds: int


def scale(quick: bool) -> Scale:
    """Full (100k meetings), quick (5k) or, with READOUTS_BENCH_TINY=1, tiny (for tests)."""
    if os.environ.get("READOUTS_BENCH_TINY") == "1":
        return Scale(meetings=300, repeat=2, seconds=1)
    return Scale(meetings=5_000, repeat=10, seconds=5) if quick else Scale(100_000, 50, 60)


@dataclass
class Row:
    """One line of the results table: our figure, the floor or peer, and the target."""

    benchmark: str
    figure: str
    value: float
    unit: str
    baseline_name: str
    baseline: float
    target: str
    met: bool
    note: str = ""

    @property
    def ratio(self) -> float:
        """Ours divided by the floor or peer."""
        return self.value / self.baseline if self.baseline else float("nan")

    def to_json(self) -> dict[str, Any]:
        """The row with its ratio, for results.json."""
        return {**asdict(self), "ratio": round(self.ratio, 3) if self.baseline else None}


def print_table(rows: list[Row]) -> None:
    """Print the rows as an aligned table."""
    header = ("benchmark", "figure", "ours", "floor / peer", "ratio", "target", "met")
    lines = [header] + [
        (
            r.benchmark,
            r.figure,
            f"{r.value:,.1f} {r.unit}",
            f"{r.baseline_name} {r.baseline:,.1f} {r.unit}",
            f"{r.ratio:.2f}x" if r.baseline else "-",
            r.target,
            "yes" if r.met else "NO",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for number, line in enumerate(lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    for row in rows:
        if row.note:
            print(f"note ({row.benchmark}, {row.figure}): {row.note}")


def proc_status(field: str) -> float:
    """A memory figure of this process from /proc (VmRSS, VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of `action` over `repeat` runs, after one warm-up run."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` percentile (0..1) of `values`, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def prepare_database(meetings: int, url: str | None = None) -> str:
    """A database URL holding the seeds and `meetings` synthetic meetings (kept between runs).

    Without `url`, an SQLite file under BENCH_DIR, made once per size.
    """
    if url is None:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{BENCH_DIR / f'meetings-{meetings}.sqlite3'}"
    service = open_service(Settings(database_url=url))
    try:
        service.load_seeds_if_empty()
        with service.engine.connect() as connection:
            present = connection.execute(
                sa.text("SELECT count(*) FROM meetings WHERE synthetic")
            ).scalar_one()
        if present != meetings:
            synth.purge(service.engine)
            synth.generate(service.engine, meetings, seed=1)
    finally:
        service.close()
    return url
