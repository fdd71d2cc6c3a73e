"""The OpenAPI 3.1 document of `/api/v1`, generated from the Pydantic models.

Component schemas come from the response models (`api.rest.envelopes`), the problem
model and `MeetingFilter` in one `models_json_schema` call; the filter's query parameters
take their schema and description from `MeetingFilter`'s fields. Nothing here restates
a model by hand: change a model and the document follows.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import orjson
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema
from starlette.requests import Request
from starlette.responses import Response

from api.countries import all_countries
from api.filters import MAX_PAGE_SIZE, MeetingFilter, MeetingOrder
from api.models import Meeting
from api.params import FILTER_PARAMS, LIST_PARAMS
from api.rest import openapi_writes
from api.rest.envelopes import ENVELOPES
from api.rest.problems import PROBLEM_MEDIA_TYPE, Problem
from api.rest.responses import json_response
from api.vocabulary import SEEDS_DIR

__all__ = ["document", "endpoint"]

_REF = "#/components/schemas/{model}"

_PAGE_PARAMETERS: list[dict[str, Any]] = [
    {
        "name": "order",
        "description": "`-date` (newest first, the default) or `date` (oldest first).",
        "schema": {"type": "string", "enum": [o.value for o in MeetingOrder], "default": "-date"},
    },
    {
        "name": "limit",
        "description": f"Meetings per page, 1 to {MAX_PAGE_SIZE}.",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20},
    },
    {
        "name": "cursor",
        "description": "The `next_cursor` of the previous page, unchanged (same order); "
        "empty or absent: the first page.",
        "schema": {"type": "string"},
    },
    {
        "name": "view",
        "description": "`brief` (the default): meetings with participants and topics; "
        "`full`: whole meetings, with statements, outcomes and sources.",
        "schema": {"type": "string", "enum": ["brief", "full"], "default": "brief"},
    },
    {
        "name": "total",
        "description": "Also count the whole selection into `total` (one more query); "
        "otherwise `total` is null.",
        "schema": {"type": "boolean", "default": False},
    },
]

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


@cache
def document() -> dict[str, Any]:
    """The OpenAPI document (built once per process)."""
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        *((model, "serialization") for model in ENVELOPES),
        (Problem, "serialization"),
        (MeetingFilter, "validation"),
        *openapi_writes.models(),
    ]
    _, top = models_json_schema(models, ref_template=_REF)
    schemas: dict[str, Any] = top["$defs"]
    ingest = openapi_writes.ingest_report_schema()
    schemas.update(ingest.pop("$defs", {}))
    schemas["IngestReport"] = ingest
    filter_schema = schemas.pop("MeetingFilter")
    filters = [_filter_parameter(name, filter_schema) for name in FILTER_PARAMS]
    example = _seed_meeting()
    brief = {k: v for k, v in example.items() if k not in ("statements", "outcomes", "sources")}
    meeting_id = example["id"]
    person_id = example["participants"][-1]["person"]["id"]
    person_path = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    built: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "readouts REST API",
            "version": "1",
            "description": "Diplomatic readouts as data: meetings, people, countries, topics. "
            'Lists answer `{data, next_cursor, total}` with a `Link: rel="next"` header; '
            "errors are RFC 9457 problem details. `total` is computed only when asked "
            "(`total=true`).",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/meetings": _get(
                "listMeetings",
                "A page of meetings matching the filter, newest first by default.",
                ["MeetingBriefList", "MeetingList"],
                [*filters, *(_query(p) for p in _PAGE_PARAMETERS)],
                {"data": [brief], "next_cursor": None, "total": None},
                link=True,
            ),
            "/meetings/{id}": _get(
                "getMeeting",
                "One meeting by id.",
                "Meeting",
                [{**person_path, "example": meeting_id}],
                example,
                not_found=True,
            ),
            "/meetings/{id}/sources": _get(
                "listMeetingSources",
                "The sources of one meeting, with the quoted evidence of each ingested text.",
                "SourceList",
                [{**person_path, "example": meeting_id}],
                None,
                not_found=True,
            ),
            "/meetings/{id}/conflicts": _get(
                "listMeetingConflicts",
                "Values other sources reported for one meeting that differ from the kept ones.",
                "ConflictList",
                [{**person_path, "example": meeting_id}],
                None,
                not_found=True,
            ),
            "/people": _get(
                "listPeople",
                "People ordered by id, optionally whose name contains `q` or from `country`.",
                "PersonList",
                [
                    _query(
                        {
                            "name": "q",
                            "description": "Part of a name or alias.",
                            "schema": {"type": "string", "minLength": 1, "maxLength": 200},
                        }
                    ),
                    _query(
                        {
                            "name": "country",
                            "description": "ISO alpha-2 code.",
                            "schema": _refined("country", {"type": "string", "minLength": 2}),
                        }
                    ),
                    _query(_PAGE_PARAMETERS[1]),
                    _query(_PAGE_PARAMETERS[2]),
                ],
                None,
                link=True,
            ),
            "/people/{id}": _get(
                "getPerson",
                "One person by id or by any known spelling of the name.",
                "Person",
                [{**person_path, "example": person_id}],
                None,
                not_found=True,
            ),
            "/people/{id}/meetings": _get(
                "listPersonMeetings",
                "The meetings of one person (id or name), with the meeting filters.",
                ["MeetingBriefList", "MeetingList"],
                [
                    {**person_path, "example": person_id},
                    *filters,
                    *(_query(p) for p in _PAGE_PARAMETERS),
                ],
                None,
                not_found=True,
                link=True,
            ),
            "/people/{id}/counterparts": _get(
                "listCounterparts",
                "People from other countries whom this person met, most often first.",
                "CounterpartList",
                [{**person_path, "example": person_id}],
                None,
                not_found=True,
            ),
            "/countries": _get(
                "listCountries", "Countries with at least one participant.", "CountryList", [], None
            ),
            "/topics": _get(
                "listTopics", "The topic vocabulary with meeting counts.", "TopicList", [], None
            ),
            "/stats": _get(
                "meetingStats",
                "Facets of the selection: by year, kind, setting, country pair and topic.",
                "MeetingStats",
                filters,
                None,
            ),
        },
        "components": {"schemas": schemas, "securitySchemes": openapi_writes.SECURITY_SCHEMES},
    }
    for path, operations in openapi_writes.paths(meeting_id).items():
        built["paths"].setdefault(path, {}).update(operations)
    for path in ("/meetings/{id}", "/meetings/{id}/sources", "/meetings/{id}/conflicts"):
        gone = _problem("The meeting was retracted; the problem gives the reason.")
        built["paths"][path]["get"]["responses"]["410"] = gone
    return built


async def endpoint(request: Request) -> Response:
    """`GET /openapi.json`."""
    return json_response(request, orjson.dumps(document()))


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
    return _query(parameter)


# Rules MeetingFilter checks in code, stated for clients (and conformance tests): terms
# are stripped before their length is checked and hold no control character, and
# country codes are ISO codes.
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


def _query(parameter: dict[str, Any]) -> dict[str, Any]:
    result = {"in": "query", "required": False, **parameter}
    if result["schema"].get("type") == "array":
        result.update(style="form", explode=True)
    return result


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": _REF.format(model="Problem")}}},
    }


def _get(
    operation_id: str,
    summary: str,
    model: str | list[str],
    parameters: list[dict[str, Any]],
    example: Any,
    not_found: bool = False,
    link: bool = False,
) -> dict[str, Any]:
    if isinstance(model, str):
        media: dict[str, Any] = {"schema": {"$ref": _REF.format(model=model)}}
    else:
        media = {"schema": {"anyOf": [{"$ref": _REF.format(model=m)} for m in model]}}
    if example is not None:
        media["example"] = example
    ok: dict[str, Any] = {
        "description": "OK",
        "headers": {
            "ETag": {
                "description": "Strong entity tag; send it back in If-None-Match.",
                "schema": {"type": "string"},
            },
            "Cache-Control": {"schema": {"type": "string"}},
        },
        "content": {"application/json": media},
    }
    if link:
        ok["headers"]["Link"] = {
            "description": 'The next page as `<url>; rel="next"`, when there is one.',
            "schema": {"type": "string"},
        }
    responses: dict[str, Any] = {
        "200": ok,
        "304": {"description": "Not modified: the `If-None-Match` tag still matches."},
        "400": _problem("A query parameter is unknown or invalid; the problem names it."),
        "406": _problem("The `Accept` header admits no media type this resource has."),
    }
    if not_found:
        responses["404"] = _problem("No record with this id.")
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters,
            "responses": responses,
        }
    }


def _seed_meeting() -> dict[str, Any]:
    """The first curated meeting, as the API serves it: an example of real shape."""
    records = json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"]
    meeting = Meeting.model_validate(records[0])
    example: dict[str, Any] = meeting.model_dump(mode="json")
    return example
