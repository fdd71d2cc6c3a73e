"""The execution context of the schema: strawberry's, with a cheaper awaitable check.

graphql-core asks of every resolved value whether it can be awaited. Its check (and
strawberry's faster one) ends in `hasattr(value, "__await__")`, which on a Pydantic
model, the value most of our fields resolve to, goes through `BaseModel.__getattr__`
and raises an `AttributeError`: about a tenth of a page's execution time. `await`
looks `__await__` up on the type, never on the instance, so the answer is a property of
the type: `is_awaitable` works it out once per type and then answers from a dict.
"""

from __future__ import annotations

from collections.abc import Awaitable
from inspect import CO_ITERABLE_COROUTINE
from types import CoroutineType, GeneratorType
from typing import Any, TypeGuard

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

__all__ = ["ExecutionContext", "is_awaitable"]

_BY_TYPE: dict[type, bool] = {
    kind: False
    for kind in (type(None), bool, int, float, str, bytes, list, tuple, dict, set, frozenset)
}
_MAX_TYPES = 4_096  # a bound on the dict, however many types a process resolves


def is_awaitable(value: Any) -> TypeGuard[Awaitable[Any]]:
    """True if `value` can be passed to `await` (graphql-core's `is_awaitable`)."""
    kind = type(value)
    known = _BY_TYPE.get(kind)
    if known is not None:
        return known
    if kind is GeneratorType:  # a generator-based coroutine: a flag of its code
        return bool(value.gi_code.co_flags & CO_ITERABLE_COROUTINE)
    answer = issubclass(kind, CoroutineType) or hasattr(kind, "__await__")
    if len(_BY_TYPE) < _MAX_TYPES:
        _BY_TYPE[kind] = answer
    return answer


class ExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, checking awaitables with `is_awaitable`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_awaitable = is_awaitable
