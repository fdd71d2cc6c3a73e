"""Sustained load: 64 connections for 60 s on the REST list and the GraphQL example query.

Targets: zero errors (a request over 10 s counts as one), and server memory that does not
grow without bound (RSS at the end within 1.5× of RSS after a warm-up at full concurrency). p50/p99 latency and req/s are reported.
"""

from __future__ import annotations

import sys
import urllib.request

import orjson

from benchmarks.common import Row, prepare_database, print_table, scale
from benchmarks.server import rss_mb, serve, wrk

CONNECTIONS = 64
REST_PATH = "/api/v1/meetings?limit=20&synthetic=any"
GRAPHQL_QUERY = """query Example($first: Int!) {
  meetings(first: $first, filter: {kind: [PHONE_CALL], synthetic: ANY}) {
    nodes { id date participants { person { name } } topics { label } sources { publisher } }
  }
}"""


P99_TARGET = 4.0  # GraphQL's p99 within 4x the REST list's, under the same load (issue 16)


def main(
    quick: bool = False, url: str | None = None, workers: int = 1, meetings: int | None = None
) -> list[Row]:
    """Load both endpoints; rows for errors, p99 and memory growth."""
    size = scale(quick)
    database = prepare_database(meetings or size.meetings, url)
    seconds = size.seconds
    body = orjson.dumps({"query": GRAPHQL_QUERY, "variables": {"first": 20}})
    rows: list[Row] = []
    p99: dict[str, float] = {}
    with serve(database, workers=workers) as server:
        _check_example(server.url, body)
        for name, path, payload in (
            ("REST list", REST_PATH, None),
            ("GraphQL example", "/graphql", body),
        ):
            # Warm up at full concurrency, so the start RSS already holds the working set
            # (threads, connections, caches); growth after that would be a leak.
            wrk(server.url + path, CONNECTIONS, max(1, seconds // 6), payload)
            start_rss = rss_mb(server.process.pid)
            result = wrk(server.url + path, CONNECTIONS, seconds, payload)
            end_rss = rss_mb(server.process.pid)
            label = f"{name}, {CONNECTIONS} conns, {seconds}s"
            p99[name] = result.p99_ms
            rows += [
                Row(
                    "load",
                    f"{label}: errors of {result.requests:,}",
                    result.errors,
                    "",
                    "allowed",
                    0,
                    "0 errors",
                    result.errors == 0,
                    f"{result.requests_per_second:,.0f} req/s, p50 {result.p50_ms:.1f} ms",
                ),
                Row(
                    "load",
                    f"{label}: p99 latency",
                    result.p99_ms,
                    "ms",
                    "p50",
                    result.p50_ms,
                    "reported",
                    True,
                ),
                Row(
                    "load",
                    f"{label}: server RSS end vs start",
                    end_rss,
                    "MB",
                    "start",
                    start_rss,
                    "<= 1.5x",
                    end_rss <= 1.5 * start_rss,
                ),
            ]
    rows.append(
        Row(
            "load",
            f"GraphQL example p99 vs REST list p99, {CONNECTIONS} conns",
            p99["GraphQL example"],
            "ms",
            "REST list p99",
            p99["REST list"],
            f"<= {P99_TARGET:.0f}x",
            p99["GraphQL example"] <= P99_TARGET * p99["REST list"],
        )
    )
    return rows


def _check_example(base: str, body: bytes) -> None:
    """The GraphQL example must answer data, not errors (which come with a 200)."""
    request = urllib.request.Request(
        f"{base}/graphql", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = orjson.loads(response.read())
    if "errors" in answer or not answer["data"]["meetings"]["nodes"]:
        raise RuntimeError(f"the GraphQL example query does not answer data: {answer}")


if __name__ == "__main__":
    print_table(main(quick="--quick" in sys.argv[1:]))
