"""The HTTP endpoint: strawberry's ASGI view with our context, time limit and media types.

- `GET /graphql` from a browser serves the playground; GET with `?query=` and POST run
  queries (mutations do not exist; batching is off).
- A request that asks for `application/graphql-response+json` gets it, with 400 for
  request errors (nothing executed) and 503 when the time limit cut the request short,
  as the GraphQL-over-HTTP spec recommends; `application/json` answers 200.
- Each request runs within `TIME_LIMIT` seconds; past it the client gets a `timeout`
  error (a database call already under way finishes in its thread, unobserved).
"""

from __future__ import annotations

import asyncio
from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from api.graphql import playground
from api.graphql.context import Context, get_context
from api.graphql.errors import is_request_error, shape_error

__all__ = ["GRAPHQL_RESPONSE", "TIME_LIMIT", "GraphQLView"]

TIME_LIMIT = 10.0
GRAPHQL_RESPONSE = "application/graphql-response+json"


class GraphQLView(GraphQL[Context, None]):
    """Serves one schema at one path; the service comes from `request.app.state.service`."""

    time_limit: float = TIME_LIMIT

    async def get_context(self, request: Any, response: Any) -> Context:
        return get_context(request.app.state.service, request)

    async def render_graphql_ide(self, request: Request) -> Response:
        return playground.page(request)

    async def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        try:
            return await asyncio.wait_for(
                super().execute_single(*args, **kwargs), timeout=self.time_limit
            )
        except TimeoutError:
            error = GraphQLError(
                f"the request took longer than {self.time_limit:g} s and was stopped; "
                "ask for smaller pages or fewer fields",
                extensions={"code": "timeout"},
            )
            return ExecutionResult(data=None, errors=[error])

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        errors = [shape_error(error) for error in result.errors or []]
        result.errors = errors or None
        response = await super().process_result(request, result)
        if result.data is None and errors and all(is_request_error(e) for e in errors):
            response.pop("data", None)  # nothing was executed: no data entry at all
            timed_out = any((e.extensions or {}).get("code") == "timeout" for e in errors)
            request.state.graphql_status = 503 if timed_out else 400
        return response

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        response = await super().run(request, context, root_value)
        is_json = response.headers.get("content-type", "").startswith("application/json")
        if is_json and isinstance(request, Request) and _wants_graphql_response(request):
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            response.status_code = getattr(request.state, "graphql_status", 200)
        return response


def _wants_graphql_response(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    if GRAPHQL_RESPONSE not in accept:
        return False
    # honour an explicit preference for application/json listed first
    json_at = accept.find("application/json")
    return json_at == -1 or accept.find(GRAPHQL_RESPONSE) < json_at
