"""Models to table rows and back; the only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
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
    "MEETING_COLUMNS",
    "MeetingParts",
    "meeting_from_parts",
    "meeting_rows",
    "person_from_rows",
    "person_rows",
    "search_text",
]

Row = Any  # a SQLAlchemy Row (read by attribute) or RowMapping (read by key)
_M = TypeVar("_M", bound=BaseModel)


def _builder(model: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """A function making an instance of `model` from a dict of every field's value, read
    back from our own tables and not re-validated.

    Like `model_construct` (which it matches when every field is given) but several times
    cheaper: it sets the four instance slots through their descriptors, and the models
    are frozen, so one set of field names serves every instance. A page of 100 meetings
    builds ~1,700 such objects.
    """
    fields_set = set(model.model_fields)
    new = object.__new__

    def build(values: dict[str, Any]) -> _M:
        instance = new(model)
        _set_dict(instance, values)
        _set_fields(instance, fields_set)
        _set_extra(instance, None)
        _set_private(instance, None)
        return instance

    return build


_slots = BaseModel.__dict__
_set_dict = _slots["__dict__"].__set__
_set_fields = _slots["__pydantic_fields_set__"].__set__
_set_extra = _slots["__pydantic_extra__"].__set__
_set_private = _slots["__pydantic_private__"].__set__
_meeting = _builder(Meeting)
_location = _builder(Location)
_participant = _builder(Participant)
_person_ref = _builder(PersonRef)
_statement = _builder(Statement)
_outcome = _builder(Outcome)
_source = _builder(Source)
_person = _builder(Person)
_position = _builder(Position)
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
    return _person(
        {
            "id": row["id"],
            "name": row["name"],
            "aliases": [n["name"] for n in names if n["seq"] > 0],
            "country_code": row["country_code"],
            "positions": [
                _position({"title": p["title"], "start": p["start_date"], "end": p["end_date"]})
                for p in positions
            ],
            "synthetic": bool(row["synthetic"]),
        }
    )


MEETING_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "time_of_day",
    "kind",
    "setting",
    "city",
    "country_code",
    "venue",
    "occasion",
    "initiated_by",
    "summary",
    "synthetic",
)
"""The columns of `meetings` a meeting is built from, in the order `meeting_from_parts`
reads them; its children are read by position too, in the orders `MeetingParts` names."""


class MeetingParts:
    """Child rows of a page of meetings, grouped by meeting id and read by position:

    - participants: (meeting_id, person_id, name, country_code, title, role, capacity)
    - topics: topic ids
    - sources: (meeting_id, id, publisher, headline, url, published, language, document)
    - statements: (meeting_id, speaker_id, speaker_name, text, source_id)
    - outcomes: (meeting_id, kind, text, name, date)
    """

    def __init__(self) -> None:
        self.participants: dict[str, list[Row]] = {}
        self.topics: dict[str, list[str]] = {}
        self.sources: dict[str, list[Row]] = {}
        self.statements: dict[str, list[Row]] = {}
        self.outcomes: dict[str, list[Row]] = {}


def meeting_from_parts(row: Row, parts: MeetingParts) -> Meeting:
    """A `Meeting` from its row (`MEETING_COLUMNS`) and its children (trusted rows: no
    re-validation)."""
    (
        meeting_id,
        date,
        precision,
        time_of_day,
        kind,
        setting,
        city,
        country_code,
        venue,
        occasion,
        initiated_by,
        summary,
        synthetic,
    ) = row
    return _meeting(
        {
            "id": meeting_id,
            "date": date,
            "date_precision": _PRECISIONS[precision],
            "time_of_day": _TIMES.get(time_of_day),
            "kind": _KINDS[kind],
            "setting": _SETTINGS[setting],
            "location": _location({"city": city, "country_code": country_code, "venue": venue}),
            "occasion": occasion,
            "initiated_by": initiated_by,
            "participants": [
                _participant(
                    {
                        "person": _person_ref({"id": p[1], "name": p[2]}),
                        "country_code": p[3],
                        "title": p[4],
                        "role": _ROLES[p[5]],
                        "capacity": p[6],
                    }
                )
                for p in parts.participants.get(meeting_id, ())
            ],
            "topics": parts.topics.get(meeting_id, []),
            "statements": [
                _statement(
                    {
                        "speaker": _person_ref({"id": s[1], "name": s[2]}),
                        "text": s[3],
                        "source": s[4],
                    }
                )
                for s in parts.statements.get(meeting_id, ())
            ],
            "outcomes": [
                _outcome({"kind": _OUTCOME_KINDS[o[1]], "text": o[2], "name": o[3], "date": o[4]})
                for o in parts.outcomes.get(meeting_id, ())
            ],
            "summary": summary,
            "sources": [
                _source(
                    {
                        "id": s[1],
                        "publisher": s[2],
                        "headline": s[3],
                        "url": s[4],
                        "published": s[5],
                        "language": s[6],
                        "document": s[7],
                    }
                )
                for s in parts.sources.get(meeting_id, ())
            ],
            "synthetic": bool(synthetic),
        }
    )
