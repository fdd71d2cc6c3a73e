"""Extracted meetings in other shapes: the corpus format and the domain `Meeting`."""

from __future__ import annotations

from typing import Any

from api.extract.model import ExtractedMeeting
from api.extract.names import slugify
from api.models import (
    Location,
    Meeting,
    MeetingKind,
    Participant,
    PersonRef,
    Role,
    Setting,
    Source,
    TimeOfDay,
)

__all__ = ["meeting_id", "to_corpus", "to_domain"]


def to_corpus(meeting: ExtractedMeeting) -> dict[str, Any]:
    """The meeting in the annotation format of corpus/dev/README.md."""
    return {
        "date": meeting.date.isoformat() if meeting.date else None,
        "kind": meeting.kind,
        "setting": meeting.setting,
        "city": meeting.city,
        "country_code": meeting.country_code,
        "venue": meeting.venue,
        "occasion": meeting.occasion,
        "participants": [
            {"name": p.name, "country_code": p.country_code, "title": p.title, "role": p.role}
            for p in meeting.participants
        ],
        "initiated_by": meeting.initiated_by,
    }


def meeting_id(meeting: ExtractedMeeting) -> str:
    """`YYYY-MM-DD-<principal1>-<principal2>`, e.g. 2021-07-16-li-keqiang-imran-khan."""
    if meeting.date is None:
        raise ValueError("a meeting without a resolved date has no id; pass the published date")
    names = [slugify(p.name) for p in meeting.principals[:2]]
    return "-".join([meeting.date.isoformat(), *names])


def to_domain(meeting: ExtractedMeeting, source: Source) -> Meeting:
    """The candidate as a domain `Meeting` traced to `source` (validated by the model)."""
    if meeting.date is None:
        raise ValueError(
            f"meeting of {', '.join(p.name for p in meeting.principals)} has no resolved date; "
            "give the published date so relative days can be resolved"
        )
    is_call = meeting.kind != "meeting"
    location = Location(
        city=None if is_call else meeting.city,
        country_code=None if is_call else meeting.country_code,
        venue=None if is_call else meeting.venue,
    )
    participants = []
    for person in meeting.participants:
        if person.country_code is None:
            raise ValueError(f"participant {person.name!r} has no country; cannot build a Meeting")
        participants.append(
            Participant(
                person=PersonRef(id=slugify(person.name), name=person.name),
                country_code=person.country_code,
                title=person.title,
                role=Role(person.role),
                capacity=person.capacity,
            )
        )
    return Meeting(
        id=meeting_id(meeting),
        date=meeting.date,
        time_of_day=TimeOfDay(meeting.time_of_day) if meeting.time_of_day else None,
        kind=MeetingKind(meeting.kind),
        setting=Setting(meeting.setting),
        location=location,
        occasion=None if is_call else meeting.occasion,
        initiated_by=meeting.initiated_by,
        participants=participants,
        topics=list(meeting.topics),
        sources=[source],
    )
