"""REST benchmark: readouts vs a hand-written floor vs Datasette, on one SQLite file.

`GET /api/v1/meetings?kind=phone_call&limit=100` on 100k synthetic meetings, one uvicorn
worker per server in a subprocess, load from Debian's `wrk` at 1 and 16 connections.
Run: `python benchmarks/rest.py [--quick]` (needs `wrk`: apt-get install -y wrk; and
`pip install -e '.[bench]'` for Datasette). Prints a table; `main()` returns the rows.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks.common import prepare_database, scale

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QUERY = "kind=phone_call&limit=100&synthetic=any"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _servers(database: Path) -> dict[str, tuple[list[str], dict[str, str], str]]:
    uvicorn = [str(BIN / "uvicorn"), "--workers", "1", "--log-level", "warning", "--no-access-log"]
    env = {
        **os.environ,
        "READOUTS_DATABASE_URL": f"sqlite:///{database}",
        "READOUTS_LOAD_SEEDS": "false",
    }
    servers = {
        "readouts": (
            [*uvicorn, "--factory", "api.app:create_app"],
            env,
            f"/api/v1/meetings?{QUERY}",
        ),
        "floor": (
            [*uvicorn, "--app-dir", str(ROOT / "benchmarks"), "--factory", "rest_floor:create_app"],
            {**os.environ, "READOUTS_FLOOR_DB": str(database)},
            f"/api/v1/meetings?{QUERY}",
        ),
    }
    datasette = BIN / "datasette"
    if datasette.exists():
        servers["datasette"] = (
            [str(datasette), "serve", str(database), "--setting", "num_sql_threads", "3"],
            dict(os.environ),
            f"/{database.stem}/meetings.json?kind=phone_call&_size=100&_nocount=1&_nofacet=1&_sort_desc=date",
        )
    return servers


def _wait(url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                response.read()
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _wrk(url: str, connections: int, seconds: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50_ms": _ms(re.search(r"\s50%\s+(\S+)", out).group(1)),  # type: ignore[union-attr]
        "p99_ms": _ms(re.search(r"\s99%\s+(\S+)", out).group(1)),  # type: ignore[union-attr]
        "errors": float(errors.group(1)) if errors else 0.0,
    }


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main(quick: bool = False) -> list[dict[str, Any]]:
    """Run the benchmark and print a table; quick: 5k meetings and 3 s per run."""
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install -y wrk; benchmark skipped")
        return []
    size = scale(quick)
    meetings, seconds = size.meetings, min(size.seconds, 10)
    results: list[dict[str, Any]] = []
    database = Path(sa.make_url(prepare_database(meetings)).database or "")
    servers = _servers(database)
    if "datasette" not in servers:
        print("datasette is not installed (pip install -e '.[bench]'); column left out")
    for name, (command, env, path) in servers.items():
        port = _free_port()
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}{path}"
            _wait(url)
            _wrk(url, 4, 1)  # warm up
            for connections in (1, 16):
                row = {
                    "server": name,
                    "connections": connections,
                    **_wrk(url, connections, seconds),
                }
                results.append(row)
        finally:
            process.terminate()
            process.wait(timeout=30)
    _print(results, meetings)
    return results


def _print(results: list[dict[str, Any]], meetings: int) -> None:
    print(f"GET /api/v1/meetings?{QUERY} on {meetings} synthetic meetings (SQLite), one worker")
    print(f"{'server':<10} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for row in results:
        print(
            f"{row['server']:<10} {row['connections']:>5} {row['rps']:>9.1f} "
            f"{row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f} {row['errors']:>8.0f}"
        )
    by = {(r["server"], r["connections"]): r["rps"] for r in results}
    for connections in (1, 16):
        ours = by.get(("readouts", connections))
        if ours is None:
            continue
        ratios = [
            f"{ours / by[(other, connections)]:.2f}x {other}"
            for other in ("floor", "datasette")
            if by.get((other, connections))
        ]
        print(f"readouts at {connections} connections: {', '.join(ratios)}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
