"""GraphQL object types derived from the models they describe, field for field.

`@derived(Model)` turns a class into the strawberry type of `Model`: every field of the
model becomes a field of the type, with the model's annotation (`id` as `ID`, a nested
model as the type derived from it) and a description. A field the class defines itself
(a resolver, e.g. one that loads what the model only references) replaces the model's;
`omit` leaves a field out, with the reason why. Fields come in the model's order, then
the class's resolvers in its own. Resolvers hand the models themselves to these types:
no copy, no conversion, the default resolver reads the model's attribute.

A description is the one given in `descriptions`, else the model field's own, else the
docstring of its enum or model type; a field with none of them is an error, as is an
annotation with no GraphQL counterpart, so a new model field cannot go unnoticed.

Why not strawberry's Pydantic integration: `strawberry.pydantic.type` decorates the model
class itself (models know no GraphQL), and `strawberry.experimental.pydantic.type` adds an
`is_type_of` check to every object resolved and takes descriptions only from the model.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, TypeVar, get_args, get_origin

import strawberry
from pydantic import BaseModel
from strawberry.types.field import StrawberryField

__all__ = ["DERIVED", "Derivation", "derived"]

_T = TypeVar("_T")
_SCALARS = (str, int, float, bool, dt.date)


@dataclass(frozen=True)
class Derivation:
    """How the GraphQL type of a model derives from it: the fields left out, with why."""

    omitted: Mapping[str, str]
    replaced: frozenset[str]
    """Model fields the type resolves itself (under the same name)."""


DERIVED: dict[type[BaseModel], Derivation] = {}
"""Every derivation, by model (the parity test walks it)."""

_TYPES: dict[type, type] = {}  # model → the GraphQL type that describes it


def derived(
    model: type[BaseModel],
    *,
    descriptions: Mapping[str, str] | None = None,
    omit: Mapping[str, str] | None = None,
    stands_for: tuple[type[BaseModel], ...] = (),
) -> Callable[[type[_T]], type[_T]]:
    """Make the decorated class the strawberry type of `model`, named and described as the
    model is. `stands_for` lists other models the type also describes (a reference whose
    details its resolvers load)."""
    given = dict(descriptions or {})
    omitted = dict(omit or {})

    def wrap(cls: type[_T]) -> type[_T]:
        fields = model.model_fields
        unknown = (given.keys() | omitted.keys()) - fields.keys()
        if unknown:
            raise TypeError(f"{model.__name__} has no field {sorted(unknown)[0]!r}")
        own = {key for key, value in vars(cls).items() if isinstance(value, StrawberryField)}
        own |= set(vars(cls).get("__annotations__", {}))
        if given.keys() & own:
            unused = sorted(given.keys() & own)[0]
            raise TypeError(f"{cls.__name__}.{unused} is defined by the class: describe it there")
        annotations: dict[str, Any] = {}
        for key, info in fields.items():
            if key in omitted or key in own:
                continue
            annotations[key] = _graphql_type(model, key, info.annotation)
            text = given.get(key) or info.description or _type_doc(info.annotation)
            if not text:
                raise TypeError(f"{model.__name__}.{key} needs a GraphQL description")
            setattr(cls, key, strawberry.field(description=text))
        cls.__annotations__ = {**annotations, **vars(cls).get("__annotations__", {})}
        graphql_type = strawberry.type(cls, name=model.__name__, description=model.__doc__)
        for described in (model, *stands_for):
            _TYPES[described] = graphql_type
        DERIVED[model] = Derivation(omitted, frozenset(own & fields.keys()))
        return graphql_type

    return wrap


def _graphql_type(model: type, key: str, annotation: Any) -> Any:
    """The annotation as strawberry reads it: nested models replaced by their types."""
    origin = get_origin(annotation)
    if origin is Annotated:  # constraints (`Slug`, `CountryCode`) are the model's concern
        return _graphql_type(model, key, get_args(annotation)[0])
    if isinstance(annotation, typing.NewType):
        return _graphql_type(model, key, annotation.__supertype__)
    if origin in (typing.Union, types.UnionType):
        present = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(present) == 1:
            return _graphql_type(model, key, present[0]) | None
    elif origin is list:
        return types.GenericAlias(list, (_graphql_type(model, key, get_args(annotation)[0]),))
    elif key == "id" and annotation is str:
        return strawberry.ID
    elif annotation in _TYPES:
        return _TYPES[annotation]
    elif annotation in _SCALARS or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        return annotation
    raise TypeError(
        f"{model.__name__}.{key}: no GraphQL type for {annotation!r}; derive a type for it "
        "first, resolve the field in the type's class, or omit it with a reason"
    )


def _type_doc(annotation: Any) -> str | None:
    """The docstring of the enum or model a field holds (itself or as `X | None`)."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        present = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _type_doc(present[0]) if len(present) == 1 else None
    if isinstance(annotation, type) and issubclass(annotation, Enum | BaseModel):
        return annotation.__doc__
    return None
