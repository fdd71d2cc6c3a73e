"""Curation: correct a meeting (JSON Merge Patch), retract it, resolve a conflict.

REST (`PATCH /api/v1/meetings/{id}`, `POST .../retraction`, `POST .../resolution`) and
GraphQL (`updateMeeting`, `retractMeeting`, `resolveConflict`) call these functions with
the writer's token name; each runs in one `write_transaction`, validates through the
domain models and records its change (`api.storage.changes`) in the same transaction.

A correction must say which version it changes: `If-Match` with the meeting's ETag
(`api.etags.meeting_tag`, the ETag of `GET /meetings/{id}`). The tag is compared under
the write lock, so of two corrections sent with the same tag exactly one is applied; the
other gets `PreconditionFailed` (412) and nothing is lost. No `If-Match` at all is
`PreconditionRequired` (428). Retraction and resolution check `If-Match` when given.
"""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.engine import Engine

from api.errors import (
    FieldError,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
)
from api.etags import meeting_tag
from api.ids import NUL_MESSAGE, Id, Text, nul_at
from api.models import Meeting
from api.storage import changes as audit
from api.storage import curating as store
from api.storage.engine import write_transaction
from api.storage.loading import write_meetings
from api.storage.meetings import fetch_meetings

__all__ = [
    "Resolution",
    "Retraction",
    "merge_patch",
    "resolve_conflict",
    "retract_meeting",
    "update_meeting",
    "validated",
]

_M = TypeVar("_M", bound=BaseModel)
_FIXED = {
    "id": "a meeting's id never changes; retract it and load it under the new id",
    "sources": "sources come from ingest and load files; send them in a load file "
    "(POST /api/v1/imports)",
}


class Retraction(BaseModel):
    """Why a meeting is retracted (shown with its 410)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: Text = Field(min_length=1, max_length=2000, description="Why it is retracted.")


class Resolution(BaseModel):
    """Which source's value a conflicting field takes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: Text = Field(min_length=1, max_length=300, description="e.g. 'location.city'.")
    source: Id = Field(
        min_length=1,
        max_length=200,
        description="The source whose value stands: the conflict's source takes its "
        "value; any other source of the meeting keeps the current one.",
    )


def validated(model: type[_M], data: object) -> _M:
    """`data` as a `Retraction` or `Resolution`; `InvalidInput` naming the fields."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        hint = f"send {{{', '.join(model.model_fields)}}}"
        raise InvalidInput.from_validation(error, hint=hint) from None


def merge_patch(target: Any, patch: Any) -> Any:
    """`target` with `patch` applied as RFC 7396 says: objects merge, `null` removes a
    member, anything else (arrays too) replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


def update_meeting(
    engine: Engine, actor: str, meeting_id: str, patch: object, if_match: str | None
) -> Meeting:
    """Apply a JSON Merge Patch to a meeting, as `actor`; the meeting as stored after."""
    _check_patch(patch)  # a malformed patch is refused whatever the version
    with write_transaction(engine) as connection:
        meeting = _live(connection, meeting_id)
        _check_tag(meeting, if_match, required=True)
        patched = _validated(connection, merge_patch(meeting.model_dump(mode="json"), patch))
        _write(connection, actor, patched)
        return fetch_meetings(connection, [meeting_id])[0]


def retract_meeting(
    engine: Engine, actor: str, meeting_id: str, retraction: Retraction, if_match: str | None
) -> None:
    """Take a meeting out of the dataset with a reason, as `actor`: it leaves listings
    and exports, and its URL answers 410 with the reason."""
    with write_transaction(engine) as connection:
        meeting = _live(connection, meeting_id)
        _check_tag(meeting, if_match, required=False)
        store.retract(connection, meeting_id, retraction.reason)
        audit.record(connection, actor, [audit.Entry("retracted", meeting_id, meeting, None)])


def resolve_conflict(
    engine: Engine, actor: str, meeting_id: str, resolution: Resolution, if_match: str | None
) -> Meeting:
    """Settle the open conflicts on one field of a meeting with one source's value, as
    `actor`; the meeting as stored after."""
    field = resolution.field
    with write_transaction(engine) as connection:
        meeting = _live(connection, meeting_id)
        _check_tag(meeting, if_match, required=False)
        pending = store.pending_conflicts(connection, meeting_id, field)
        if not pending:
            raise NotFound(
                f"meeting {meeting_id!r} has no open conflict on field {field!r}; "
                f"GET /api/v1/meetings/{meeting_id}/conflicts lists them"
            )
        others = {source: other for other, source in pending}
        own = {source.id for source in meeting.sources}
        if resolution.source in others:
            data = _with_value(meeting, field, others[resolution.source])
            patched = _validated(connection, data)
        elif resolution.source in own:
            patched = meeting
        else:
            raise InvalidInput(
                f"source {resolution.source!r} is not a source of meeting {meeting_id!r}; "
                f"choose one of {', '.join(sorted(own | set(others)))}",
                [FieldError("source", "not a source of this meeting", resolution.source)],
            )
        store.resolve_conflicts(connection, meeting_id, field)
        if patched == meeting:
            audit.record(connection, actor, [audit.Entry("updated", meeting_id, meeting, meeting)])
        else:
            _write(connection, actor, patched)
        return fetch_meetings(connection, [meeting_id])[0]


def _live(connection: sa.Connection, meeting_id: str) -> Meeting:
    found = fetch_meetings(connection, [meeting_id])
    if not found:
        raise NotFound(f"no meeting with id {meeting_id!r}")
    retraction = store.retraction_of(connection, meeting_id)
    if retraction is not None:
        raise store.gone(meeting_id, retraction)
    return found[0]


def _check_tag(meeting: Meeting, if_match: str | None, required: bool) -> None:
    tag = meeting_tag(meeting)
    if if_match is None or not if_match.strip():
        if required:
            raise PreconditionRequired(
                f"changing meeting {meeting.id!r} needs If-Match with its ETag (now {tag}, "
                "as GET /api/v1/meetings/{id} gives it), so that no change made meanwhile "
                "is overwritten"
            )
        return
    candidates = {candidate.strip() for candidate in if_match.split(",")}
    if "*" in candidates and not required:
        return  # any current version, as RFC 9110 reads it, where If-Match is optional
    if "*" in candidates:
        raise PreconditionRequired(
            f"If-Match: * is not accepted for meeting {meeting.id!r}: send its ETag (now "
            f"{tag}), so that a change made meanwhile is never overwritten"
        )
    if tag not in candidates:
        raise PreconditionFailed(
            f"meeting {meeting.id!r} is no longer the version of If-Match {if_match[:60]!r} "
            f"(its ETag is now {tag}): someone changed it first; GET it again, reapply "
            "your change and send the new ETag"
        )


def _check_patch(patch: object) -> None:
    """`InvalidInput` unless `patch` is an object of a meeting's changeable fields."""
    if not isinstance(patch, dict):
        raise InvalidInput(
            "a JSON Merge Patch (RFC 7396) of a meeting is a JSON object of the fields to "
            'change, e.g. {"summary": "..."}; null removes a field'
        )
    for name in patch:
        if name in _FIXED:
            value = patch[name] if isinstance(patch[name], str | int | float) else None
            raise InvalidInput(f"{name}: {_FIXED[name]}", [FieldError(name, _FIXED[name], value)])
        if name not in Meeting.model_fields:
            known = ", ".join(n for n in Meeting.model_fields if n not in _FIXED)
            message = f"unknown field {name!r}; a meeting has {known}"
            raise InvalidInput(message, [FieldError(name, "unknown field", name)])
    where = nul_at(patch)
    if where is not None:
        raise InvalidInput(f"{where}: {NUL_MESSAGE}", [FieldError(where, NUL_MESSAGE)])


def _validated(connection: sa.Connection, data: dict[str, Any]) -> Meeting:
    """The meeting `data` describes, checked as a load file's record is."""
    try:
        meeting = Meeting.model_validate(
            data, context={"topic_ids": store.known_topics(connection)}
        )
    except ValidationError as error:
        raise InvalidInput.from_validation(error) from None
    refs = [
        *(f"participants.{i}.person.id" for i in range(len(meeting.participants))),
        *(f"statements.{i}.speaker.id" for i in range(len(meeting.statements))),
    ]
    ids = [p.person.id for p in meeting.participants] + [s.speaker.id for s in meeting.statements]
    known = store.known_people(connection, ids)
    for where, person_id in zip(refs, ids, strict=True):
        if person_id not in known:
            message = f"unknown person {person_id!r}; load the person first"
            raise InvalidInput(f"{where}: {message}", [FieldError(where, message, person_id)])
    own = {source.id for source in meeting.sources}
    for index, statement in enumerate(meeting.statements):
        if statement.source is not None and statement.source not in own:
            where = f"statements.{index}.source"
            message = f"source {statement.source!r} is not among this meeting's sources"
            raise InvalidInput(f"{where}: {message}", [FieldError(where, message)])
    return meeting


def _with_value(meeting: Meeting, field: str, value: str | None) -> dict[str, Any]:
    """The meeting's data with a conflict's `field` ('location.city',
    'participants.<person id>.title', 'date', ...) set to `value`."""
    data: dict[str, Any] = meeting.model_dump(mode="json")
    head, _, rest = field.partition(".")
    if head == "participants":
        person_id, _, name = rest.rpartition(".")
        for participant in data["participants"]:
            if participant["person"]["id"] == person_id:
                participant[name] = value
        return data
    if rest:
        data[head] = {**data[head], rest: value}
    else:
        data[head] = value
    return data


def _write(connection: sa.Connection, actor: str, meeting: Meeting) -> None:
    """Store `meeting` over its stored version; `write_meetings` records the change."""
    counts: dict[str, int] = {"meetings": 0}
    write_meetings(
        connection, [meeting], counts, dict(counts), dict(counts), lambda _n: None, actor
    )
