"""Ids and text as they enter the service: checked once, where a face reads them.

PostgreSQL text cannot hold a NUL character, so no stored record has one in an id or a
field. Every face checks what it reads before storage sees it: a record id (a REST path
parameter, a GraphQL `id` argument) as an `Id` with `known_id`, whose refusal is the
`NotFound` of a record that cannot exist; a request body's strings as `Text` (or with
`nul_at` for a whole JSON value), whose refusal is the face's invalid input. Storage
takes ids and values as they are and checks none of them. (A command-line argument cannot
hold NUL: the operating system ends it there.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, Field, TypeAdapter, ValidationError
from pydantic.config import JsonDict

from api.errors import NotFound, clip

__all__ = ["NUL_MESSAGE", "Id", "Text", "known_id", "nul_at"]

_NO_NUL: JsonDict = {"pattern": "^[^\\u0000]*$"}
"""The JSON Schema of a string without NUL (PostgreSQL text cannot hold one)."""

NUL_MESSAGE = "holds a NUL character (\\u0000); remove it"
"""Why a string with NUL is refused, and the way out."""


def _refuse_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError(NUL_MESSAGE)
    return value


Text = Annotated[str, AfterValidator(_refuse_nul), Field(json_schema_extra=_NO_NUL)]
"""A string a client sends that PostgreSQL can store: any string without NUL (a field's
own `Field(...)` adds its lengths and description)."""

Id = Text
"""A record's id as a client gives it (a meeting's id; a person's id or name): any string
without NUL. Whether a record has it is storage's answer."""

_ID: TypeAdapter[str] = TypeAdapter(Id)


def known_id(value: str, noun: str = "record") -> str:
    """`value` as an `Id`; `NotFound` naming it (`no meeting with id ...`) when no `noun`
    can have it."""
    try:
        return _ID.validate_python(value)
    except ValidationError:
        raise NotFound(f"no {noun} with id {clip(repr(value))}: it {NUL_MESSAGE}") from None


def nul_at(value: Any, index: Callable[[str, int], str] = "{}.{}".format) -> str | None:
    """Where the first string holding NUL lies in a JSON value (`a.b.0`, "" for the value
    itself; `index(where, i)` spells a list item), or None when none does."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str) and "\x00" in item:
            return where
        if isinstance(item, dict):
            children = [(f"{where}.{k}".lstrip("."), v) for k, v in item.items()]
        elif isinstance(item, list):
            children = [(index(where, i), v) for i, v in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))  # the first child is looked at first
    return None
