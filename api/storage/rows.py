"""Models to table rows and back; the only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, cast

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
from api.results import MeetingRow

__all__ = [
    "MEETING_COLUMNS",
    "meeting_from_row",
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
"""The columns of `meetings` a meeting is built from, in the order
`api.storage.plain.meeting_rows` reads them (by position, as it reads their children)."""


def meeting_from_row(row: MeetingRow) -> Meeting:
    """A `Meeting` from a full plain row (`api.storage.plain.meeting_rows`), read back
    from our own tables and not re-validated. The row's dicts become the models' own (its
    strings turned to enums in place): the row is not to be used after."""
    item = cast(dict[str, Any], row)
    item["date_precision"] = _PRECISIONS[item["date_precision"]]
    item["time_of_day"] = _TIMES.get(item["time_of_day"])
    item["kind"] = _KINDS[item["kind"]]
    item["setting"] = _SETTINGS[item["setting"]]
    item["location"] = _location(item["location"])
    participants = item["participants"]
    for p in participants:
        p["person"] = _person_ref(p["person"])
        p["role"] = _ROLES[p["role"]]
    item["participants"] = [_participant(p) for p in participants]
    statements = item["statements"]
    for s in statements:
        s["speaker"] = _person_ref(s["speaker"])
    item["statements"] = [_statement(s) for s in statements]
    outcomes = item["outcomes"]
    for o in outcomes:
        o["kind"] = _OUTCOME_KINDS[o["kind"]]
    item["outcomes"] = [_outcome(o) for o in outcomes]
    item["sources"] = [_source(s) for s in item["sources"]]
    return _meeting(item)
