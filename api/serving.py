"""How `readouts serve` runs uvicorn: connection timeouts and a connection cap that
uvicorn lacks by default.

uvicorn closes a keep-alive connection that stays idle, but not a connection that never
completes its request: a client may open thousands of sockets and send nothing, or send
headers and a body a byte at a time, and hold them forever. `TimedHttpProtocol` gives
every request `READOUTS_HEADER_TIMEOUT` seconds from its first byte (from the connection
for the first request) to finish its headers, then `READOUTS_BODY_TIMEOUT` seconds to
finish its body; past either, the connection is closed and one line is logged.

Each open connection also costs memory, so at most `READOUTS_MAX_CONNECTIONS` stay open:
a connection past the cap closes the one that has waited longest for a request (an idle
keep-alive connection, or one still sending its headers), else the one that has waited
longest for the rest of a body, never one the app is answering; so thousands of idle or
trickling sockets cannot crowd out a client that sends a request.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.bodies import SERVER_CLOSED
from api.config import Settings

__all__ = ["RedactSecrets", "TimedHttpProtocol", "redact_access_log", "uvicorn_options"]

_log = logging.getLogger("readouts.http")


_SECRET = re.compile(r"((?:^|[?&])(?:access_token|token|api_key|key)=)[^&\s]*", re.IGNORECASE)


class RedactSecrets(logging.Filter):
    """Hides query-string values named like secrets in uvicorn's access lines: readouts
    reads tokens only from `Authorization`, but a client that puts one in the URL must not
    find it written to the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3:
            path = record.args[2]
            if isinstance(path, str) and "=" in path:
                args = list(record.args)
                args[2] = _SECRET.sub(r"\1[redacted]", path)
                record.args = tuple(args)
        return True


def redact_access_log() -> None:
    """Install `RedactSecrets` on uvicorn's access logger (once per process)."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in access.filters):
        access.addFilter(RedactSecrets())


@dataclass(frozen=True)
class _Limits:
    header_timeout: float
    body_timeout: float
    max_connections: int


@functools.cache
def _limits() -> _Limits:
    settings = Settings()
    return _Limits(settings.header_timeout, settings.body_timeout, settings.max_connections)


_HEADERS, _BODY = 0, 1  # what a connection waits for, the first closed first
_CAP_LOG_INTERVAL = 60.0  # seconds between two log lines about closing for room
_cap_logged = {"at": float("-inf"), "closed": 0}


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """The keyword arguments of `uvicorn.run` that bound how long a connection may hang."""
    return {"http": TimedHttpProtocol, "timeout_keep_alive": settings.keep_alive_timeout}


class TimedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline on reading each request, within a cap
    on open connections."""

    _read_timer: asyncio.TimerHandle | None = None
    _waiting: tuple[int, float] | None = None
    """What the connection waits for from its client, and since when: `(0, t)` a request's
    headers (or nothing yet), `(1, t)` the rest of a body; None while the app answers."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._waiting = (_HEADERS, time.monotonic())
        self._arm(_limits().header_timeout, "headers")
        if len(self.connections) > _limits().max_connections:
            self._make_room()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._read_timer is None:  # a later request on a kept-alive connection
            self._arm(_limits().header_timeout, "headers")

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self._waiting = (_BODY, time.monotonic())
        self._arm(_limits().body_timeout, "body")

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._waiting is None:
            self._waiting = (_HEADERS, time.monotonic())

    def _make_room(self) -> None:
        """Close the connection that has waited longest for a request's headers, else the
        one that has waited longest for the rest of a body (this new one when every other
        is being answered)."""
        waiting = [c for c in self.connections if isinstance(c, TimedHttpProtocol)]
        waiting = [c for c in waiting if c._waiting is not None and c is not self]
        victim = min(waiting, key=lambda c: c._waiting or (0, 0.0)) if waiting else self
        victim._disarm()
        victim.transport.close()
        _cap_logged["closed"] += 1
        now = time.monotonic()
        if now - _cap_logged["at"] >= _CAP_LOG_INTERVAL:
            _log.warning(
                "%d connections open, the cap (READOUTS_MAX_CONNECTIONS); closed %d that "
                "waited longest for a request",
                _limits().max_connections,
                _cap_logged["closed"],
            )
            _cap_logged.update(at=now, closed=0)

    def on_message_complete(self) -> None:
        self._disarm()
        self._waiting = None
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self, seconds: float, part: str) -> None:
        self._disarm()
        self._read_timer = self.loop.call_later(seconds, self._expire, seconds, part)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _expire(self, seconds: float, part: str) -> None:
        self._read_timer = None
        if self.cycle is not None:  # the app hears of the disconnect: logged here, once
            self.cycle.scope[SERVER_CLOSED] = True  # type: ignore[literal-required]
        if not self.transport.is_closing():
            client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
            _log.warning(
                "closed the connection of %s: request %s not complete within %g s",
                client,
                part,
                seconds,
            )
            self.transport.close()
