"""Where a REST list request spends its time, in-process (no sockets, no wrk): the whole
ASGI request against its parts — query parsing (filter model), the repository's page,
serialising (orjson), the ETag — and the rest (routing, the CORS, gzip and problem
middleware, the worker-thread hop). Medians of one request at a time.

Run: `python -m benchmarks.rest_parts [--quick]` (as a module: benchmarks/graphql.py would
shadow the graphql package).
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from typing import Any

import orjson
from starlette.datastructures import QueryParams

from benchmarks.common import prepare_database, scale

QUERY = "kind=phone_call&limit=100&synthetic=any"


def _median_ms(action: Callable[[], Any], repeat: int) -> float:
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2] * 1000


def breakdown(quick: bool = False) -> dict[str, float]:
    """Milliseconds per request of the whole request and of each part, and `other`."""
    url = prepare_database(scale(quick).meetings)
    from api.app import create_app
    from api.config import Settings
    from api.etags import entity_tag
    from api.params import parse_meeting_query

    app = create_app(Settings(database_url=url, load_seeds=False))  # no env: it would leak
    repeat = 200 if quick else 500
    path = "/api/v1/meetings"

    async def request() -> None:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": QUERY.encode(),
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1")],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
            "state": {},
        }

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and message["status"] != 200:
                raise RuntimeError(f"{path}?{QUERY} answered {message['status']}")

        await app(scope, receive, send)

    async def measure() -> dict[str, float]:
        async with app.router.lifespan_context(app):
            loop = asyncio.get_running_loop()
            whole = []
            for _ in range(repeat + 1):
                start = loop.time()
                await request()
                whole.append(loop.time() - start)
            whole.sort()
            repository = app.state.service.repository
            params = QueryParams(QUERY)
            query = parse_meeting_query(params)
            page = repository.list_briefs(query.selection, query.page)
            body = orjson.dumps({"data": page.items, "next_cursor": None, "total": None})
            parts = {
                "whole request": whole[len(whole) // 2] * 1000,
                "query parsing": _median_ms(lambda: parse_meeting_query(params), repeat),
                "repository page": _median_ms(
                    lambda: repository.list_briefs(query.selection, query.page), repeat
                ),
                "orjson": _median_ms(
                    lambda: orjson.dumps({"data": page.items, "next_cursor": None}), repeat
                ),
                "ETag": _median_ms(lambda: entity_tag(body), repeat),
            }
            parts["other"] = parts["whole request"] - sum(
                v for k, v in parts.items() if k != "whole request"
            )
            return parts

    return asyncio.run(measure())


def note(parts: dict[str, float]) -> str:
    """The breakdown as one line for the table's notes."""
    whole = parts["whole request"]
    shares = ", ".join(
        f"{name} {ms:.2f} ms ({ms / whole:.0%})"
        for name, ms in parts.items()
        if name != "whole request"
    )
    return f"in-process, {whole:.2f} ms a request: {shares}"


if __name__ == "__main__":
    print(note(breakdown(quick="--quick" in sys.argv[1:])))
