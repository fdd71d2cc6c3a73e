"""The root `Mutation` type: the writes of the REST face, with the same rules and codes.

Each mutation checks the request's `Authorization: Bearer` token once (`api.auth`), then
calls the function REST calls (`api.ingest`, `api.curation`) off the event loop. Errors
carry the REST problem type as `extensions.code`: `unauthorized`, `forbidden`,
`invalid-input`, `not-found`, `gone`, `precondition-required`, `precondition-failed`,
`idempotency-key-reused`. Mutations are POST only (GET answers 405).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import strawberry
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from api import curation, models, results
from api.auth import authorize
from api.graphql.context import Info
from api.graphql.fields import field
from api.graphql.types import Conflict, Meeting
from api.ids import known_id
from api.ingest import IngestReport, Merged, Skipped, ingest_readouts
from api.writes import once, readout_of, to_readout

__all__ = ["IngestResult", "Mutation"]

_T = TypeVar("_T")


@strawberry.type(description="A report merged into a stored meeting, and the fields it filled.")
class MergedReport:
    meeting_id: strawberry.ID = strawberry.field(description="The stored meeting merged into.")
    source_id: str = strawberry.field(description="The source the report is kept under.")
    filled: list[str] = strawberry.field(description="Fields the report filled in.")


@strawberry.type(description="A readout (or one of its meetings) left out, and why.")
class SkippedReport:
    file: str = strawberry.field(description="The readout's document name.")
    reason: str = strawberry.field(description="Why it was left out.")


@strawberry.type(description="What an ingest did (or, for a dry run, would do).")
class IngestResult:
    """Describes the `IngestReport` an ingest returns (its attributes are these fields)."""

    dry_run: bool = strawberry.field(description="True when nothing was written.")
    replayed: bool = strawberry.field(
        description="True when this is the stored answer of an earlier call with the same key."
    )
    new: list[strawberry.ID] = strawberry.field(description="Ids of the meetings created.")
    merged: list[Merged] = strawberry.field(
        description="Reports of stored meetings.", graphql_type=list[MergedReport]
    )
    conflicts: list[results.Conflict] = strawberry.field(
        description="Values that differ from the kept ones, kept with their source.",
        graphql_type=list[Conflict],
    )
    skipped: list[Skipped] = strawberry.field(
        description="What was left out, and why.", graphql_type=list[SkippedReport]
    )
    dropped_aliases: list[str] = strawberry.field(
        description="Aliases left out because they would name two people."
    )


@strawberry.input(description="A readout to ingest: its text, when it was published, and more.")
class ReadoutInput:
    text: str = strawberry.field(description="The readout's text, as published.")
    published: str = strawberry.field(description="When it was published, YYYY-MM-DD.")
    publisher: str | None = strawberry.field(default=None, description="Who published it.")
    url: str | None = strawberry.field(default=None, description="Where it was published.")
    headline: str | None = strawberry.field(default=None, description="Its headline.")


async def _write(info: Info, scope: str, write: Callable[[Engine, str], _T]) -> _T:
    """`write(engine, actor)` off the event loop, once the request's token holds `scope`."""

    def run() -> _T:
        request = info.context.request
        header = request.headers.get("authorization") if request is not None else None
        engine = info.context.repository.engine
        return write(engine, authorize(engine, header, scope))

    return await run_in_threadpool(run)


_IfMatch = Annotated[
    str | None,
    strawberry.argument(
        description="The meeting's `etag` as read; the change applies only to that version."
    ),
]
_MeetingId = Annotated[strawberry.ID, strawberry.argument(description="The meeting's id.")]
_Patch = Annotated[JSON, strawberry.argument(description='e.g. {summary: "..."}')]
_Reason = Annotated[str, strawberry.argument(description="Why; shown to readers.")]
_ConflictField = Annotated[
    str, strawberry.argument(description="The conflicting field, e.g. location.city.")
]
_StandingSource = Annotated[str, strawberry.argument(description="The source whose value stands.")]


@strawberry.type(description="Writes (each needs a bearer token of the scope it names).")
class Mutation:
    @field(
        "Ingest one readout as `readouts ingest` does (scope ingest); "
        "`idempotencyKey` (or the same text again) never creates a second meeting.",
        graphql_type=IngestResult,
    )
    async def ingest_readout(
        self,
        info: Info,
        readout: Annotated[ReadoutInput, strawberry.argument(description="The readout.")],
        dry_run: Annotated[
            bool, strawberry.argument(description="Report what would change; write nothing.")
        ] = False,
        idempotency_key: Annotated[
            str | None,
            strawberry.argument(
                description="As REST's Idempotency-Key: the same key again "
                "gives the first answer back."
            ),
        ] = None,
    ) -> IngestReport:

        def ingest(engine: Engine, actor: str) -> IngestReport:
            request = readout_of(strawberry.asdict(readout))
            key = once(idempotency_key, "readout", request)
            return ingest_readouts(engine, [to_readout(request)], dry_run, None, actor, key)

        return await _write(info, "ingest", ingest)

    @field(
        "Correct a meeting with a JSON Merge Patch (RFC 7396) of its fields "
        "(scope curate); `ifMatch` is required.",
        graphql_type=Meeting,
    )
    async def update_meeting(
        self, info: Info, id: _MeetingId, patch: _Patch, if_match: _IfMatch = None
    ) -> models.Meeting:
        return await _write(
            info,
            "curate",
            lambda engine, actor: curation.update_meeting(
                engine, actor, known_id(id, "meeting"), patch, if_match
            ),
        )

    @field(
        "Retract a meeting with a reason (scope curate): it leaves listings "
        "and exports, and reading it is an error coded `gone`. Returns its id."
    )
    async def retract_meeting(
        self, info: Info, id: _MeetingId, reason: _Reason, if_match: _IfMatch = None
    ) -> strawberry.ID:

        def retract(engine: Engine, actor: str) -> None:
            retraction = curation.validated(curation.Retraction, {"reason": reason})
            curation.retract_meeting(engine, actor, known_id(id, "meeting"), retraction, if_match)

        await _write(info, "curate", retract)
        return id

    @field(
        "Settle a conflicting field with one source's value (scope curate): "
        "the conflict's source takes its value, another source of the meeting keeps the "
        "current one.",
        graphql_type=Meeting,
    )
    async def resolve_conflict(
        self,
        info: Info,
        id: _MeetingId,
        field: _ConflictField,
        source: _StandingSource,
        if_match: _IfMatch = None,
    ) -> models.Meeting:

        def resolve(engine: Engine, actor: str) -> models.Meeting:
            choice = curation.validated(curation.Resolution, {"field": field, "source": source})
            return curation.resolve_conflict(
                engine, actor, known_id(id, "meeting"), choice, if_match
            )

        return await _write(info, "curate", resolve)
