"""How errors look to a GraphQL client: a clear message and `extensions.code`, never a trace.

- our `ReadoutsError`s keep their message; the code is their problem type
  (`invalid-input`, `not-found`, `unknown-format`), with the bad fields when known;
- the limits' errors keep their own code (`depth-limit`, `alias-limit`, `cost-limit`);
- parse errors are `syntax-error` (`token-limit` when the document is too long),
  other errors about the document or its variables are `invalid-query`;
- anything unexpected is masked as `internal` and logged with its trace on the server.

Errors without a `path` are request errors: nothing was executed. The view applies
`shape_error` to every result, whichever step failed.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from graphql import GraphQLError, GraphQLSyntaxError

from api.errors import FieldError, ReadoutsError, clip_words

__all__ = ["is_request_error", "quiet_expected_errors", "shape_error"]

_log = logging.getLogger("readouts.graphql")
_TOKEN_LIMIT = "Document contains more than"


def shape_error(error: GraphQLError) -> GraphQLError:
    """The error as clients see it, with `extensions.code`."""
    original = error.original_error
    if isinstance(original, ReadoutsError):
        extensions: dict[str, Any] = {"code": original.problem}
        if original.errors:
            extensions["errors"] = [_field(e) for e in original.errors]
            candidates = [c for e in original.errors for c in _field(e).get("candidates", [])]
            if candidates:
                extensions["candidates"] = candidates
        return _copy(error, original.detail, extensions)
    if original is not None and not isinstance(original, GraphQLError):
        _log.error("unexpected error in a GraphQL resolver", exc_info=original)
        return _copy(error, "internal error; the server logged it", {"code": "internal"})
    if error.extensions and "code" in error.extensions:
        return _copy(error, error.message, error.extensions)
    if isinstance(error, GraphQLSyntaxError):
        code = "token-limit" if _TOKEN_LIMIT in error.message else "syntax-error"
        return _copy(error, error.message, {"code": code})
    return _copy(error, error.message, {"code": "invalid-query"})


def _field(error: FieldError) -> dict[str, Any]:
    shaped: dict[str, Any] = {"field": error.field, "message": error.message}
    if error.value is not None:  # as REST's problem details give it (already clipped)
        shaped["value"] = error.value if _is_json(error.value) else repr(error.value)
    if error.candidates:
        shaped["candidates"] = [{"id": c.id, "name": c.name} for c in error.candidates]
    return shaped


def _is_json(value: object) -> bool:
    try:
        orjson.dumps(value)
    except TypeError:
        return False
    return True


def quiet_expected_errors() -> None:
    """Keep strawberry from logging a trace for errors that are the client's, not ours."""
    logger = logging.getLogger("strawberry.execution")
    if not any(isinstance(f, _ExpectedErrors) for f in logger.filters):
        logger.addFilter(_ExpectedErrors())


class _ExpectedErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = record.msg
        if not isinstance(error, GraphQLError):
            return True
        original = error.original_error
        return original is not None and not isinstance(original, ReadoutsError | GraphQLError)


def is_request_error(error: GraphQLError) -> bool:
    """True for errors found before execution (no field was resolved)."""
    return error.path is None


def _copy(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        clip_words(message),  # graphql-core quotes a bad value whole
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )
