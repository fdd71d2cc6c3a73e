"""The shape of one REST endpoint: what `api.rest.table` lists, `api.rest.routes`
serves and `api.rest.openapi` documents."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from starlette.requests import Request
from starlette.responses import Response

from api.rest.queries import Query

__all__ = ["Answer", "Endpoint"]

Q = TypeVar("Q")


@dataclass(frozen=True)
class Answer:
    """One successful answer: its JSON model(s) (component schema names) or the export
    formats, the headers it carries, and an example (`openapi.EXAMPLES`)."""

    description: str
    model: str | tuple[str, ...] | None = None
    headers: tuple[str, ...] = ()
    exports: bool = False
    example: str | None = None


@dataclass(frozen=True)
class Endpoint(Generic[Q]):
    """One method on one path under `/api/v1`."""

    method: str
    path: str
    handler: Callable[[Request, Q], Awaitable[Response]]
    query: Query[Q]
    operation_id: str
    summary: str
    answers: Mapping[int, Answer]
    problems: tuple[int, ...] = ()
    """The error statuses it answers (a problem each), besides 500 and 503."""
    scope: str | None = None
    """The token scope a write needs (the bearer scheme in OpenAPI)."""
    body: Mapping[str, str | None] = field(default_factory=dict)
    """Media type -> component schema of the request body (None: any JSON object)."""
    json_only: bool = True
    """`406` unless `Accept` admits JSON, before the handler runs."""
    downloads: bool = False
    """An `Accept` naming an exporter's media type gets that download instead."""
