"""The meeting filter as command-line options, made from `api.filter_fields`.

`@filter_options` gives a command one option per filter field (`--held-in`, repeatable
for lists) and hands their values to it as one `filters` mapping, which
`api.cli_export.selection_from_options` validates into a `MeetingFilter`. Nothing here
imports pydantic: `readouts --help` stays light.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar

import typer

from api.filter_fields import FILTER_FIELDS, FilterField

__all__ = ["filter_options"]

R = TypeVar("R")

_FILTERS = "filters"


def _help(field: FilterField) -> str:
    return field.help + (" Repeat the option for more." if field.many else "")


def _parameter(field: FilterField) -> inspect.Parameter:
    kind = list[str] | None if field.many else str | None
    metavar = "|".join(field.choices) if field.choices else field.metavar
    option = typer.Option(
        field.option, help=_help(field), metavar=metavar, rich_help_panel="Filter"
    )
    return inspect.Parameter(
        field.name,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[kind, option],
    )


def filter_options(command: Callable[..., R]) -> Callable[..., R]:
    """`command` with the filter options added; it takes them as `filters` (field name ->
    the value given, None when absent)."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for name, p in signature.parameters.items() if name != _FILTERS]
    if len(own) == len(signature.parameters):
        raise TypeError(f"{command.__name__} takes no `{_FILTERS}` parameter")
    names = [field.name for field in FILTER_FIELDS]

    def with_filters(**values: Any) -> R:
        filters: Mapping[str, object] = {name: values.pop(name, None) for name in names}
        return command(**values, **{_FILTERS: filters})

    parameters = [*own, *(_parameter(field) for field in FILTER_FIELDS)]
    with_filters.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    with_filters.__annotations__ = {p.name: p.annotation for p in parameters}
    with_filters.__name__ = command.__name__
    with_filters.__qualname__ = command.__qualname__
    with_filters.__doc__ = command.__doc__
    with_filters.__module__ = command.__module__
    return with_filters
