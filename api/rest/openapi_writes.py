"""The OpenAPI entries of the writes and the changes feed, with the bearer scheme.

`paths()` and `models()` are merged into the document by `api.rest.openapi`: request
and answer schemas come from the same models the endpoints validate with
(`api.writes.ReadoutRequest`, `api.curation.Retraction`, `Resolution`,
`api.imports.ImportReport`, the ingest report), never restated by hand.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import JsonSchemaMode

from api.curation import Resolution, Retraction
from api.imports import ImportReport
from api.ingest import IngestReport
from api.rest.changes import ChangeList, History
from api.rest.problems import PROBLEM_MEDIA_TYPE
from api.writes import ReadoutRequest

__all__ = ["SECURITY_SCHEMES", "ingest_report_schema", "models", "paths"]

_REF = "#/components/schemas/{model}"

SECURITY_SCHEMES = {
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "A token made with `readouts tokens create --scope ingest|curate|admin` "
        "(ingest < curate < admin). Reads need none.",
    }
}


def models() -> list[tuple[type[BaseModel], JsonSchemaMode]]:
    """The models whose schemas the write entries refer to."""
    return [
        (ReadoutRequest, "validation"),
        (Retraction, "validation"),
        (Resolution, "validation"),
        (ImportReport, "serialization"),
        (ChangeList, "serialization"),
        (History, "serialization"),
    ]


def ingest_report_schema() -> dict[str, Any]:
    """The schema of an ingest's answer (`IngestReport.to_json`), with its `$defs`."""
    schema: dict[str, Any] = TypeAdapter(IngestReport).json_schema(
        mode="serialization", ref_template=_REF
    )
    schema["properties"].pop("replayed", None)  # said by the Idempotent-Replayed header
    return schema


def _ref(model: str) -> dict[str, Any]:
    return {"$ref": _REF.format(model=model)}


def _problems(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "The body or a parameter is invalid; the problem names the field.",
        401: "No token, or an unknown or revoked one (with WWW-Authenticate).",
        403: "The token's scope does not allow this write; the problem names the scope.",
        404: "No meeting (or no open conflict) with this id.",
        410: "The meeting was retracted; the problem gives the reason.",
        412: "If-Match is not the meeting's current ETag: someone changed it first.",
        413: "The body is larger than the limit.",
        415: "The body is not of a media type this write takes.",
        422: "A record of the load file is invalid, or an Idempotency-Key was reused.",
        428: "If-Match is missing.",
    }
    content = {PROBLEM_MEDIA_TYPE: {"schema": _ref("Problem")}}
    return {str(s): {"description": reasons[s], "content": content} for s in statuses}


def _json(schema: dict[str, Any], description: str, **headers: str) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }
    if headers:
        answer["headers"] = {
            name: {"description": text, "schema": {"type": "string"}}
            for name, text in headers.items()
        }
    return answer


def _write(
    operation_id: str, summary: str, body: dict[str, Any], responses: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "summary": summary,
        "security": [{"bearer": []}],
        "requestBody": {"required": True, "content": body},
        "responses": responses,
        **extra,
    }


def paths(meeting_id: str) -> dict[str, dict[str, Any]]:
    """Path -> method -> operation, for the writes and the feed."""
    path_id = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "example": meeting_id,
    }
    if_match = {
        "name": "If-Match",
        "in": "header",
        "description": "The meeting's ETag, as GET /meetings/{id} gave it.",
        "schema": {"type": "string"},
    }
    report = _json(
        _ref("IngestReport"),
        "The ingest report.",
        **{"Idempotent-Replayed": "`true` when this is the stored answer of the same key."},
    )
    meeting = _json(_ref("Meeting"), "The meeting as stored now.", ETag="Its new ETag.")
    return {
        "/readouts": {
            "post": _write(
                "ingestReadout",
                "Ingest one readout as `readouts ingest` does (scope ingest). The body may "
                "also be text/plain with `?published=YYYY-MM-DD&publisher=&url=&headline=`.",
                {"application/json": {"schema": _ref("ReadoutRequest")}},
                {"200": report, "201": report, **_problems(400, 401, 403, 413, 415, 422)},
                parameters=[
                    {
                        "name": "dry_run",
                        "in": "query",
                        "description": "Report what would change; write nothing.",
                        "schema": {"type": "boolean", "default": False},
                    },
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "description": "The same key again gives the first answer back.",
                        "schema": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 200,
                            "pattern": "\\S",
                        },
                    },
                ],
            )
        },
        "/imports": {
            "post": _write(
                "importLoadFile",
                "Load a load file ({topics, people, meetings}, as `readouts load` reads) "
                "all-or-nothing (scope curate).",
                {"application/json": {"schema": {"type": "object"}}},
                {
                    "200": _json(_ref("ImportReport"), "Nothing changed."),
                    "201": _json(_ref("ImportReport"), "Records were added or updated."),
                    **_problems(400, 401, 403, 413, 415, 422),
                },
            )
        },
        "/meetings/{id}": {
            "patch": _write(
                "updateMeeting",
                "Correct a meeting with a JSON Merge Patch (RFC 7396) of its fields "
                "(scope curate); If-Match is required.",
                {
                    media: {"schema": {"type": "object"}}
                    for media in ("application/merge-patch+json", "application/json")
                },
                {"200": meeting, **_problems(400, 401, 403, 404, 410, 412, 413, 415, 428)},
                parameters=[path_id, if_match],
            )
        },
        "/meetings/{id}/retraction": {
            "post": _write(
                "retractMeeting",
                "Retract a meeting with a reason (scope curate): it leaves listings and "
                "exports; its URL answers 410.",
                {"application/json": {"schema": _ref("Retraction")}},
                {
                    "204": {"description": "Retracted."},
                    **_problems(400, 401, 403, 404, 410, 412, 413),
                },
                parameters=[path_id, if_match],
            )
        },
        "/meetings/{id}/resolution": {
            "post": _write(
                "resolveConflict",
                "Settle the open conflicts on one field with one source's value (scope curate).",
                {"application/json": {"schema": _ref("Resolution")}},
                {"200": meeting, **_problems(400, 401, 403, 404, 410, 412, 413)},
                parameters=[path_id, if_match],
            )
        },
        "/meetings/{id}/history": {
            "get": {
                "operationId": "meetingHistory",
                "summary": "Every recorded write of one meeting, with its writer and the "
                "meeting before and after (scope admin: the audit names tokens).",
                "security": [{"bearer": []}],
                "parameters": [path_id],
                "responses": {
                    "200": _json(_ref("History"), "The meeting's writes, oldest first."),
                    **_problems(400, 401, 403, 404),
                },
            }
        },
        "/changes": {
            "get": {
                "operationId": "listChanges",
                "summary": "Created, updated and retracted meeting ids in commit order; "
                "follow `next_cursor` to mirror the dataset.",
                "parameters": [
                    {
                        "name": "after",
                        "in": "query",
                        "description": "The `next_cursor` of the previous page; absent: the start.",
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "limit",
                        "in": "query",
                        "description": "Changes per page, 1 to 100.",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 100},
                    },
                ],
                "responses": {
                    "200": _json(_ref("ChangeList"), "A page of changes."),
                    **_problems(400),
                },
            }
        },
    }
