"""Request bodies, bounded: the one guard every endpoint's body passes through.

`BodyLimit` wraps the whole application. A request whose `Content-Length` passes
`max_bytes` (or the larger limit of its path, for load files) is refused before a byte of its body is read; one without a length (chunked)
is counted as it arrives and refused as soon as it passes. A compressed body
(`Content-Encoding` other than `identity`) is refused: nothing here inflates a body, and
inflating one unbounded is how a small request becomes a large one. The refusal is
`413` (`415` for an encoding) as problem details, or as a GraphQL error with
`extensions.code` on the GraphQL path:

    body-too-large   unsupported-encoding

A client that goes away before it has sent its whole body gets one line in the log,
not a traceback; a connection the server closed itself (`SERVER_CLOSED` in the scope, set
by `readouts serve` when a body takes too long) was logged where it was closed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import orjson
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.asgi import TrackedSend
from api.errors import ReadoutsError

__all__ = ["SERVER_CLOSED", "BodyLimit", "BodyTooLarge"]

SERVER_CLOSED = "readouts.server_closed"
"""Scope key the server sets on a request whose connection it closed (a timeout)."""

_log = logging.getLogger("readouts.http")


class BodyTooLarge(ReadoutsError, status=413, problem="body-too-large", title="Content Too Large"):
    """Raised from `receive` once a body passes the limit; answered with 413."""


class BodyLimit:
    """Refuses request bodies over `max_bytes` and compressed bodies, for every path."""

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        graphql_path: str,
        larger: Mapping[str, tuple[int, str]] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.graphql_path = graphql_path
        self.larger = dict(larger or {})
        """Path -> (limit, the setting that sets it), for paths that take larger bodies."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in {"", "identity"}:
            message = (
                f"request bodies encoded as {encoding[:40]!r} are not accepted; "
                "send the body uncompressed (no Content-Encoding)"
            )
            await self._refuse(scope, send, 415, "unsupported-encoding", message)
            return
        limit = self.larger.get(scope.get("path", ""), (self.max_bytes, "READOUTS_MAX_BODY_BYTES"))
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit[0]:
            message = self._too_large(int(length), limit)
            await self._refuse(scope, send, 413, "body-too-large", message)
            return
        await self._bounded(scope, receive, send, limit)

    async def _bounded(
        self, scope: Scope, receive: Receive, send: Send, limit: tuple[int, str]
    ) -> None:
        received = 0
        tracked = TrackedSend(send)

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit[0]:
                    raise BodyTooLarge(self._too_large(None, limit))
            return message

        try:
            await self.app(scope, counting_receive, tracked)
        except BodyTooLarge as error:
            if tracked.started:
                raise
            await self._refuse(scope, send, 413, error.problem, error.detail)
        except ClientDisconnect:
            if scope.get(SERVER_CLOSED):
                return
            _log.warning(
                "%s %s: the client went away before sending the whole body",
                scope.get("method", "?"),
                scope.get("path", "?"),
            )

    def _too_large(self, length: int | None, limit: tuple[int, str]) -> str:
        size = f"of {length} bytes " if length is not None else ""
        return (
            f"the request body {size}is larger than the limit of {limit[0]} bytes "
            f"({limit[1]}); send a smaller body"
        )

    async def _refuse(self, scope: Scope, send: Send, status: int, code: str, detail: str) -> None:
        body: dict[str, object]
        if scope.get("path") == self.graphql_path:
            body = {"errors": [{"message": detail, "extensions": {"code": code}}]}
            media_type = "application/json"
        else:
            title = "Content Too Large" if status == 413 else "Unsupported Media Type"
            body = {"type": f"/problems/{code}", "title": title, "status": status, "detail": detail}
            media_type = "application/problem+json"
        content = orjson.dumps(body)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", media_type.encode()),
                    (b"content-length", str(len(content)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": content})
