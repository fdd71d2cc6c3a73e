"""GraphQL benchmark: the example query at first: 100 on 100k synthetic meetings (SQLite).

The app runs in a uvicorn subprocess (`readouts serve`); a client loop in this process
sends the query over one keep-alive connection and measures latency p50/p95. The same
page from the REST list endpoint, with the same children (participants, topics, sources:
`/api/v1/meetings?limit=100&view=full`), is the floor. SQL
statements per request are counted in-process, on the same schema and database.

    python -m benchmarks.graphql [--quick]
"""

from __future__ import annotations

import asyncio
import http.client
import json
import sys
import time
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa

from api.config import Settings
from api.graphql import schema
from api.graphql.context import get_context
from api.service import open_service
from benchmarks.common import Row, percentile, prepare_database, print_table, scale
from benchmarks.server import serve

__all__ = ["QUERY", "main"]

QUERY = """query Page($first: Int!) {
  meetings(first: $first, filter: {synthetic: ANY}) {
    nodes {
      participants { person { name } }
      topics { label }
      sources { publisher }
    }
  }
}"""
TARGET = 1.5


def main(quick: bool = False) -> list[dict[str, Any]]:
    """Measure, print the table, return the rows as dicts."""
    size = scale(quick)
    url = prepare_database(size.meetings)
    statements = _statements_per_request(url)
    requests = max(20, size.repeat * 4)
    body = json.dumps({"query": QUERY, "variables": {"first": 100}}).encode()
    with serve(url) as server:
        graphql = _latencies(server.url, "POST", "/graphql", body, requests)
        rest = _latencies(
            server.url, "GET", "/api/v1/meetings?limit=100&view=full&synthetic=any", None, requests
        )
    rows = []
    for name, fraction in (("p50", 0.5), ("p95", 0.95)):
        ours, floor = percentile(graphql, fraction), percentile(rest, fraction)
        met = ours <= TARGET * floor
        rows.append(
            Row(
                "graphql",
                f"example query, first 100, {size.meetings:,} meetings, {name}",
                ours * 1000,
                "ms",
                "REST list (full)",
                floor * 1000,
                f"<= {TARGET}x",
                met,
                ""
                if met
                else "reading the page as models, then topics' resolvers (plain fields: by plan)",
            )
        )
    rows.append(
        Row(
            "graphql",
            "SQL statements per request",
            statements,
            "",
            "limit",
            6,
            "<= 6",
            statements <= 6,
        )
    )
    print_table(rows)
    return [row.to_json() for row in rows]


def _statements_per_request(url: str) -> float:
    service = open_service(Settings(database_url=url))
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    try:
        sa.event.listen(service.engine, "before_cursor_execute", record)
        result = asyncio.run(
            schema.execute(QUERY, {"first": 100}, context_value=get_context(service))
        )
        sa.event.remove(service.engine, "before_cursor_execute", record)
        if result.errors:
            raise RuntimeError(f"the benchmark query failed: {result.errors[0].message}")
    finally:
        service.close()
    return float(len(seen))


def _latencies(base: str, method: str, path: str, body: bytes | None, n: int) -> list[float]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port)
    headers = {"content-type": "application/json"} if body else {}
    times = []
    try:
        for number in range(n + 3):  # three warm-up requests
            start = time.perf_counter()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            elapsed = time.perf_counter() - start
            if response.status != 200 or b'"errors"' in payload[:20]:
                raise RuntimeError(f"{method} {path}: {response.status} {payload[:200]!r}")
            if number >= 3:
                times.append(elapsed)
    finally:
        connection.close()
    return times


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
