"""Downloads of a meeting selection through the exporter registry (not wired yet)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

__all__ = ["download_for"]


def download_for(request: Request) -> Callable[[Request], Awaitable[Response]] | None:
    """The download endpoint `request` negotiates by `Accept`, or None for JSON."""
    return None
