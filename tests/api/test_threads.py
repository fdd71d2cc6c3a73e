"""Aggregates wait for a heavy slot; pages and lookups still find a thread."""

from __future__ import annotations

import threading

import anyio
import anyio.to_thread
from starlette.concurrency import run_in_threadpool

from api import threads


def test_heavy_calls_leave_a_thread_free_for_light_ones() -> None:
    release = threading.Event()
    running: list[int] = []
    peak: list[int] = [0]
    lock = threading.Lock()

    def aggregate() -> str:
        with lock:
            running.append(1)
            peak[0] = max(peak[0], len(running))
        release.wait(timeout=60)
        with lock:
            running.pop()
        return "stats"

    async def main() -> tuple[list[str], int]:
        threads.configure(2)
        results: list[str] = []

        async def heavy() -> None:
            results.append(await threads.run_heavy(aggregate))

        async with anyio.create_task_group() as group:
            for _ in range(4):
                group.start_soon(heavy)
            while not running:  # the first aggregate holds its thread
                await anyio.sleep(0.01)
            with anyio.fail_after(30):  # would wait for all four without the heavy limiter
                light = await run_in_threadpool(lambda: 42)
            release.set()
        return results, light

    results, light = anyio.run(main)
    assert light == 42 and results == ["stats"] * 4
    assert peak[0] == 1, "with 2 threads, one aggregate at a time"


def test_iterate_heavy_yields_every_item() -> None:
    async def main() -> list[int]:
        threads.configure(2)
        return [item async for item in threads.iterate_heavy(iter(range(5)))]

    assert anyio.run(main) == [0, 1, 2, 3, 4]
