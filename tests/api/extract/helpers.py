"""What the extractor tests share: one meeting from a text, and its principals."""

from __future__ import annotations

import datetime as dt

from api.extract import ExtractedMeeting, extract

DAY = dt.date(2024, 5, 17)  # a Friday
"""The publication date a test text has unless it says otherwise."""


def one(text: str, published: dt.date | None = DAY) -> ExtractedMeeting:
    """The one meeting `text` reports (the test fails if it finds none or several)."""
    meetings = extract(text, published)
    assert len(meetings) == 1, meetings
    return meetings[0]


def principals(meeting: ExtractedMeeting) -> list[tuple[str, str | None]]:
    """The principals as (name, country code), in the meeting's order."""
    return [(p.name, p.country_code) for p in meeting.principals]
