"""Readouts per second for the rule-based extractor on one core (target: 200/s).

Run: `python benchmarks/extract.py` (or `--quick` for a short run).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import orjson

from api.extract import extract
from benchmarks.common import scale

TARGET = 200.0
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "api" / "extract" / "corpus"


def _documents() -> list[tuple[str, dt.date | None]]:
    documents = []
    for path in sorted(CORPUS.glob("*.json")):
        data = orjson.loads(path.read_bytes())
        documents.append((data["text"], dt.date.fromisoformat(data["published"])))
    return documents


def main(quick: bool = False) -> float:
    """Extract the dev corpus repeatedly; print and return readouts per second."""
    documents = _documents()
    rounds = scale(quick).repeat
    extract(*documents[0])  # warm caches (tables, compiled patterns)
    start = time.perf_counter()
    for _ in range(rounds):
        for text, published in documents:
            extract(text, published)
    elapsed = time.perf_counter() - start
    rate = rounds * len(documents) / elapsed
    print(f"extract: {rate:.0f} readouts/s ({rate / TARGET:.2f}x the {TARGET:.0f}/s target)")
    return rate


if __name__ == "__main__":
    main(quick="--quick" in sys.argv[1:])
