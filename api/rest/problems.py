"""Errors as RFC 9457 problem details: the one place an exception becomes a response.

`problem_response` maps every exception the REST face can meet — our own
`ReadoutsError`s, Pydantic `ValidationError`s, Starlette's `HTTPException` (unknown
path, wrong method) and anything unexpected — to an `application/problem+json` body.
`ProblemMiddleware` applies it to the whole REST mount, so no handler writes an error
response of its own and no stack trace ever reaches a client.
"""

from __future__ import annotations

import http
import logging
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from api.asgi import TrackedSend
from api.errors import FieldError, InvalidInput, ReadoutsError

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "CandidateProblem",
    "FieldProblem",
    "NotAcceptable",
    "Problem",
    "ProblemMiddleware",
    "problem_response",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"

_log = logging.getLogger("readouts.rest")


class NotAcceptable(ReadoutsError, status=406, problem="not-acceptable", title="Not acceptable"):
    """The `Accept` header admits none of the media types a resource has."""


class CandidateProblem(BaseModel):
    """A record a name could have meant, by id (use the id to pick it)."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str


class FieldProblem(BaseModel):
    """One invalid parameter or field: its name, what is wrong, and the value given."""

    model_config = ConfigDict(frozen=True)

    field: str
    message: str
    value: Any = None
    candidates: list[CandidateProblem] | None = Field(
        default=None,
        description="For a name that means several records or none: what it could mean.",
    )


class Problem(BaseModel):
    """An RFC 9457 problem: what went wrong, for which value, and how to fix it."""

    model_config = ConfigDict(frozen=True)

    type: str = Field(description="`/problems/<name>` for our errors, `about:blank` otherwise.")
    title: str
    status: int
    detail: str = Field(description="Names the bad parameter and value, and the way out.")
    errors: list[FieldProblem] = Field(default_factory=list)


def problem_response(error: BaseException) -> Response:
    """The problem response for `error`; unexpected errors are logged and answer 500."""
    headers: dict[str, str] = {}
    if isinstance(error, ValidationError):
        error = InvalidInput.from_validation(error)
    if isinstance(error, ReadoutsError):
        problem = Problem(
            type=f"/problems/{error.problem}",
            title=error.title,
            status=error.status,
            detail=error.detail,
            errors=[_field_problem(item) for item in error.errors],
        )
        headers = error.headers
        if error.status >= 500:  # a busy, read-only or full database: the operator's to know
            _log.error("%s (%d %s): %s", error.title, error.status, error.problem, error.detail)
    elif isinstance(error, HTTPException):
        headers = dict(error.headers or {})
        phrase = http.HTTPStatus(error.status_code).phrase
        if error.status_code == 405 and "Allow" in headers:
            error = HTTPException(405, f"method not allowed here; use {headers['Allow']}", headers)
        problem = Problem(
            type="about:blank",
            title=phrase,
            status=error.status_code,
            detail=error.detail if error.detail != phrase else phrase.lower(),
        )
    else:
        _log.error("unexpected error", exc_info=error)
        problem = Problem(
            type="about:blank",
            title="Internal Server Error",
            status=500,
            detail="an unexpected error occurred and was logged; please report it",
        )
    body = problem.model_dump(mode="json")
    for item in body["errors"]:
        if item["candidates"] is None:
            del item["candidates"]
    return Response(
        orjson.dumps(body),
        status_code=problem.status,
        headers=headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def _field_problem(item: FieldError) -> FieldProblem:
    value = item.value
    try:
        orjson.dumps(value)
    except TypeError:
        value = repr(value)
    candidates = (
        [CandidateProblem(id=c.id, name=c.name) for c in item.candidates]
        if item.candidates
        else None
    )
    return FieldProblem(field=item.field, message=item.message, value=value, candidates=candidates)


class ProblemMiddleware:
    """Turns any exception raised below it into a problem response (once headers are unsent)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tracked = TrackedSend(send)
        try:
            await self.app(scope, receive, tracked)
        except Exception as error:
            if tracked.started:
                _log.error("error after the response started", exc_info=error)
                raise
            if isinstance(error, HTTPException) and error.status_code == 404:
                error = HTTPException(
                    404, f"no resource at {scope['path']!r}; see /api/v1/openapi.json for the paths"
                )
            response = problem_response(error)
            await response(scope, receive, send)
