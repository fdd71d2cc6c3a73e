"""Where blocking database work runs: worker threads, with aggregates kept apart.

Each database call of a request runs in a worker thread; `configure` sets how many may run
at once (`READOUTS_THREADS`). Aggregates over a whole selection (stats, counterparts,
downloads) can take seconds on a large database, so `run_heavy` also passes them through a
smaller limiter: however many arrive together, a thread stays free for pages and lookups,
which take milliseconds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import ParamSpec, TypeVar

import anyio
import anyio.to_thread
from starlette.concurrency import run_in_threadpool

__all__ = ["configure", "iterate_heavy", "run_heavy"]

_P = ParamSpec("_P")
_T = TypeVar("_T")

_heavy = anyio.CapacityLimiter(1)


def configure(threads: int) -> None:
    """Let `threads` database calls run at once, at most `threads - 1` of them heavy
    (at least one)."""
    global _heavy
    anyio.to_thread.current_default_thread_limiter().total_tokens = threads
    _heavy = anyio.CapacityLimiter(max(1, threads - 1))


async def run_heavy(func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """`func(*args, **kwargs)` in a worker thread, once a heavy slot is free."""
    async with _heavy:
        return await run_in_threadpool(func, *args, **kwargs)


async def iterate_heavy(items: Iterator[_T]) -> AsyncIterator[_T]:
    """The items of `items`, each made in a worker thread once a heavy slot is free (a
    slot is held for one item, not while a slow client reads it)."""
    done = object()
    while True:
        item = await run_heavy(next, items, done)
        if item is done:
            return
        yield item  # type: ignore[misc]
