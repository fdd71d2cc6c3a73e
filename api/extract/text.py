"""Readout text: boilerplate lines, headline, dateline and sentences, all with offsets.

Everything downstream works on `Sentence`s that keep their position in the original
text, so evidence spans quote the text exactly as it was passed in.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from api.extract.gazetteer import AGENCIES
from api.extract.geonames import known_city
from api.extract.vocabulary import word_set

__all__ = ["Dateline", "Document", "Sentence", "parse_document"]


_BOILERPLATE = re.compile(
    r"""^(?:
        .*\s>\s.*                                  # breadcrumbs: Home > China News
      | (?:file\s+)?(?:photo|picture|image|video)\s*(?:[:：]|taken\b|shows\b).*
      | .*\((?:[\w .-]+/)?(?:xinhua|app|afp|reuters|ap|str|cgtn|cns)\)\s*$   # captions
      | .*suggest\s+to\s+a\s+friend.*
      | (?:share\s+this|related|editor|source|follow\s+us|copyright|tags?)\s*[:：].*
      | .*\[(?:print|close)\].*
      | [-=_*~<>\s]{3,}.*
      | <[^>]*>
      | (?:date\s+)?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?
      | [A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}
      | [#\s]*\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}\s+\d{1,2}:\d{2}(?:\s*\(UTC\s*[+-]\d{2}:?\d{2}\))?  # 01 July 2022 18:43
      | (?:by\s+[\w .'-]+\|\s*)?[\w .'-]+\|\s*updated:?\s.*   # By X | China Daily | Updated: ...
      | \W*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_ITEM_DATE = re.compile(
    r"^(?:\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{1,2}-\d{1,2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8},?\s+\d{4})$"
)
"""A line that is only a date: '14/05/2024', '2024-05-14', 'May 14, 2024', '14 May 2024'."""
_STAMP_WORDS = word_set(
    """
        january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
        friday saturday sunday mon tue tues wed thu thur thurs fri sat sun am pm a m p h hrs
        st nd rd th ist gmt utc edt est bst pkt cst cet cest jst msk at on date time last
        updated update published posted modified created written first count
        """
)
"""The words a page's date-and-time stamp is made of, in any order and format: 'Last
Updated : 23 October 2013, 04:30 IST', 'Published: 5/16/2024 5:57:03 AM', 'Sat 13th
November 2021', '23/09/2003 - 23h43'."""


def _is_stamp_line(line: str) -> bool:
    """True for a short line that holds only a date or time, with or without its label."""
    if len(line) > 80 or not re.search(r"\d", line):
        return False
    words = re.findall(r"[^\W\d_]+", line.lower())
    return all(w in _STAMP_WORDS for w in words)


_STAMP = re.compile(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2})|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})")
_DATELINE = re.compile(
    r"""^(?P<cities>[A-Z][A-Za-z.'-]+(?:[ /][A-Z][A-Za-z.'-]+)*)
        (?:\s*\([A-Z][\w .'-]*\))?(?:\s*\[[A-Z][\w .'-]*\]|,\s*(?:[A-Z][a-z]+|U\.S\.|UK|UAE)(?=,))?
        (?:,\s*(?P<date>(?i:[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:,\s+\d{4})?))?\.?
        (?:\s*(?:\((?P<agency>[A-Za-z ]+)\)|/(?P<slashed>[A-Za-z ]+)/)\.?
          |,\s*(?P<bare>[A-Z]{2,8})(?=\s*(?:--|—|–|-\s))
          |,?\s*\((?P<credit>[A-Z][^()\n]{2,90}?\d[^()\n]{0,20})\))?
        (?:\s*(?::|--|—|–|-(?=\s))|(?<=\))(?=\s+[A-Z]))\s*""",
    re.VERBOSE,
)
"""'BEIJING, July 16 (Xinhua) --', 'KAZAN, Russia, Oct. 23 --', 'RAWALPINDI, JAN 22 /DNA/ –',
'MOSCOW, September 15. /TASS/.', 'Dushanbe [Tajikistan], September 17 (ANI):', 'BEIJING -'."""
_UPDATED = re.compile(
    r"(?i:updated):?\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?\s+(?=[A-Z]{3,})"
)
"""A page's update stamp written in front of the dateline on the same line."""
_SLASH_CREDIT = re.compile(
    r"^(?P<cities>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)*)(?:,\s*"
    r"(?P<date>(?i:[A-Z][a-z]{2,8})\.?\s+\d{1,2}))?\.?\s*/(?P<slashed>[A-Za-z ]+)/\.?\s*"
)
_PLACE_DATE_LINE = re.compile(
    r"""^(?P<city>[A-Z][\w'’.-]+(?:\ [A-Z][\w'’.-]+)?)\s*(?:,|-|–|—)\s*
        (?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}
        |[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\.?$""",
    re.VERBOSE,
)
"""A press release's place-and-date line: 'Samarkand, 15 September 2022'."""
_CREDIT_PLACE_LINE = re.compile(
    r"^(?:"
    + "|".join(re.escape(full) for full in sorted({f for _, f in AGENCIES.values()}, key=len)[::-1])
    + r")\s+(?P<city>[A-Z][\w'’.-]+(?:\ [A-Z][\w'’.-]+)?)\s*$"
)
"""A wire story's credit line: the agency's full name, then the city it filed from
('Press Trust of India Bangkok')."""
_SPLIT = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
"""'j.p' of 'J.P. Nadda': dotted initials."""
_ABBREV = word_set(
    """
        mr mrs ms dr gen lt col maj capt prof st no jan feb mar apr jun jul aug sep sept oct nov
        dec u.s u.k u.n a.m p.m h.e h.h h.r.h jr sr vs etc inc ltd co adm sen rep gov hon
        """
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body or the headline, with its offsets in the original text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    headline: bool


@dataclass(frozen=True, slots=True)
class Dateline:
    """`BEIJING, July 16 (Xinhua) --`: the place(s) and the day the report was filed."""

    cities: tuple[tuple[str, int, int], ...]
    date_text: str | None
    date_start: int


@dataclass(frozen=True, slots=True)
class Document:
    """A readout split into sentences, with its dateline and publication stamp."""

    text: str
    sentences: tuple[Sentence, ...]
    dateline: Dateline | None
    stamp: str | None
    items: tuple[tuple[int, str], ...] = ()
    """Lines that hold only a date, with their offsets: on a page of several readouts,
    each item's own date."""


def _is_headline(line: str, rest_has_body: bool) -> bool:
    stripped = line.strip()
    return (
        rest_has_body
        and not stripped.endswith((".", "!", "?", '"', "”"))
        and (len(stripped.split()) <= 30)
    )


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in _SPLIT.finditer(text, start, end):
        word = re.search(r"([\w.]+)[.!?]$", text[cursor : match.start() + 1])
        if word:
            token = word.group(1).lower().rstrip(".")
            if (
                token in _ABBREV
                or (len(token) == 1 and token.isalpha())
                or _INITIALS.fullmatch(token)
            ):
                continue  # 'Mr.', 'J.', 'J.P. Nadda': initials end no sentence
        spans.append((cursor, match.start() + 1))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans


def parse_document(text: str) -> Document:
    """Split `text` into headline and body sentences, leaving boilerplate out."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        if body.strip():
            lines.append((offset + lead, offset + len(body.rstrip())))
        offset += len(raw)
    stamp = None
    kept: list[tuple[int, int]] = []
    items: list[tuple[int, str]] = []
    for start, end in lines:
        line = text[start:end]
        if _ITEM_DATE.match(line):
            items.append((start, line))
            if stamp is None:
                stamp = line
            continue
        if _BOILERPLATE.match(line) or _is_stamp_line(line):
            found = _STAMP.search(line)
            if stamp is None and found and len(line) < 40:
                stamp = found.group(0)
            continue
        kept.append((start, end))
    kept = _unwrap(text, kept)
    sentences: list[Sentence] = []
    dateline: Dateline | None = None
    for number, (start, end) in enumerate(kept):
        line = text[start:end]
        place_date = _PLACE_DATE_LINE.match(line)
        if place_date and number > 0:
            if dateline is None:
                city = (place_date.group("city"), start, start + place_date.end("city"))
                dateline = Dateline(
                    (city,), place_date.group("date"), start + place_date.start("date")
                )
            continue
        credit = _CREDIT_PLACE_LINE.match(line)
        if credit and number > 0 and known_city(credit.group("city")):
            if dateline is None:
                city = (
                    credit.group("city"),
                    start + credit.start("city"),
                    start + credit.end("city"),
                )
                dateline = Dateline((city,), None, -1)
            continue
        headline = number == 0 and _is_headline(line, len(kept) > 1) and not _DATELINE.match(line)
        first = not any(not s.headline for s in sentences)
        if not headline and dateline is None and (first or number < 8):
            stamped = _UPDATED.match(line)  # 'Updated: 2008-10-28 23:12 MOSCOW -- ...'
            skip = stamped.end() if stamped else 0
            match = _DATELINE.match(line[skip:]) or _SLASH_CREDIT.match(line[skip:])
            if match and not first and not _capital_dateline(match):
                match = None  # below a caption: only 'BEIJING -' is surely a dateline
            if match and _dateline_place(match):
                dateline = _dateline(match, start + skip)
                start += skip + match.end()
        for s_start, s_end in _sentences(text, start, end):
            sentences.append(
                Sentence(len(sentences), s_start, s_end, text[s_start:s_end], number, headline)
            )
    return Document(text, tuple(sentences), dateline, stamp, tuple(items))


_OPEN_END = re.compile(r"[^.!?\"”:;)\]]$")


def _wrapped(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """True when `second` continues the sentence `first` breaks off: a wide line running
    on to the next, or any open line followed by one that starts in lower case."""
    start, end = first
    if not _OPEN_END.search(text[start:end]):
        return False
    newlines = text.count("\n", end, second[0])
    if text[second[0]].islower():
        return newlines <= 2
    return 40 <= end - start <= 100 and newlines == 1


def _unwrap(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of a hard-wrapped text (a sentence broken across lines at a fixed
    width) back into paragraphs; a text is wrapped when several of its lines run on."""
    pairs = list(itertools.pairwise(lines))
    if sum(_wrapped(text, a, b) for a, b in pairs) < 3:
        if not any(_wrapped(text, a, b) and text[b[0]].islower() for a, b in pairs):
            return lines
        wide = False  # only lines that run on into lower case are joined
    else:
        wide = True
    gap = _wrap_gap(text, pairs)
    merged = [lines[0]]
    for line in lines[1:]:
        last = (max(merged[-1][0], text.rfind("\n", 0, merged[-1][1]) + 1), merged[-1][1])
        run_on = (
            wide
            and _OPEN_END.search(text[last[0] : last[1]])
            and 1 <= text.count("\n", last[1], line[0]) <= gap
            and (gap == 1 or last[1] - last[0] >= 40)
        )
        lower = text[line[0]].islower()
        if run_on or (_wrapped(text, last, line) and (wide or lower)):
            merged[-1] = (merged[-1][0], line[1])
        else:
            merged.append(line)
    return merged


def _wrap_gap(text: str, pairs: list[tuple[tuple[int, int], tuple[int, int]]]) -> int:
    """How many line breaks separate the wrapped lines of a text: 2 when it was wrapped
    double-spaced (a blank line after every line, most sentences running on across one)."""
    runs = [text.count("\n", a[1], b[0]) for a, b in pairs if _wrapped(text, a, b)]
    doubled = sum(1 for n in runs if n == 2)
    return 2 if doubled >= 3 and doubled * 2 >= len(runs) else 1


def _capital_dateline(match: re.Match[str]) -> bool:
    cities = match.group("cities")
    return len(cities) >= 4 and cities.upper() == cities and match.end() > len(cities) + 1


def _dateline_place(match: re.Match[str]) -> bool:
    """A dateline's place is in capitals, or a known city followed by a date or credit."""
    cities = match.group("cities")
    if cities.upper() == cities:
        return True
    groups = match.groupdict()
    credited = (
        groups.get("date")
        or groups.get("agency")
        or groups.get("slashed")
        or groups.get("credit")
        or groups.get("bare")
        or match.group(0).rstrip().endswith(":")  # 'New Delhi:'
    )
    return bool(credited) and all(known_city(c) for c in cities.split("/"))


def _dateline(match: re.Match[str], offset: int) -> Dateline:
    cities = []
    for city in re.finditer(r"[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)*", match.group("cities")):
        cities.append((city.group(0).title(), offset + city.start(), offset + city.end()))
    date_text, date_start = match.group("date"), -1
    if date_text:
        date_start = offset + match.start("date")
    elif match.groupdict().get("credit"):  # '(UrduPoint / WAM - 13th Nov, 2021)'
        inside = _CREDIT_DATE.search(match.group("credit"))
        if inside:
            date_text = inside.group(0)
            date_start = offset + match.start("credit") + inside.start()
    return Dateline(tuple(cities), date_text, date_start)


_CREDIT_DATE = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
)
