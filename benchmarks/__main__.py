"""`python -m benchmarks`: every benchmark, one table, and benchmarks/results.json.

    python -m benchmarks                 # 100k synthetic meetings on SQLite
    python -m benchmarks --quick         # 5k meetings, short runs (under two minutes)
    python -m benchmarks --postgres      # also repository, pagination and load on
                                         # PostgreSQL at 1M meetings (made once, kept)

Each row is a figure, the floor or peer measured in the same run, their ratio, the target
and whether it is met. A benchmark that fails becomes a row that says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import (
    cli,
    export,
    extract,
    graphql,
    load,
    load_file,
    names,
    pagination,
    repository,
    rest,
    rest_parts,
    web,
)
from benchmarks.common import Row, print_table

RESULTS = Path(__file__).resolve().parent / "results.json"
POSTGRES_URL = os.environ.get(
    "READOUTS_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/readouts_bench"
)
POSTGRES_MEETINGS = 1_000_000
EXTRACT_TARGET = extract.TARGET


def main() -> None:
    """Parse the options, run everything, print the table, write the results."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5k meetings, short runs")
    parser.add_argument("--postgres", action="store_true", help="also PostgreSQL at 1M")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write JSON")
    options = parser.parse_args()
    rows: list[Row] = []
    for name, run in _suite(options.quick, options.postgres):
        print(f"== {name}", flush=True)
        rows.extend(_guarded(name, run))
    print()
    print_table(rows)
    options.output.write_text(
        json.dumps(
            {
                "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
                "quick": options.quick,
                "rows": [row.to_json() for row in rows],
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwrote {options.output}")


def _suite(quick: bool, postgres: bool) -> list[tuple[str, Callable[[], list[Row]]]]:
    suite: list[tuple[str, Callable[[], list[Row]]]] = [
        ("repository", lambda: repository.main(quick)),
        ("pagination", lambda: pagination.main(quick)),
        ("names", lambda: names.main(quick)),
        ("rest", lambda: _rest_rows(rest.main(quick))),
        ("rest parts", lambda: [_parts_row(rest_parts.breakdown(quick))]),
        ("graphql", lambda: [_row(r) for r in graphql.main(quick)]),
        ("export", lambda: [_row(r) for r in export.main(quick)]),
        ("extract", lambda: [_extract_row(extract.main(quick))]),
        ("load", lambda: load.main(quick)),
        ("load file", lambda: load_file.main(quick)),
        ("web", lambda: web.main(quick)),
        ("cli", lambda: cli.main(quick)),
    ]
    if postgres:
        meetings = 20_000 if quick else POSTGRES_MEETINGS
        suite += [
            (
                "repository (PostgreSQL)",
                lambda: _on_postgres(repository.main(quick, POSTGRES_URL, meetings)),
            ),
            (
                "pagination (PostgreSQL)",
                lambda: _on_postgres(pagination.main(quick, POSTGRES_URL, meetings)),
            ),
            ("web (PostgreSQL)", lambda: web.main(quick, POSTGRES_URL, meetings)),
            (
                "load (PostgreSQL, 2 workers)",
                lambda: _on_postgres(load.main(quick, POSTGRES_URL, 2, meetings)),
            ),
        ]
    return suite


def _guarded(name: str, run: Callable[[], list[Row]]) -> list[Row]:
    try:
        return run()
    except Exception as error:  # one broken benchmark must not hide the others
        traceback.print_exc()
        return [Row(name, "(did not run)", 0, "", "-", 0, "runs", False, f"failed: {error!r}")]


def _on_postgres(rows: list[Row]) -> list[Row]:
    for row in rows:
        row.benchmark += " (PostgreSQL)"
    return rows


def _row(data: dict[str, Any]) -> Row:
    data = {k: v for k, v in data.items() if k != "ratio"}
    return Row(**data)


def _rest_rows(results: list[dict[str, Any]]) -> list[Row]:
    by = {(r["server"], r["connections"]): r for r in results}
    rows = []
    for connections in (1, 16):
        ours = by.get(("readouts", connections))
        if ours is None:
            continue
        note = f"p50 {ours['p50_ms']:.1f} ms, p99 {ours['p99_ms']:.1f} ms"
        for peer, factor in (("floor", 0.8), ("datasette", 1.5)):
            other = by.get((peer, connections))
            if other is None:
                rows.append(
                    Row(
                        "rest",
                        f"req/s, {connections} conns",
                        ours["rps"],
                        "req/s",
                        f"{peer} (not installed)",
                        0,
                        f">= {factor}x",
                        False,
                        note,
                    )
                )
                continue
            rows.append(
                Row(
                    "rest",
                    f"req/s, {connections} conns",
                    ours["rps"],
                    "req/s",
                    peer,
                    other["rps"],
                    f">= {factor}x",
                    ours["rps"] >= factor * other["rps"],
                    note,
                )
            )
    return rows


def _parts_row(parts: dict[str, float]) -> Row:
    return Row(
        "rest",
        "list request in-process, by part",
        parts["whole request"],
        "ms",
        "repository page",
        parts["repository page"],
        "reported",
        True,
        rest_parts.note(parts),
    )


def _extract_row(rate: float) -> Row:
    return Row(
        "extract",
        "readouts per second, one core",
        rate,
        "/s",
        "target",
        EXTRACT_TARGET,
        ">= 1x",
        rate >= EXTRACT_TARGET,
    )


if __name__ == "__main__":
    main()
