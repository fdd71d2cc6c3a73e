"""Merging two reports of the same meeting: fill what is missing, keep what conflicts.

Pure functions over domain models. The stored meeting wins every disagreement; the other
value is kept as a `Conflict` with the source that reported it, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from api.models import Location, Meeting, Participant
from api.results import Conflict

__all__ = ["Conflict", "MergeResult", "merge"]

_SCALARS = ("date", "time_of_day", "kind", "setting", "occasion", "initiated_by")
_PLACE = ("city", "country_code", "venue")


@dataclass
class MergeResult:
    """The merged meeting, the fields the new report filled, and the conflicts.

    `source_id` is the source the report is kept under: its own, or a stored source of
    the same document (a curated record of the same file).
    """

    meeting: Meeting
    source_id: str = ""
    filled: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def merge(stored: Meeting, report: Meeting) -> MergeResult:
    """`stored` completed by `report` (another source of the same event)."""
    source = report.sources[0].id if report.sources else "unknown"
    result = MergeResult(meeting=stored)
    updates: dict[str, Any] = {}
    for name in _SCALARS:
        _compare(result, name, getattr(stored, name), getattr(report, name), source, updates)
    place: dict[str, Any] = {}
    for name in _PLACE:
        kept, other = getattr(stored.location, name), getattr(report.location, name)
        _compare(result, f"location.{name}", kept, other, source, place)
    if place:
        updates["location"] = Location(**{**stored.location.model_dump(), **place})
    participants = _merge_participants(result, stored, report, source)
    if participants != stored.participants:
        updates["participants"] = participants
    topics = [*stored.topics, *(t for t in report.topics if t not in stored.topics)]
    if topics != stored.topics:
        updates["topics"] = topics
        result.filled.append("topics")
    same_document = {s.document: s.id for s in stored.sources if s.document}
    stored_ids = {s.id for s in stored.sources}
    new_sources = [
        s for s in report.sources if s.id not in stored_ids and s.document not in same_document
    ]
    result.source_id = (
        same_document.get(report.sources[0].document or "", source) if report.sources else source
    )
    updates["sources"] = [*stored.sources, *new_sources]
    result.meeting = Meeting.model_validate(
        {**stored.model_dump(), **{k: _dump(v) for k, v in updates.items()}},
        context={"topic_ids": set(topics)},
    )
    return result


def _compare(
    result: MergeResult, name: str, kept: Any, other: Any, source: str, into: dict[str, Any]
) -> None:
    if other is None or kept == other:
        return
    if kept is None:
        into[name.rsplit(".", 1)[-1]] = other
        result.filled.append(name)
        return
    result.conflicts.append(
        Conflict(
            meeting_id=result.meeting.id,
            field=name,
            kept=_text(kept),
            other=_text(other),
            source=source,
        )
    )


def _merge_participants(
    result: MergeResult, stored: Meeting, report: Meeting, source: str
) -> list[Participant]:
    merged = list(stored.participants)
    index = {p.person.id: i for i, p in enumerate(merged)}
    for participant in report.participants:
        at = index.get(participant.person.id)
        if at is None:
            merged.append(participant)
            index[participant.person.id] = len(merged) - 1
            result.filled.append(f"participants.{participant.person.id}")
            continue
        mine = merged[at]
        for name in ("title", "capacity"):
            fill: dict[str, Any] = {}
            _compare(
                result,
                f"participants.{mine.person.id}.{name}",
                getattr(mine, name),
                getattr(participant, name),
                source,
                fill,
            )
            if fill:
                merged[at] = mine = mine.model_copy(update=fill)
    return merged


def _text(value: Any) -> str:
    return str(getattr(value, "value", value))


def _dump(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value
