"""The per-request context every resolver sees, built in one `get_context`."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from strawberry.types import Info as _Info

from api.graphql.loaders import Loaders, make_loaders
from api.models import Topic
from api.service import Service
from api.storage.repository import Repository

__all__ = ["Context", "Info", "get_context"]


@dataclass(frozen=True)
class Context:
    """What a resolver may use: the repository, this request's loaders and the request."""

    repository: Repository
    loaders: Loaders
    request: Request | None = None
    topics: dict[str, Topic] = field(default_factory=dict)
    """Topics read with the request's root page (`api.graphql.types.meeting_page`), by id:
    the page's `topics` fields resolve from here without an await each."""


Info = _Info[Context, None]
"""The `info` argument of a resolver, typed with our context."""


def get_context(service: Service, request: Request | None = None) -> Context:
    """A context with fresh loaders over the service's repository."""
    return Context(
        repository=service.repository,
        loaders=make_loaders(service.repository),
        request=request,
    )
