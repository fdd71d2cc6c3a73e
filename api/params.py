"""Meeting query parameters: the one function that turns a query string into a selection.

Every HTTP face (REST, the web pages) parses meeting query strings here, so a page, its
API call and its download read the same parameters the same way.

`/meetings`, `/stats`, `/people/{id}/meetings` and the downloads accept the fields of
`MeetingFilter` (list fields repeat: `?kind=phone_call&kind=video_call`), and listings
also `order`, `limit`, `cursor` and `total`. Any other name is an error naming it and the
closest known one, so a typo never silently returns everything.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from pydantic import ValidationError
from starlette.datastructures import QueryParams

from api.errors import FieldError, InvalidInput, Spelling
from api.filters import MeetingFilter, PageRequest

__all__ = [
    "FILTER_PARAMS",
    "LIST_PARAMS",
    "PAGE_PARAMS",
    "VIEWS",
    "MeetingQuery",
    "check_known",
    "parse_bool",
    "parse_meeting_query",
    "query_spelling",
    "single",
]

FILTER_PARAMS: tuple[str, ...] = tuple(MeetingFilter.model_fields)
"""The filter's query parameters, in the order of `MeetingFilter`'s fields."""

LIST_PARAMS: frozenset[str] = frozenset(
    name
    for name, field in MeetingFilter.model_fields.items()
    if typing.get_origin(field.annotation) is list
)
"""Filter parameters that may repeat; each value adds to the list."""

PAGE_PARAMS: tuple[str, ...] = ("order", "limit", "cursor", "total", "view")
"""Paging parameters of meeting listings."""

VIEWS = ("brief", "full")
"""`brief` (the default): meetings with participants and topics; `full`: whole meetings."""


@dataclass(frozen=True, slots=True)
class MeetingQuery:
    """What a meeting listing asks for: which meetings, and which page of them."""

    selection: MeetingFilter
    page: PageRequest
    full: bool = False
    """`view=full`: whole meetings; by default (`view=brief`) no statements/outcomes/sources."""


def parse_meeting_query(
    params: QueryParams, paged: bool = True, extra: Collection[str] = ()
) -> MeetingQuery:
    """The selection and page of `params`; `InvalidInput` naming any bad parameter.

    `paged=False` refuses the paging parameters (for `/stats`); names in `extra` are
    allowed and left to the caller (e.g. exporter options).
    """
    known = [*FILTER_PARAMS, *(PAGE_PARAMS if paged else ()), *extra]
    check_known(params, known, extra_prefixes=tuple(e for e in extra if e.endswith(".")))
    raw: dict[str, object] = {}
    for name in FILTER_PARAMS:
        if name in params:
            raw[name] = params.getlist(name) if name in LIST_PARAMS else single(params, name)
    try:
        selection = MeetingFilter.model_validate(raw)
    except ValidationError as error:
        raise InvalidInput.from_validation(error, query_spelling()) from None
    page = PageRequest()
    if paged:
        page_raw: dict[str, object] = {}
        for name, key in (("order", "order"), ("limit", "limit"), ("cursor", "after")):
            if name in params:
                page_raw[key] = single(params, name)
        if "total" in params:
            page_raw["with_total"] = parse_bool(params, "total")
        try:
            page = PageRequest.model_validate(page_raw)
        except ValidationError as error:
            raise InvalidInput.from_validation(
                error, query_spelling({"after": "cursor", "with_total": "total"})
            ) from None
        page.cursor()  # a bad cursor fails here, before any query
    view = single(params, "view") if paged and "view" in params else "brief"
    if view not in VIEWS:
        raise InvalidInput(
            f"query parameter view={view!r} is not a view; expected one of {', '.join(VIEWS)}",
            [FieldError(field="view", message="unknown view", value=view)],
        )
    return MeetingQuery(selection=selection, page=page, full=view == "full")


def check_known(
    params: QueryParams, known: Collection[str], extra_prefixes: tuple[str, ...] = ()
) -> None:
    """`InvalidInput` for the first parameter not in `known`, suggesting the closest one."""
    for name in params:
        if name in known or (extra_prefixes and name.startswith(extra_prefixes)):
            continue
        names = sorted(n for n in known if not n.endswith("."))
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise InvalidInput(
            f"unknown query parameter {name!r}; {hint}known parameters: {', '.join(names) or 'none'}",
            [FieldError(field=name, message="unknown query parameter", value=params[name])],
        )


def single(params: QueryParams, name: str) -> str:
    """The one value of `name`; `InvalidInput` when it is given more than once."""
    values = params.getlist(name)
    if len(values) > 1:
        raise InvalidInput(
            f"query parameter {name!r} is given {len(values)} times ({', '.join(map(repr, values))}); "
            "give it once",
            [FieldError(field=name, message="given more than once", value=values)],
        )
    return values[0]


def parse_bool(params: QueryParams, name: str) -> bool:
    """`true`/`false` (or 1/0, yes/no) of `name`; `InvalidInput` naming any other value."""
    value = single(params, name)
    lowered = value.lower()
    if lowered in {"true", "1", "yes"}:
        return True
    if lowered in {"false", "0", "no"}:
        return False
    raise InvalidInput(
        f"query parameter {name}={value!r} is not a boolean; use true or false",
        [FieldError(field=name, message="expected true or false", value=value)],
    )


def query_spelling(rename: Mapping[str, str] | None = None) -> Spelling:
    """Fields as query parameters name them: `query parameter kind='x': reason`; `rename`
    maps a model field to its parameter (`after` is `cursor`)."""
    names = dict(rename or {})

    def parameter(field: str) -> str:
        return names.get(field, field)

    def label(field: str) -> str:
        return f"query parameter {parameter(field)}" if field else "query parameters"

    return Spelling(label=label, field=parameter, top_level=True)
