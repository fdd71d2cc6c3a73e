"""Small ASGI helpers shared by the middleware of several faces."""

from __future__ import annotations

from starlette.types import Message, Send

__all__ = ["TrackedSend"]


class TrackedSend:
    """`send` that remembers whether the response has started: once its headers are out,
    a middleware can no longer answer an error in their place."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)
