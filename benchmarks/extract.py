"""Readouts per second for the rule-based extractor on one core (target: 300/s, issue 16).

Run: `python benchmarks/extract.py` (or `--quick` for a short run).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

import orjson

from api.extract import extract
from benchmarks.common import scale

TARGET = 300.0
TESTS = Path(__file__).resolve().parent.parent / "tests" / "api" / "extract"
CORPORA = ("corpus", "extra", "heldout_like")
"""The annotated texts of the extractor's tests, all three sets."""


def _documents() -> list[tuple[str, dt.date | None]]:
    documents = []
    for path in sorted(p for name in CORPORA for p in (TESTS / name).glob("*.json")):
        data = orjson.loads(path.read_bytes())
        documents.append((data["text"], dt.date.fromisoformat(data["published"])))
    return documents


def main(quick: bool = False) -> float:
    """Extract the test corpora repeatedly; print and return readouts per second, with the
    machine's load average beside it (other processes share the core)."""
    documents = _documents()
    rounds = scale(quick).repeat
    extract(*documents[0])  # warm caches (tables, compiled patterns)
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text, published in documents:
            extract(text, published)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    wall_rate = rounds * len(documents) / elapsed
    rate = rounds * len(documents) / cpu  # per second of this process's own CPU time
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"extract: {rate:.0f} readouts/s of CPU time on one core ({rate / TARGET:.2f}x the "
        f"{TARGET:.0f}/s target); {wall_rate:.0f}/s wall clock with load average {load:.2f} "
        f"({len(documents)} texts x {rounds})"
    )
    return rate


if __name__ == "__main__":
    main(quick="--quick" in sys.argv[1:])
