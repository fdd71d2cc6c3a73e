"""Models to table rows and back; the only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from api.models import (
    DatePrecision,
    Location,
    Meeting,
    MeetingKind,
    Outcome,
    OutcomeKind,
    Participant,
    Person,
    PersonRef,
    Position,
    Role,
    Setting,
    Source,
    Statement,
    TimeOfDay,
)
from api.names import name_key, search_keys

__all__ = [
    "MeetingParts",
    "meeting_from_parts",
    "meeting_rows",
    "person_from_rows",
    "person_rows",
    "search_text",
]

Row = Any  # a SQLAlchemy Row (read by attribute) or RowMapping (read by key)
_M = TypeVar("_M", bound=BaseModel)


def _trusted(model: type[_M], **values: Any) -> _M:
    """An instance of `model` from values read back from our own tables, not re-validated.

    Like `model_construct` (which it matches for models whose every field is given) but
    several times cheaper; a page of 100 meetings builds ~2,000 such objects.
    """
    instance = model.__new__(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(values))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


_set = object.__setattr__
_KINDS = {kind.value: kind for kind in MeetingKind}
_SETTINGS = {setting.value: setting for setting in Setting}
_ROLES = {role.value: role for role in Role}
_OUTCOME_KINDS = {kind.value: kind for kind in OutcomeKind}
_PRECISIONS = {precision.value: precision for precision in DatePrecision}
_TIMES = {time.value: time for time in TimeOfDay}


def search_text(meeting: Meeting, names: Mapping[str, str]) -> str:
    """The searchable words of a meeting: summary, place, occasion, names, statements."""
    parts = [
        meeting.summary,
        meeting.occasion or "",
        meeting.location.city or "",
        meeting.location.venue or "",
        *(names.get(p.person.id, p.person.name or "") for p in meeting.participants),
        *(p.title or "" for p in meeting.participants),
        *(s.text for s in meeting.statements),
        *(o.text for o in meeting.outcomes),
        *(s.headline for s in meeting.sources),
    ]
    return " ".join(name_key(part) for part in parts if part)


def meeting_rows(meeting: Meeting, names: Mapping[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Rows for every table a meeting spans, keyed by table name."""
    location = meeting.location
    return {
        "meetings": [
            {
                "id": meeting.id,
                "date": meeting.date,
                "date_precision": meeting.date_precision.value,
                "time_of_day": meeting.time_of_day.value if meeting.time_of_day else None,
                "kind": meeting.kind.value,
                "setting": meeting.setting.value,
                "city": location.city,
                "country_code": location.country_code,
                "venue": location.venue,
                "occasion": meeting.occasion,
                "initiated_by": meeting.initiated_by,
                "summary": meeting.summary,
                "synthetic": meeting.synthetic,
                "search_text": search_text(meeting, names),
            }
        ],
        "participants": [
            {
                "meeting_id": meeting.id,
                "seq": seq,
                "person_id": p.person.id,
                "country_code": p.country_code,
                "title": p.title,
                "role": p.role.value,
                "capacity": p.capacity,
            }
            for seq, p in enumerate(meeting.participants)
        ],
        "meeting_topics": [
            {"meeting_id": meeting.id, "seq": seq, "topic_id": topic}
            for seq, topic in enumerate(meeting.topics)
        ],
        "sources": [
            {"meeting_id": meeting.id, "seq": seq, **source.model_dump()}
            for seq, source in enumerate(meeting.sources)
        ],
        "statements": [
            {
                "meeting_id": meeting.id,
                "seq": seq,
                "speaker_id": s.speaker.id,
                "text": s.text,
                "source_id": s.source,
            }
            for seq, s in enumerate(meeting.statements)
        ],
        "outcomes": [
            {"meeting_id": meeting.id, "seq": seq, **o.model_dump(mode="python")}
            for seq, o in enumerate(meeting.outcomes)
        ],
    }


def person_rows(person: Person) -> dict[str, list[dict[str, Any]]]:
    """Rows for a person, their names (the name first, then aliases) and positions."""
    names = [person.name, *person.aliases]
    return {
        "people": [
            {
                "id": person.id,
                "name": person.name,
                "country_code": person.country_code,
                "synthetic": person.synthetic,
            }
        ],
        "person_names": [
            {"person_id": person.id, "seq": seq, "name": name, "name_key": name_key(name)}
            for seq, name in enumerate(names)
        ],
        "person_keys": [{"key": key, "person_id": person.id} for key in search_keys(names) if key],
        "positions": [
            {
                "person_id": person.id,
                "seq": seq,
                "title": position.title,
                "start_date": position.start,
                "end_date": position.end,
            }
            for seq, position in enumerate(person.positions)
        ],
    }


def person_from_rows(row: Row, names: Iterable[Row], positions: Iterable[Row]) -> Person:
    """A `Person` from its row, its name rows and its position rows (each in seq order)."""
    return _trusted(
        Person,
        id=row["id"],
        name=row["name"],
        aliases=[n["name"] for n in names if n["seq"] > 0],
        country_code=row["country_code"],
        positions=[
            _trusted(Position, title=p["title"], start=p["start_date"], end=p["end_date"])
            for p in positions
        ],
        synthetic=bool(row["synthetic"]),
    )


class MeetingParts:
    """Child rows of a page of meetings, grouped by meeting id (rows read by attribute)."""

    def __init__(self) -> None:
        self.participants: dict[str, list[Row]] = {}
        self.topics: dict[str, list[str]] = {}
        self.sources: dict[str, list[Row]] = {}
        self.statements: dict[str, list[Row]] = {}
        self.outcomes: dict[str, list[Row]] = {}


def meeting_from_parts(row: Row, parts: MeetingParts) -> Meeting:
    """A `Meeting` from its row and its children (trusted rows: no re-validation)."""
    meeting_id = row.id
    return _trusted(
        Meeting,
        id=meeting_id,
        date=row.date,
        date_precision=_PRECISIONS[row.date_precision],
        time_of_day=_TIMES.get(row.time_of_day),
        kind=_KINDS[row.kind],
        setting=_SETTINGS[row.setting],
        location=_trusted(Location, city=row.city, country_code=row.country_code, venue=row.venue),
        occasion=row.occasion,
        initiated_by=row.initiated_by,
        participants=[
            _trusted(
                Participant,
                person=_trusted(PersonRef, id=p.person_id, name=p.name),
                country_code=p.country_code,
                title=p.title,
                role=_ROLES[p.role],
                capacity=p.capacity,
            )
            for p in parts.participants.get(meeting_id, [])
        ],
        topics=parts.topics.get(meeting_id, []),
        statements=[
            _trusted(
                Statement,
                speaker=_trusted(PersonRef, id=s.speaker_id, name=s.speaker_name),
                text=s.text,
                source=s.source_id,
            )
            for s in parts.statements.get(meeting_id, [])
        ],
        outcomes=[
            _trusted(
                Outcome,
                kind=_OUTCOME_KINDS[o.kind],
                text=o.text,
                name=o.name,
                date=o.date,
            )
            for o in parts.outcomes.get(meeting_id, [])
        ],
        summary=row.summary,
        sources=[
            _trusted(
                Source,
                id=s.id,
                publisher=s.publisher,
                headline=s.headline,
                url=s.url,
                published=s.published,
                language=s.language,
                document=s.document,
            )
            for s in parts.sources.get(meeting_id, [])
        ],
        synthetic=bool(row.synthetic),
    )
