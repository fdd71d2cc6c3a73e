"""Every REST endpoint, once: path, method, handler, query model, answers and summary.

`api.rest.routes` makes the Starlette routes of `ENDPOINTS`, and `api.rest.openapi`
their OpenAPI paths, so a route cannot exist without its documentation or the other
way round (tests/api/rest/test_table.py checks both ways). A handler gets the request
and what its `Query` parsed (`api.rest.queries`): the `Accept` check and the query
string are done before it runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from functools import cache
from typing import Any, TypeVar

import orjson
from starlette.requests import Request
from starlette.responses import Response

from api.rest import changes, curation, downloads, endpoints, openapi, writes
from api.rest import parameters as p
from api.rest import queries as q
from api.rest.operation import Answer, Endpoint
from api.rest.responses import json_response

__all__ = ["ENDPOINTS", "IMPORTS", "document"]

IMPORTS = "/imports"
"""Where load files are posted; their bodies may be larger (READOUTS_MAX_IMPORT_BYTES)."""

Q = TypeVar("Q")


_CACHED = ("ETag", "Cache-Control")
_LISTED = (*_CACHED, "Link")


def _read(
    path: str,
    handler: Callable[[Request, Q], Awaitable[Response]],
    query: q.Query[Q],
    operation_id: str,
    summary: str,
    model: str | tuple[str, ...],
    *,
    problems: tuple[int, ...] = (),
    link: bool = False,
    example: str | None = None,
    downloads: bool = False,
) -> Endpoint[Q]:
    """A public JSON read: `200` with an ETag (`304` on a match), `400`, `406`."""
    answer = Answer("OK", model, _LISTED if link else _CACHED, example=example)
    return Endpoint(
        "GET",
        path,
        handler,
        query,
        operation_id,
        summary,
        {200: answer, 304: Answer("Not modified: the `If-None-Match` tag still matches.")},
        (400, 406, *problems),
        downloads=downloads,
    )


def _write(
    method: str,
    path: str,
    handler: Callable[[Request, str], Awaitable[Response]],
    scope: str,
    operation_id: str,
    summary: str,
    answers: Mapping[int, Answer],
    problems: tuple[int, ...],
    body: Mapping[str, str | None],
    known: tuple[str, ...] | None = (),
    parameters: tuple[dict[str, Any], ...] = (),
) -> Endpoint[str]:
    """A write: the token's scope is checked before anything else."""
    query = q.authorized(scope, known, parameters)
    return Endpoint(
        method,
        path,
        handler,
        query,
        operation_id,
        summary,
        answers,
        (400, 401, 403, *problems),
        scope=scope,
        body=body,
        json_only=False,
    )


async def _openapi(request: Request, _: None) -> Response:
    """`GET /openapi.json`."""
    return json_response(request, orjson.dumps(document()))


_REPORT = Answer("The ingest report.", "IngestReport", ("Idempotent-Replayed",))
_MEETING = Answer("The meeting as stored now.", "Meeting", ("ETag",))
_CURATED = (404, 410, 412, 413, 428)
_OBJECT = {"application/json": None}

ENDPOINTS: tuple[Endpoint[Any], ...] = (
    _read(
        "/meetings",
        endpoints.meetings,
        q.MEETINGS,
        "listMeetings",
        "A page of meetings matching the filter, newest first by default; an `Accept` "
        "naming an export format's media type downloads the selection instead.",
        ("MeetingBriefList", "MeetingList"),
        link=True,
        example="brief page",
        downloads=True,
    ),
    Endpoint(
        "GET",
        "/meetings.{format}",
        downloads.download,
        q.DOWNLOAD,
        "downloadMeetings",
        "Every meeting of the selection in an export format (`readouts plugins` lists "
        "them), streamed; exporter options as `opt.<name>=<value>`.",
        {200: Answer("The export file.", headers=("Content-Disposition",), exports=True)},
        (400, 404),
        json_only=False,
    ),
    _read(
        "/meetings/{id}",
        endpoints.meeting,
        q.NONE,
        "getMeeting",
        "One meeting by id.",
        "Meeting",
        problems=(404, 410),
        example="meeting",
    ),
    _write(
        "PATCH",
        "/meetings/{id}",
        curation.patch_meeting,
        "curate",
        "updateMeeting",
        "Correct a meeting with a JSON Merge Patch (RFC 7396) of its fields (scope "
        "curate); If-Match is required.",
        {200: _MEETING},
        (*_CURATED, 415),
        {"application/merge-patch+json": None, "application/json": None},
        parameters=(p.IF_MATCH,),
    ),
    _write(
        "POST",
        "/meetings/{id}/retraction",
        curation.retract_meeting,
        "curate",
        "retractMeeting",
        "Retract a meeting with a reason (scope curate): it leaves listings and exports; "
        "its URL answers 410.",
        {204: Answer("Retracted.")},
        _CURATED,
        {"application/json": "Retraction"},
        parameters=(p.IF_MATCH,),
    ),
    _write(
        "POST",
        "/meetings/{id}/resolution",
        curation.resolve_conflict,
        "curate",
        "resolveConflict",
        "Settle the open conflicts on one field with one source's value (scope curate).",
        {200: _MEETING},
        _CURATED,
        {"application/json": "Resolution"},
        parameters=(p.IF_MATCH,),
    ),
    Endpoint(
        "GET",
        "/meetings/{id}/history",
        curation.meeting_history,
        q.authorized("admin"),
        "meetingHistory",
        "Every recorded write of one meeting, with its writer and the meeting before and "
        "after (scope admin: the audit names tokens).",
        {200: Answer("The meeting's writes, oldest first.", "History")},
        (400, 401, 403, 404, 406),
        scope="admin",
    ),
    _read(
        "/meetings/{id}/sources",
        endpoints.meeting_sources,
        q.NONE,
        "listMeetingSources",
        "The sources of one meeting, with the quoted evidence of each ingested text.",
        "SourceList",
        problems=(404, 410),
    ),
    _read(
        "/meetings/{id}/conflicts",
        endpoints.meeting_conflicts,
        q.NONE,
        "listMeetingConflicts",
        "Values other sources reported for one meeting that differ from the kept ones.",
        "ConflictList",
        problems=(404, 410),
    ),
    _write(
        "POST",
        "/readouts",
        writes.post_readout,
        "ingest",
        "ingestReadout",
        "Ingest one readout as `readouts ingest` does (scope ingest). The body may also be "
        "text/plain with `?published=YYYY-MM-DD&publisher=&url=&headline=`.",
        {200: _REPORT, 201: _REPORT},
        (413, 415, 422),
        {"application/json": "ReadoutRequest"},
        known=None,
        parameters=(p.DRY_RUN, p.IDEMPOTENCY_KEY),
    ),
    _write(
        "POST",
        IMPORTS,
        writes.post_import,
        "curate",
        "importLoadFile",
        "Load a load file ({topics, people, meetings}, as `readouts load` reads) "
        "all-or-nothing (scope curate).",
        {
            200: Answer("Nothing changed.", "ImportReport"),
            201: Answer("Records were added or updated.", "ImportReport"),
        },
        (413, 415, 422),
        _OBJECT,
    ),
    _read(
        "/people",
        endpoints.people,
        q.PEOPLE,
        "listPeople",
        "People ordered by id, optionally whose name contains `q` or from `country`.",
        "PersonList",
        link=True,
    ),
    _read(
        "/people/{id}",
        endpoints.person,
        q.NONE,
        "getPerson",
        "One person by id or by any known spelling of the name.",
        "Person",
        problems=(404,),
    ),
    _read(
        "/people/{id}/meetings",
        endpoints.person_meetings,
        q.MEETINGS,
        "listPersonMeetings",
        "The meetings of one person (id or name), with the meeting filters.",
        ("MeetingBriefList", "MeetingList"),
        problems=(404,),
        link=True,
    ),
    _read(
        "/people/{id}/counterparts",
        endpoints.counterparts,
        q.NONE,
        "listCounterparts",
        "People from other countries whom this person met, most often first.",
        "CounterpartList",
        problems=(404,),
    ),
    _read(
        "/countries",
        endpoints.countries,
        q.NONE,
        "listCountries",
        "Countries with at least one participant.",
        "CountryList",
    ),
    _read(
        "/topics",
        endpoints.topics,
        q.NONE,
        "listTopics",
        "The topic vocabulary with meeting counts.",
        "TopicList",
    ),
    _read(
        "/stats",
        endpoints.stats,
        q.SELECTION,
        "meetingStats",
        "Facets of the selection: by year, kind, setting, country pair and topic.",
        "MeetingStats",
    ),
    _read(
        "/changes",
        changes.changes,
        q.CHANGES,
        "listChanges",
        "Created, updated and retracted meeting ids in commit order; follow "
        "`next_cursor` to mirror the dataset.",
        "ChangeList",
    ),
    _read(
        "/openapi.json",
        _openapi,
        q.NONE,
        "getOpenApi",
        "This document.",
        "OpenApiDocument",
    ),
)


@cache
def document() -> dict[str, Any]:
    """The OpenAPI document of `ENDPOINTS` (built once per process)."""
    return openapi.build(ENDPOINTS)
