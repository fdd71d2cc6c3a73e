"""The execution context of the schema: strawberry's, with a cheaper awaitable check and
plain fields completed without graphql-core's per-field machinery.

graphql-core asks of every resolved value whether it can be awaited. Its check (and
strawberry's faster one) ends in `hasattr(value, "__await__")`, which on a Pydantic
model, the value most of our fields resolve to, goes through `BaseModel.__getattr__`
and raises an `AttributeError`: about a tenth of a page's execution time. `await`
looks `__await__` up on the type, never on the instance, so the answer is a property of
the type: `is_awaitable` works it out once per type and then answers from a dict.

Most fields of a page are plain: no resolver of ours (strawberry's default reads the
model's attribute), no arguments, no directives, down to scalars and enums (a
participant's person's name, a source's publisher). graphql-core spends some fifteen
function calls on each (a path, a resolve info, value completion by type). Such a field
is completed here by a plan built once per request and selection (`_Plans`): read the
attribute, coerce the leaf, recurse into objects and lists. The plan gives exactly what
graphql-core would give; anything it cannot vouch for (a null where the schema says
non-null, a value that fails coercion) falls back to graphql-core's own execution of
that field, which reports the error as it always does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from inspect import CO_ITERABLE_COROUTINE
from types import CoroutineType, GeneratorType
from typing import Any, TypeGuard

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

__all__ = ["ExecutionContext", "is_awaitable"]

_BY_TYPE: dict[type, bool] = {
    kind: False
    for kind in (type(None), bool, int, float, str, bytes, list, tuple, dict, set, frozenset)
}
_MAX_TYPES = 4_096  # a bound on the dict, however many types a process resolves

_Complete = Callable[[Any], Any]


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


class _NotPlain(Exception):
    """A value the plan cannot complete as graphql-core would: run graphql-core's way."""


class ExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, checking awaitables with `is_awaitable` and
    completing plain fields by plan."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_awaitable = is_awaitable
        self._plans: dict[int, tuple[FieldDetailsList, _Complete | None]] = {}

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        """graphql-core's `execute_fields`, with plain fields completed by plan."""
        manager = self.middleware_manager
        if manager is not None and manager.middlewares:  # strawberry's is empty
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        pending: list[str] = []
        try:
            for name, details in grouped_field_set.items():
                plan = self._field_plan(parent_type, details)
                if plan is not None:
                    try:
                        results[name] = plan(source_value)
                        continue
                    except Exception:  # graphql-core completes it, reporting any error
                        pass
                result = self.execute_field(
                    parent_type, source_value, details, Path(path, name, parent_type.name),
                    position_context,
                )  # fmt: skip
                if result is Undefined:
                    continue
                results[name] = result
                if is_awaitable(result):
                    pending.append(name)
        except Exception:
            if pending:
                self.settle_in_background([results[name] for name in pending])
            raise
        if not pending:
            return results
        return self._gather(results, pending)

    async def _gather(self, results: dict[str, Any], pending: list[str]) -> dict[str, Any]:
        if len(pending) == 1:
            results[pending[0]] = await results[pending[0]]
        else:
            done = await gather_with_cancel(*(results[name] for name in pending))
            results.update(zip(pending, done, strict=True))
        return results

    def _field_plan(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> _Complete | None:
        """How to complete the field `details` selects on a `parent_type` value, or None
        when graphql-core must (memoised on the selection, as graphql-core memoises)."""
        cached = self._plans.get(id(details))
        if cached is not None:
            return cached[1]
        plan = _plan_field(self, parent_type, details)
        self._plans[id(details)] = (details, plan)  # the list kept alive with its id
        return plan


def _plan_field(
    context: ExecutionContext, parent_type: GraphQLObjectType, details: FieldDetailsList
) -> _Complete | None:
    node = details[0].node
    if any(detail.node.directives or detail.node.arguments for detail in details):
        return None
    name = node.name.value
    if name == "__typename":
        type_name = parent_type.name
        return lambda _: type_name
    field = parent_type.fields.get(name)
    attribute = _plain_attribute(field)
    if field is None or attribute is None:
        return None
    complete = _plan_value(context, field.type, details)
    if complete is None:
        return None
    return lambda source: complete(getattr(source, attribute))


def _plain_attribute(field: GraphQLField | None) -> str | None:
    """The attribute a field reads when it has no resolver and no arguments."""
    if field is None or field.args or not getattr(field.resolve, "_is_default", False):
        return None
    definition = field.extensions.get("strawberry-definition")
    if not isinstance(definition, StrawberryField) or definition.default_resolver is not getattr:
        return None
    return definition.python_name


def _plan_value(
    context: ExecutionContext, kind: GraphQLOutputType, details: FieldDetailsList
) -> _Complete | None:
    """A function completing a value of `kind` (None stays None, except where non-null),
    or None when some part of it is not plain."""
    if is_non_null_type(kind):
        inner = _plan_value(context, kind.of_type, details)
        return None if inner is None else _non_null(inner)
    if is_list_type(kind):
        item = _plan_value(context, kind.of_type, details)
        return None if item is None else _list_of(item)
    if is_leaf_type(kind):
        return _leaf(kind.coerce_output_value)
    if is_object_type(kind) and kind.is_type_of is None:
        return _object(context, kind, details)
    return None


def _non_null(inner: _Complete) -> _Complete:
    def complete(value: Any) -> Any:
        completed = inner(value)
        if completed is None:
            raise _NotPlain
        return completed

    return complete


def _list_of(item: _Complete) -> _Complete:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
            raise _NotPlain
        return [item(element) for element in value]

    return complete


def _leaf(coerce: Callable[[Any], Any]) -> _Complete:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        completed = coerce(value)  # an awaitable or an error fails coercion: _NotPlain
        if completed is None or completed is Undefined:
            raise _NotPlain
        return completed

    return complete


def _object(
    context: ExecutionContext, kind: GraphQLObjectType, details: FieldDetailsList
) -> _Complete | None:
    grouped, deferred, _ = context.collect_subfields(kind, details)
    if deferred:
        return None
    fields: list[tuple[str, _Complete]] = []
    for name, sub_details in grouped.items():
        plan = context._field_plan(kind, sub_details)
        if plan is None:
            return None
        fields.append((name, plan))

    def complete(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, Exception) or is_awaitable(value):
            raise _NotPlain
        return {name: plan(value) for name, plan in fields}

    return complete
