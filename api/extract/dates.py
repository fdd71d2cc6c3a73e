"""Dates in a sentence: absolute, dateline-style and relative, resolved to real days.

Relative days are resolved against the published date: a weekday is the most recent
such weekday on or before it, "yesterday" the day before. Vague spans ("last week",
"in July 2021", "in 2019") name no day and are returned with `vague` set. Phrases that point at the
previous event ("a day earlier", "the same day") are returned unresolved, with the
offset in days, for the assembler to anchor on the meeting reported before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "parse_loose_date", "time_of_day"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_RELATIVE_PHRASES = {
    -1: "a day earlier|a day before|one day earlier|one day before|the previous day|"
    "the preceding day|the day before|the previous evening|the preceding evening|"
    "(?:(?<=came )|(?<=comes )|(?<=followed )|(?<=follows ))(?:a|one) day after",
    1: "a day later|one day later|the next day|the following day",
    0: "the same day|that day|later that day|later the same day|later in the day|"
    "earlier that day|earlier in the day|earlier on the same day|on the same occasion",
}  # fmt: skip
"""Phrases that date an event from the one told before it, by their offset in days."""
_RELATIVE_DAYS = re.compile(
    "|".join(
        rf"(?P<d{'m' if days < 0 else days}>\b(?:{phrases})\b)"
        for days, phrases in _RELATIVE_PHRASES.items()
    ),
    re.IGNORECASE,
)
_RELATIVE_GROUPS = {f"d{'m' if days < 0 else days}": days for days in _RELATIVE_PHRASES}
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "vague",
        re.compile(
            r"\b(?:[Ll]ast|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this)\s+(?:week|month|year|"
            r"spring|summer|autumn|fall|winter|" + _MONTH.replace("(?P<month>", "(?:") + r")\b|"
            r"\b[Ii]n\s+(?:(?:early|mid|late)[- ])?"
            + _MONTH.replace("(?P<month>", "(?:")
            + r"(?!\s+\d{1,2}(?:st|nd|rd|th)?\b)(?:,?\s+\d{4})?\b|\b[Ii]n\s+(?:19|20)\d{2}\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")),
    (
        "mdy",
        re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b"),
    ),
    (
        "dmy",
        re.compile(
            r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + _MONTH.replace("month", "month2")
            + r"(?:,?\s+(?P<y>\d{4}))?\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b"
        ),
    ),
    ("yesterday", re.compile(r"\b(?:yesterday|last\s+(?:evening|night))\b", re.IGNORECASE)),
    ("today", re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b", re.I)),
    ("relative", _RELATIVE_DAYS),
)
_EXCLUDED_BEFORE = re.compile(r"(?:since|until|till|from|by|before|after)\s*$", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:(?:on|in) the (?P<a>morning|afternoon|evening|night)\b|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|this|yesterday)\s+"
    r"(?P<b>morning|afternoon|evening|night)\b|(?P<c>tonight)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase: its span, the day it names (if known) and, for phrases relative to
    the previous event, the offset in days from that event."""

    start: int
    end: int
    date: dt.date | None
    relative_to_previous: int | None = None
    vague: bool = False


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _infer_year(month: int, day: int, reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate <= reference + dt.timedelta(days=7):
            return candidate
    return None


def _absolute(kind: str, match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    groups = match.groupdict()
    month = int(groups["m"]) if kind == "iso" else _month(groups.get("month") or groups["month2"])
    day = int(groups["d"])
    try:
        if groups.get("y"):
            return dt.date(int(groups["y"]), month, day)
    except ValueError:
        return None
    return _infer_year(month, day, reference)


def _weekday(name: str, reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    back = (reference.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return reference - dt.timedelta(days=back)


def find_dates(text: str, offset: int, published: dt.date | None) -> list[DateMention]:
    """Every date phrase in `text` (which starts at `offset` in the document)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if _EXCLUDED_BEFORE.search(text[max(0, start - 8) : start]):
                continue
            taken.append((start, end))
            span = (offset + start, offset + end)
            if kind in ("iso", "mdy", "dmy"):
                found.append(DateMention(*span, _absolute(kind, match, published)))
            elif kind == "weekday":
                found.append(DateMention(*span, _weekday(match.group("wd"), published)))
            elif kind == "yesterday":
                day = published - dt.timedelta(days=1) if published else None
                found.append(DateMention(*span, day))
            elif kind == "vague":
                found.append(DateMention(*span, None, vague=True))
            elif kind == "today":
                found.append(DateMention(*span, published))
            else:
                found.append(DateMention(*span, None, _RELATIVE_GROUPS[match.lastgroup or ""]))
    return sorted(found, key=lambda mention: mention.start)


_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def parse_loose_date(text: str, reference: dt.date | None) -> dt.date | None:
    """The day named by a stamp or dateline such as '2021-10-26', '14/05/2024' (day
    first unless the day cannot be) or 'July 16'."""
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        day, month = (second, first) if second > 12 else (first, second)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    for mention in find_dates(text, 0, reference):
        if mention.date is not None:
            return mention.date
    return None


def time_of_day(text: str) -> tuple[str, int, int] | None:
    """'morning', 'afternoon' or 'evening' when `text` says so, with the span."""
    match = _TIME.search(text)
    if not match:
        return None
    word = (match.group("a") or match.group("b") or match.group("c")).lower()
    part = {"night": "evening", "tonight": "evening"}.get(word, word)
    return part, match.start(), match.end()
