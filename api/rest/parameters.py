"""OpenAPI parameter objects of `/api/v1`, from the models that parse them.

The filter's parameters take their schema and description from `MeetingFilter`'s
fields, the people listing's from `PeopleFilter`'s; `schemas` is the document's
component schemas (where those two models' schemas are, with refs to the enums).
The query models of `api.rest.queries` name which of these each endpoint takes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from api.countries import all_countries
from api.filters import MAX_PAGE_SIZE, MeetingFilter, MeetingOrder
from api.params import FILTER_PARAMS, LIST_PARAMS, VIEWS

__all__ = [
    "DRY_RUN",
    "IDEMPOTENCY_KEY",
    "IF_MATCH",
    "change_parameters",
    "filter_parameters",
    "page_parameters",
    "people_parameters",
    "query",
]

Schemas = Mapping[str, Any]

_LIMIT = {
    "name": "limit",
    "description": f"Items per page, 1 to {MAX_PAGE_SIZE}.",
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20},
}
_CURSOR = {
    "name": "cursor",
    "description": "The `next_cursor` of the previous page, unchanged (same order); "
    "empty or absent: the first page.",
    "schema": {"type": "string"},
}
_PAGE: list[dict[str, Any]] = [
    {
        "name": "order",
        "description": "`-date` (newest first, the default) or `date` (oldest first).",
        "schema": {"type": "string", "enum": [o.value for o in MeetingOrder], "default": "-date"},
    },
    _LIMIT,
    _CURSOR,
    {
        "name": "view",
        "description": "`brief` (the default): meetings with participants and topics; "
        "`full`: whole meetings, with statements, outcomes and sources.",
        "schema": {"type": "string", "enum": list(VIEWS), "default": "brief"},
    },
    {
        "name": "total",
        "description": "Also count the whole selection into `total` (one more query); "
        "otherwise `total` is null.",
        "schema": {"type": "boolean", "default": False},
    },
]

DRY_RUN = {
    "name": "dry_run",
    "in": "query",
    "description": "Report what would change; write nothing.",
    "schema": {"type": "boolean", "default": False},
}
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "description": "The meeting's ETag, as GET /meetings/{id} gave it.",
    "schema": {"type": "string"},
}
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "description": "The same key again gives the first answer back.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"},
}

# Every example is taken from the seeds and matches at least one seed meeting alone; all
# of them at once (what Swagger UI's "Try it out" sends) select the SCO summit meeting in
# Dushanbe, 2021-09-17 (tests/api/rest/test_openapi.py checks both).
_FILTER_EXAMPLES: dict[str, Any] = {
    "date_from": "2021-09",
    "date_to": "2021",
    "person": ["Imran Khan"],
    "country": ["PK"],
    "held_in": ["TJ"],
    "city": ["Dushanbe"],
    "kind": ["meeting"],
    "setting": ["third_country"],
    "topic": ["CPEC"],
    "occasion": "SCO summit",
    "q": "Dasu",
    "synthetic": False,
    "updated_since": "2000-01-01",
}

_YEAR = "^([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
"""Years 0001 to 9999, as Python's dates have them."""

_DATE = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": _YEAR + "(-(0[1-9]|1[0-2]))?$"},
    ]
}
"""A day, or a month or year (YYYY-MM, YYYY)."""


def filter_parameters(schemas: Schemas) -> list[dict[str, Any]]:
    """The `MeetingFilter` fields as query parameters (list fields repeat)."""
    return [_filter_parameter(name, schemas["MeetingFilter"]) for name in FILTER_PARAMS]


def page_parameters() -> list[dict[str, Any]]:
    """`order`, `limit`, `cursor`, `view` and `total` of a meeting listing."""
    return [query(p) for p in _PAGE]


def people_parameters(schemas: Schemas) -> list[dict[str, Any]]:
    """The `PeopleFilter` fields, `limit` and `cursor`."""
    model = schemas["PeopleFilter"]["properties"]
    fields = [
        query({"name": name, "description": field.pop("description"), "schema": field})
        for name, field in (
            (name, _without_null({k: v for k, v in _refined(name, schema).items() if k != "title"}))
            for name, schema in model.items()
        )
    ]
    for field in fields:
        field["schema"].pop("default", None)
    return [*fields, query(_LIMIT), query(_CURSOR)]


def change_parameters() -> list[dict[str, Any]]:
    """`after` and `limit` of the changes feed."""
    return [
        query(
            {
                "name": "after",
                "description": "The `next_cursor` of the previous page; absent: the start.",
                "schema": {"type": "string"},
            }
        ),
        query(
            {
                "name": "limit",
                "description": f"Changes per page, 1 to {MAX_PAGE_SIZE}.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PAGE_SIZE,
                    "default": MAX_PAGE_SIZE,
                },
            }
        ),
    ]


def query(parameter: dict[str, Any]) -> dict[str, Any]:
    """`parameter` as an optional query parameter (arrays repeat the name)."""
    result = {"in": "query", "required": False, **parameter}
    if result["schema"].get("type") == "array":
        result.update(style="form", explode=True)
    return result


def _filter_parameter(name: str, filter_schema: dict[str, Any]) -> dict[str, Any]:
    schema = _refined(name, filter_schema["properties"][name])
    if name in ("date_from", "date_to"):
        schema = {k: v for k, v in schema.items() if k == "description"} | _DATE
    description = schema.pop("description", None) or MeetingFilter.model_fields[name].description
    schema.pop("title", None)
    schema.pop("default", None)
    if name not in LIST_PARAMS:
        schema = _without_null(schema)
    parameter = {"name": name, "description": description, "schema": schema}
    if name in _FILTER_EXAMPLES:
        parameter["example"] = _FILTER_EXAMPLES[name]
    return query(parameter)


# Rules the filters check in code, stated for clients (and conformance tests): terms are
# stripped before their length is checked and hold no control character, and country
# codes are ISO codes.
_NOT_BLANK = "^[^\\x00-\\x1f]*[^\\s\\x00-\\x1f\\u0085][^\\x00-\\x1f]*$"


def _refined(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    def refine(node: Any) -> Any:
        if isinstance(node, list):
            return [refine(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: refine(value) for key, value in node.items()}
        if node.get("type") == "string" and "minLength" in node:
            node["pattern"] = _NOT_BLANK
        if name in ("country", "held_in") and node.get("type") == "string":
            codes = [country.code for country in all_countries()]
            node["enum"] = [*codes, *(code.lower() for code in codes)]
        return node

    refined: dict[str, Any] = refine(schema)
    return refined


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """`X | None` as `X`: an absent query parameter is the null."""
    options = schema.get("anyOf")
    if options is None:
        return schema
    kept = [o for o in options if o != {"type": "null"}]
    rest = {k: v for k, v in schema.items() if k != "anyOf"}
    return {**rest, **kept[0]} if len(kept) == 1 else {**rest, "anyOf": kept}
