"""The HTTP endpoint: strawberry's ASGI view with our context, time limit and media types.

- `GET /graphql` from a browser serves the playground; GET with `?query=` and POST run
  queries; mutations run over POST only (GET answers 405); batching is off.
- A request that cannot be read as GraphQL (not JSON, not an object, wrong method)
  answers its 4xx with a JSON error coded `bad-request` (`method-not-allowed`).
- A request that asks for `application/graphql-response+json` gets it, with 400 for
  request errors (nothing executed) and 503 when the time limit cut the request short,
  as the GraphQL-over-HTTP spec recommends; `application/json` answers 200.
- A body that is not a JSON object of UTF-8 text, nests deeper than `MAX_JSON_DEPTH` or
  holds a lone surrogate answers 400 before anything is parsed; a query longer than
  `MAX_QUERY_LENGTH` characters (comments and whitespace count) is a `token-limit` error
  before the lexer starts, so parsing is bounded.
- Each request runs within `TIME_LIMIT` seconds; past it the client gets a `timeout`
  error (a database call already under way finishes in its thread, unobserved).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from api.errors import clip_words
from api.graphql import playground
from api.graphql.context import Context, get_context
from api.graphql.errors import is_request_error, shape_error
from api.graphql.limits import MAX_QUERY_LENGTH

__all__ = ["GRAPHQL_RESPONSE", "MAX_JSON_DEPTH", "TIME_LIMIT", "GraphQLView"]

TIME_LIMIT = 10.0
MAX_JSON_DEPTH = 32
"""Deepest nesting of arrays and objects accepted in a request body or `variables`."""
GRAPHQL_RESPONSE = "application/graphql-response+json"
_MUTATION_OVER_GET = "mutations are not allowed when using GET"  # strawberry's reason


class GraphQLView(GraphQL[Context, None]):
    """Serves one schema at one path; the service comes from `request.app.state.service`."""

    time_limit: float = TIME_LIMIT

    async def get_context(self, request: Any, response: Any) -> Context:
        return get_context(request.app.state.service, request)

    async def render_graphql_ide(self, request: Request) -> Response:
        return playground.page(request)

    def decode_json(self, data: str | bytes) -> object:
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError as error:
                raise HTTPException(
                    400, f"the body is not UTF-8 (byte {error.start}); send UTF-8 JSON"
                ) from None
        try:
            value = super().decode_json(data)
        except RecursionError:
            raise HTTPException(400, _too_deep()) from None
        except ValueError as error:
            if isinstance(error, json.JSONDecodeError):
                raise
            # Python refuses to read an integer of more than 4,300 digits.
            raise HTTPException(400, f"the body holds a number too long to read: {error}") from None
        if not isinstance(value, dict | list):  # a list is refused as a batch
            raise HTTPException(
                400, 'the body must be a JSON object such as {"query": "{ __typename }"}'
            )
        _check_json(value)
        return value

    async def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        data: GraphQLRequestData | None = kwargs.get("request_data")
        if data is not None and data.query is not None and len(data.query) > MAX_QUERY_LENGTH:
            error = GraphQLError(
                f"the query is {len(data.query)} characters long, more than the limit of "
                f"{MAX_QUERY_LENGTH} (comments and whitespace count); send a shorter query",
                extensions={"code": "token-limit"},
            )
            return ExecutionResult(data=None, errors=[error])
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
        try:
            response = await super().run(request, context, root_value)
        except HTTPException as error:
            # a request that cannot be read as GraphQL: the reason as a coded error
            status, allow = error.status_code, "GET, POST"
            if _MUTATION_OVER_GET in error.reason:  # GraphQL over HTTP: 405, POST only
                status, allow = 405, "POST"
            code = "method-not-allowed" if status == 405 else "bad-request"
            message = clip_words(error.reason)  # strawberry's reasons quote names whole
            body = {"errors": [{"message": message, "extensions": {"code": code}}]}
            headers = {"Allow": allow} if status == 405 else None
            return JSONResponse(body, status_code=status, headers=headers)
        is_json = response.headers.get("content-type", "").startswith("application/json")
        if is_json and isinstance(request, Request) and _wants_graphql_response(request):
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            response.status_code = getattr(request.state, "graphql_status", 200)
        return response


def _too_deep() -> str:
    return f"the body nests deeper than {MAX_JSON_DEPTH} levels; send flatter variables"


def _check_json(value: object) -> None:
    """`HTTPException` 400 for nesting past `MAX_JSON_DEPTH` or a string that is not
    Unicode text (a lone surrogate), found without recursion."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item)
            continue
        if not isinstance(item, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            raise HTTPException(400, _too_deep())
        if isinstance(item, dict):
            for key, child in item.items():
                _check_text(key)
                stack.append((child, depth + 1))
        else:
            stack.extend((child, depth + 1) for child in item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise HTTPException(
            400,
            f"the body holds a lone surrogate (\\u{ord(text[error.start]):04x}) that is not "
            "text; send valid Unicode",
        ) from None


def _wants_graphql_response(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    if GRAPHQL_RESPONSE not in accept:
        return False
    # honour an explicit preference for application/json listed first
    json_at = accept.find("application/json")
    return json_at == -1 or accept.find(GRAPHQL_RESPONSE) < json_at
