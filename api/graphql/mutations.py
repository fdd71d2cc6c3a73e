"""The root `Mutation` type: the writes of the REST face, with the same rules and codes.

Each mutation checks the request's `Authorization: Bearer` token once (`api.auth`), then
calls the function REST calls (`api.ingest`, `api.curation`) off the event loop. Errors
carry the REST problem type as `extensions.code`: `unauthorized`, `forbidden`,
`invalid-input`, `not-found`, `gone`, `precondition-required`, `precondition-failed`,
`idempotency-key-reused`. Mutations are POST only (GET answers 405).
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from api import curation
from api.auth import authorize
from api.graphql.context import Info
from api.graphql.types import Conflict, Meeting, present
from api.ids import known_id
from api.ingest import IngestReport, ingest_readouts
from api.writes import once, readout_of, to_readout

__all__ = ["IngestResult", "Mutation"]


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
    dry_run: bool = strawberry.field(description="True when nothing was written.")
    replayed: bool = strawberry.field(
        description="True when this is the stored answer of an earlier call with the same key."
    )
    new: list[strawberry.ID] = strawberry.field(description="Ids of the meetings created.")
    merged: list[MergedReport] = strawberry.field(description="Reports of stored meetings.")
    conflicts: list[Conflict] = strawberry.field(
        description="Values that differ from the kept ones, kept with their source."
    )
    skipped: list[SkippedReport] = strawberry.field(description="What was left out, and why.")
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


def _writer(info: Info, scope: str) -> str:
    request = info.context.request
    header = request.headers.get("authorization") if request is not None else None
    return authorize(info.context.repository.engine, header, scope)


def _result(report: IngestReport) -> IngestResult:
    return IngestResult(
        dry_run=report.dry_run,
        replayed=report.replayed,
        new=[strawberry.ID(i) for i in report.new],
        merged=[
            MergedReport(
                meeting_id=strawberry.ID(m.meeting_id), source_id=m.source_id, filled=m.filled
            )
            for m in report.merged
        ],
        conflicts=present(report.conflicts),
        skipped=[SkippedReport(file=s.file, reason=s.reason) for s in report.skipped],
        dropped_aliases=report.dropped_aliases,
    )


_IF_MATCH = strawberry.argument(
    description="The meeting's `etag` as read; the change applies only to that version."
)
_ID = strawberry.argument(description="The meeting's id.")


@strawberry.type(description="Writes (each needs a bearer token of the scope it names).")
class Mutation:
    @strawberry.mutation(
        description="Ingest one readout as `readouts ingest` does (scope ingest); "
        "`idempotencyKey` (or the same text again) never creates a second meeting."
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
    ) -> IngestResult:
        def run() -> IngestReport:
            actor = _writer(info, "ingest")
            request = readout_of(strawberry.asdict(readout))
            key = once(idempotency_key, "readout", request)
            engine = info.context.repository.engine
            return ingest_readouts(engine, [to_readout(request)], dry_run, None, actor, key)

        return _result(await run_in_threadpool(run))

    @strawberry.mutation(
        description="Correct a meeting with a JSON Merge Patch (RFC 7396) of its fields "
        "(scope curate); `ifMatch` is required."
    )
    async def update_meeting(
        self,
        info: Info,
        id: Annotated[strawberry.ID, _ID],
        patch: Annotated[JSON, strawberry.argument(description='e.g. {summary: "..."}')],
        if_match: Annotated[str | None, _IF_MATCH] = None,
    ) -> Meeting:
        def run() -> Any:
            actor = _writer(info, "curate")
            engine = info.context.repository.engine
            return curation.update_meeting(engine, actor, known_id(id, "meeting"), patch, if_match)

        return present(await run_in_threadpool(run))

    @strawberry.mutation(
        description="Retract a meeting with a reason (scope curate): it leaves listings "
        "and exports, and reading it is an error coded `gone`. Returns its id."
    )
    async def retract_meeting(
        self,
        info: Info,
        id: Annotated[strawberry.ID, _ID],
        reason: Annotated[str, strawberry.argument(description="Why; shown to readers.")],
        if_match: Annotated[str | None, _IF_MATCH] = None,
    ) -> strawberry.ID:
        def run() -> None:
            actor = _writer(info, "curate")
            retraction = curation.validated(curation.Retraction, {"reason": reason})
            engine = info.context.repository.engine
            curation.retract_meeting(engine, actor, known_id(id, "meeting"), retraction, if_match)

        await run_in_threadpool(run)
        return id

    @strawberry.mutation(
        description="Settle a conflicting field with one source's value (scope curate): "
        "the conflict's source takes its value, another source of the meeting keeps the "
        "current one."
    )
    async def resolve_conflict(
        self,
        info: Info,
        id: Annotated[strawberry.ID, _ID],
        field: Annotated[
            str, strawberry.argument(description="The conflicting field, e.g. location.city.")
        ],
        source: Annotated[str, strawberry.argument(description="The source whose value stands.")],
        if_match: Annotated[str | None, _IF_MATCH] = None,
    ) -> Meeting:
        def run() -> Any:
            actor = _writer(info, "curate")
            choice = curation.validated(curation.Resolution, {"field": field, "source": source})
            engine = info.context.repository.engine
            return curation.resolve_conflict(
                engine, actor, known_id(id, "meeting"), choice, if_match
            )

        return present(await run_in_threadpool(run))
