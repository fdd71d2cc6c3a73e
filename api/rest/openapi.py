"""The OpenAPI 3.1 document of `/api/v1`, built from the endpoint table and the models.

`build(endpoints)` makes one operation per `api.rest.operation.Endpoint`: its
parameters from its query model (`api.rest.parameters`), its answers and problems from
the table, its schemas from the response models (`api.rest.envelopes`), the problem
model and the write models in one `models_json_schema` call. Nothing here lists a path:
add an endpoint to `api.rest.table` and the document follows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from api.filters import MeetingFilter, PeopleFilter
from api.models import Meeting
from api.rest import openapi_writes
from api.rest.envelopes import ENVELOPES
from api.rest.operation import Answer, Endpoint
from api.rest.problems import PROBLEM_MEDIA_TYPE, Problem
from api.vocabulary import SEEDS_DIR
from exporters.registry import registry

__all__ = ["build"]

_REF = "#/components/schemas/{model}"

_HEADERS = {
    "ETag": "Strong entity tag; send it back in If-None-Match (or If-Match to write).",
    "Cache-Control": "How long the answer may be reused.",
    "Link": 'The next page as `<url>; rel="next"`, when there is one.',
    "Content-Disposition": "`attachment` with a file name for the download.",
    "Idempotent-Replayed": "`true` when this is the stored answer of the same key.",
}

_PROBLEMS = {
    400: "A parameter or the body is invalid or unknown; the problem names it.",
    401: "No token, or an unknown or revoked one (with WWW-Authenticate).",
    403: "The token's scope does not allow this write; the problem names the scope.",
    404: "No record (or no open conflict, or no export format) with this id or name.",
    406: "The `Accept` header admits no media type this resource has.",
    410: "The meeting was retracted; the problem gives the reason.",
    412: "If-Match is not the meeting's current ETag: someone changed it first.",
    413: "The body is larger than the limit.",
    415: "The body is not of a media type this write takes.",
    422: "A record of the load file is invalid, or an Idempotency-Key was reused.",
    428: "If-Match is missing.",
}

_INFO = {
    "title": "readouts REST API",
    "version": "1",
    "description": "Diplomatic readouts as data: meetings, people, countries, topics. "
    'Lists answer `{data, next_cursor, total}` with a `Link: rel="next"` header; '
    "errors are RFC 9457 problem details. `total` is computed only when asked "
    "(`total=true`).",
}


def build(endpoints: Sequence[Endpoint[Any]]) -> dict[str, Any]:
    """The OpenAPI document of `endpoints` (paths relative to the `/api/v1` server)."""
    schemas = _schemas()
    example = _seed_meeting()
    brief = {k: v for k, v in example.items() if k not in ("statements", "outcomes", "sources")}
    examples = {
        "meeting": example,
        "brief page": {"data": [brief], "next_cursor": None, "total": None},
    }
    ids = {"meetings": example["id"], "people": example["participants"][-1]["person"]["id"]}
    paths: dict[str, dict[str, Any]] = {}
    for endpoint in endpoints:
        operation: dict[str, Any] = {
            "operationId": endpoint.operation_id,
            "summary": endpoint.summary,
            "parameters": [
                *_path_parameters(endpoint.path, ids),
                *endpoint.query.parameters(schemas),
            ],
            "responses": {
                **{str(s): _answer(a, examples) for s, a in endpoint.answers.items()},
                **{str(s): _problem(_PROBLEMS[s]) for s in sorted(endpoint.problems)},
            },
        }
        if endpoint.scope is not None:
            operation["security"] = [{"bearer": []}]
        if endpoint.body:
            content = {
                media: {"schema": {"type": "object"} if model is None else _ref(model)}
                for media, model in endpoint.body.items()
            }
            operation["requestBody"] = {"required": True, "content": content}
        paths.setdefault(endpoint.path, {})[endpoint.method.lower()] = operation
    for name in ("MeetingFilter", "PeopleFilter"):
        del schemas[name]  # stated as query parameters
    return {
        "openapi": "3.1.0",
        "info": _INFO,
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": openapi_writes.SECURITY_SCHEMES},
    }


def _schemas() -> dict[str, Any]:
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        *((model, "serialization") for model in ENVELOPES),
        (Problem, "serialization"),
        (MeetingFilter, "validation"),
        (PeopleFilter, "validation"),
        *openapi_writes.models(),
    ]
    _, top = models_json_schema(models, ref_template=_REF)
    schemas: dict[str, Any] = top["$defs"]
    ingest = openapi_writes.ingest_report_schema()
    schemas.update(ingest.pop("$defs", {}))
    schemas["IngestReport"] = ingest
    schemas["OpenApiDocument"] = {"type": "object", "description": "An OpenAPI 3.1 document."}
    return schemas


def _path_parameters(path: str, ids: dict[str, str]) -> list[dict[str, Any]]:
    parameters: list[dict[str, Any]] = []
    if "{id}" in path:
        noun = path.strip("/").split("/")[0]
        described = "A person id, or a name such as 'Imran Khan'." if noun == "people" else None
        parameter = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        parameters.append(
            {**parameter, **({"description": described} if described else {}), "example": ids[noun]}
        )
    if "{format}" in path:
        exporters = registry().exporters()
        names = sorted({e.name for e in exporters} | {e.extension for e in exporters})
        parameters.append(
            {
                "name": "format",
                "in": "path",
                "required": True,
                "description": "An export format's name or file extension.",
                "schema": {"type": "string", "enum": names},
                "example": "csv",
            }
        )
    return parameters


def _answer(answer: Answer, examples: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {"description": answer.description}
    if answer.headers:
        result["headers"] = {
            name: {"description": _HEADERS[name], "schema": {"type": "string"}}
            for name in answer.headers
        }
    if answer.exports:
        result["content"] = {
            exporter.media_type: {"schema": {"description": exporter.description}}
            for exporter in registry().exporters()
        }
    elif answer.model is not None:
        models = (answer.model,) if isinstance(answer.model, str) else answer.model
        media: dict[str, Any] = {
            "schema": _ref(models[0]) if len(models) == 1 else {"anyOf": [_ref(m) for m in models]}
        }
        if answer.example is not None:
            media["example"] = examples[answer.example]
        result["content"] = {"application/json": media}
    return result


def _ref(model: str) -> dict[str, Any]:
    return {"$ref": _REF.format(model=model)}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": _ref("Problem")}},
    }


def _seed_meeting() -> dict[str, Any]:
    """The first curated meeting, as the API serves it: an example of real shape."""
    records = json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"]
    example: dict[str, Any] = Meeting.model_validate(records[0]).model_dump(mode="json")
    return example
