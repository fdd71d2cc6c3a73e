"""GraphQL types derived from the models: every model field is in its type, or left out
with a reason; the derivation refuses what it cannot describe."""

from __future__ import annotations

import datetime as dt
import inspect
import types
from typing import Any, NewType, Union, get_args, get_origin

import pytest
import strawberry
from graphql import GraphQLNonNull, GraphQLObjectType
from pydantic import BaseModel, Field

from api import models, results
from api.graphql import schema
from api.graphql.derive import DERIVED, derived

NoteId = NewType("NoteId", str)

NOT_GRAPHQL_TYPES = {
    models.PersonRef: "the `Person` type describes a reference too (details load on demand)",
    results.MeetingPage: "served as `MeetingConnection` (cursors per edge)",
    results.PersonPage: "served as `PersonConnection`",
    results.MeetingBrief: "a REST listing view; GraphQL selects fields instead",
}
"""Models of `api.models` and `api.results` with no GraphQL type of their own, and why."""


def _models() -> list[type[BaseModel]]:
    found = []
    for module in (models, results):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) and issubclass(value, BaseModel):
                found.append(value)
    return found


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _optional(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation)


@pytest.mark.parametrize("model", _models(), ids=lambda model: model.__name__)
def test_every_model_has_a_graphql_type_or_a_reason_not_to(model: type[BaseModel]) -> None:
    assert model in DERIVED or NOT_GRAPHQL_TYPES.get(model), (
        f"{model.__name__} has no GraphQL type: derive one in api/graphql "
        "or list it in NOT_GRAPHQL_TYPES with the reason"
    )


def _object_type(model: type[BaseModel]) -> GraphQLObjectType:
    graphql_type = schema._schema.get_type(model.__name__)
    assert isinstance(graphql_type, GraphQLObjectType), f"{model.__name__} is no object type"
    return graphql_type


@pytest.mark.parametrize("model", list(DERIVED), ids=lambda model: model.__name__)
def test_every_model_field_is_in_its_graphql_type_or_omitted_with_a_reason(
    model: type[BaseModel],
) -> None:
    derivation = DERIVED[model]
    graphql_type = _object_type(model)
    assert graphql_type.description == model.__doc__
    for name in model.model_fields:
        if name in derivation.omitted:
            assert derivation.omitted[name].strip(), f"{model.__name__}.{name}: give the reason"
            assert _camel(name) not in graphql_type.fields
            continue
        assert _camel(name) in graphql_type.fields, f"{model.__name__}.{name} is not in GraphQL"


@pytest.mark.parametrize("model", list(DERIVED), ids=lambda model: model.__name__)
def test_a_field_is_nullable_in_graphql_exactly_when_the_model_allows_none(
    model: type[BaseModel],
) -> None:
    derivation = DERIVED[model]
    graphql_type = _object_type(model)
    for name, info in model.model_fields.items():
        if name in derivation.omitted or name in derivation.replaced:
            continue
        nullable = not isinstance(graphql_type.fields[_camel(name)].type, GraphQLNonNull)
        assert nullable == _optional(info.annotation), f"{model.__name__}.{name}"


def test_a_new_model_field_is_in_the_derived_type_with_its_description() -> None:
    class Note(BaseModel):
        """A note on a meeting."""

        id: NoteId = Field(description="Stable id.")
        text: str = Field(description="What it says.")
        written: dt.date | None = Field(default=None, description="When, if known.")
        kind: models.OutcomeKind

    @derived(Note)
    class NoteType:
        pass

    definition = NoteType.__strawberry_definition__
    described = {f.python_name: f.description for f in definition.fields}
    assert described == {
        "id": "Stable id.",
        "text": "What it says.",
        "written": "When, if known.",
        "kind": models.OutcomeKind.__doc__,
    }
    assert definition.description == "A note on a meeting."
    id_field = next(f for f in definition.fields if f.python_name == "id")
    assert id_field.type is strawberry.ID


def test_a_field_without_a_description_or_a_graphql_type_is_refused() -> None:
    class Bare(BaseModel):
        plain: str

    with pytest.raises(TypeError, match=r"Bare\.plain needs a GraphQL description"):
        derived(Bare)(type("BareType", (), {}))

    class Odd(BaseModel):
        when: dt.datetime = Field(description="An instant.")

    with pytest.raises(TypeError, match=r"Odd\.when: no GraphQL type for"):
        derived(Odd)(type("OddType", (), {}))

    with pytest.raises(TypeError, match=r"Odd has no field 'wen'"):
        derived(Odd, omit={"wen": "a typo"})(type("OddType", (), {}))
