"""A trip told as several meetings: the place, setting and occasion of one carry to the
others of its days unless the text moves them."""

from __future__ import annotations

from dataclasses import replace

from api.extract.model import ExtractedMeeting
from api.models import Setting

__all__ = ["carry_trip"]

_TRIP = ("city", "country_code", "setting", "occasion")


def carry_trip(meetings: list[ExtractedMeeting]) -> list[ExtractedMeeting]:
    """The place and occasion of a trip carry to its other in-person meetings (within a
    day of each other), unless the text gives those meetings a place of their own."""
    carried: list[ExtractedMeeting] = []
    for meeting in meetings:
        trip = next(
            (t for t in reversed(carried) if t.kind == "meeting" and t.country_code is not None),
            None,
        )
        if trip is not None and not _same_trip(trip, meeting):
            # an earlier contact told in between ('they had met on September 9 in Riyadh')
            # leaves the trip to the last meeting of its days
            trip = next(
                (
                    t
                    for t in reversed(carried)
                    if t.kind == "meeting" and t.country_code is not None and _same_trip(t, meeting)
                ),
                trip,
            )
        if meeting.kind == "meeting" and trip is not None and _same_trip(trip, meeting):
            place = meeting.country_code is None
            country = trip.country_code if place else meeting.country_code
            home = {p.country_code for p in meeting.principals}
            keys = [k for k in _TRIP if k in trip.evidence and (place or k == "occasion")]
            meeting = replace(
                meeting,
                city=trip.city if place else meeting.city,
                country_code=country,
                occasion=meeting.occasion or trip.occasion,
                setting=Setting.BILATERAL_VISIT if country in home else Setting.THIRD_COUNTRY,
                evidence={**meeting.evidence, **{k: trip.evidence[k] for k in keys}},
            )
        elif meeting.kind == "meeting" and meeting.country_code is None:
            meeting = _carry_event(carried, meeting)
        carried.append(meeting)
    return carried


def _carry_event(carried: list[ExtractedMeeting], meeting: ExtractedMeeting) -> ExtractedMeeting:
    """'On the sidelines of the G20 ministers' meeting A met B ... A also met C': the event,
    with no place told, carries to A's other meetings of that day."""
    names = {p.name for p in meeting.principals}
    event = next(
        (
            t
            for t in reversed(carried)
            if t.kind == "meeting" and t.occasion and t.date == meeting.date
            and t.country_code is None and names & {p.name for p in t.principals}
        ),
        None,
    )  # fmt: skip
    if event is None or meeting.occasion:
        return meeting
    evidence = {**meeting.evidence, "occasion": event.evidence["occasion"]}
    evidence["setting"] = evidence["occasion"]
    return replace(
        meeting, occasion=event.occasion, setting=Setting.THIRD_COUNTRY, evidence=evidence
    )


def _same_trip(trip: ExtractedMeeting, meeting: ExtractedMeeting) -> bool:
    if meeting.date is None or trip.date is None or abs((meeting.date - trip.date).days) > 1:
        return False
    return meeting.country_code in (None, trip.country_code)
