"""Web page benchmark: the meetings page with all its facets vs the REST list, same run.

One uvicorn worker on a database of synthetic meetings (SQLite, 100k by default; or the
PostgreSQL URL given, 1M in `python -m benchmarks --postgres`). Requests alternate between
`/?SELECTION` (HTML, with facet counts, chart table, page and previous-page link) and
`/api/v1/meetings?SELECTION` (JSON), one at a time; the figure is each one's p50.

Facet counts over a large selection read every row, so the page keeps them per selection
until the next write (see `api/storage/facets.py`): the first request after a write pays
for them, later ones read the cache. Both costs are reported: the cold one is the first
page request after the server starts.

Run: `python benchmarks/web.py [--quick] [--postgres URL]`. `main()` returns the rows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchmarks.common import Row, percentile, prepare_database, scale
from benchmarks.rest import _free_port, _wait

ROOT = Path(__file__).resolve().parent.parent
SELECTIONS = ("", "kind=phone_call", "country=PK&kind=meeting")
LIMIT = 20


def _get(url: str, accept: str) -> float:
    request = urllib.request.Request(url, headers={"Accept": accept})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        response.read()
        assert response.status == 200, url
    return time.perf_counter() - start


def main(quick: bool = False, url: str | None = None, meetings: int | None = None) -> list[Row]:
    """Measure every selection; rows of p50 page vs p50 REST (target: at most 1.5×)."""
    size = scale(quick)
    count = meetings or size.meetings
    database = prepare_database(count, url)
    port = _free_port()
    env = {**os.environ, "READOUTS_DATABASE_URL": database, "READOUTS_LOAD_SEEDS": "false"}
    command = [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    rows: list[Row] = []
    engine = "PostgreSQL" if database.startswith("postgresql") else "SQLite"
    try:
        _wait(f"{base}/healthz")
        repeat = max(size.repeat, 5) * (2 if quick else 4)
        for selection in SELECTIONS:
            query = f"{selection}&limit={LIMIT}" if selection else f"limit={LIMIT}"
            page_url, rest_url = f"{base}/?{query}", f"{base}/api/v1/meetings?{query}"
            cold = _get(page_url, "text/html")
            page, rest = [], []
            for _ in range(repeat):
                page.append(_get(page_url, "text/html"))
                rest.append(_get(rest_url, "application/json"))
            ours, floor = percentile(page, 0.5) * 1000, percentile(rest, 0.5) * 1000
            name = selection or "everything"
            rows.append(
                Row(
                    "web",
                    f"meetings page p50, {name}, {count:,} ({engine})",
                    ours,
                    "ms",
                    "REST list p50",
                    floor,
                    "<= 1.5x",
                    ours <= 1.5 * floor,
                    f"first request (facets computed) {cold * 1000:.0f} ms; "
                    f"p99 page {percentile(page, 0.99) * 1000:.1f} ms",
                )
            )
            if not selection and engine == "PostgreSQL":
                rows.append(
                    Row(
                        "web",
                        f"unfiltered page with all facets p50, {count:,} (PostgreSQL)",
                        ours,
                        "ms",
                        "target",
                        300,
                        "< 300 ms",
                        ours < 300,
                        f"first request after start or a write: {cold * 1000:.0f} ms",
                    )
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


if __name__ == "__main__":
    from benchmarks.common import print_table

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--postgres", help="a PostgreSQL URL to benchmark on")
    parser.add_argument("--meetings", type=int, default=None)
    options = parser.parse_args()
    print_table(main(options.quick, options.postgres, options.meetings))
