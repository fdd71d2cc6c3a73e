"""Where an in-person meeting happened: city (named, "here" or dateline), venue, country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extract.gazetteer import (
    CITY_SPELLINGS,
    SEATS,
    VENUE_ALIASES,
    VENUE_CITY,
    city_country,
    country_of_phrase,
    fold,
)
from api.extract.geonames import known_city

__all__ = ["Place", "find_city", "find_country", "find_venue", "venue_city"]

Span = tuple[int, int]

_CITY = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in CITY_SPELLINGS) + r")\b")
_HERE = re.compile(r"\bhere\b")
_HOSTED_EVENT = re.compile(r"\s+(?:G-?20|G-?7|SCO|APEC|BRICS|ASEAN|NATO|BIMSTEC|CHOGM|OIC)\b")
"""'the Bali G20 FMM', 'the Osaka G20 summit': the city names where the event is held."""
_VENUE_HEADS = (
    r"Hall|House|Palace|Headquarters|Pavilion|Guesthouse|Guest House|Secretariat|Kremlin|"
    r"Residence|Buildings?|Center|Centre|Villa|Hotel|Bhavan|Zhongnanhai|Diaoyutai|Chancellery|"
    r"Office|GHQ|Aiwan-e-Sadr|Ak Orda|Complex|Compound|Camp David|Estate|Lodge|Castle|Court|"
    r"(?<=[A-Z]\s)headquarters"
)
_CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)
_VENUE = re.compile(
    r"\b(?:at|in|inside|visit\s+to)\s+(?:the\s+)?(?P<venue>(?:[A-Z][\w'’-]*\s+(?:(?:of|the|de|and|for)\s+)*){0,6}?"
    r"(?:[A-Z][\w'’-]*\s+)?(?:" + _VENUE_HEADS + r")\b(?:\s+(?:of\s+(?:the\s+)?|in\s+the\s+)"
    r"(?!" + _CALENDAR + r")[A-Z][\w'’-]*(?:\s+(?!" + _CALENDAR + r")[A-Z][\w'’-]*)*)?"
    r"(?:\s*\([A-Z]{2,6}\))?)"
)
_LONGER_VENUE = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:" + _VENUE_HEADS + r")\b(?:\s*\([A-Z]{2,6}\))?"
)
"""A venue head followed by more words and another head ('Diaoyutai State Guesthouse')."""
_NOT_VENUE = re.compile(r"summit|conference|forum|session|assembly|meeting|games", re.I)
_IN_PLACE = re.compile(
    r"\b(?:in|at|(?:home\s+)?(?:town|city|capital)\s+of)\s+(?P<c>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)(?![\w'’-])"
)
"""'in Kazan', 'in Wilmington': a place after a preposition, for the world gazetteer."""
_IN_COUNTRY = re.compile(
    r"\b(?:in|visit\s+to(?:\s+the)?)\s+(?P<c>[A-Z][\w'’.-]+(?:\s+(?:of\s+)?[A-Z][\w'’.-]+){0,3})"
)


@dataclass(frozen=True, slots=True)
class Place:
    """A named place and its evidence span."""

    name: str
    country: str | None
    span: Span


_TOPIC_IN = re.compile(
    r"\b(?:situation|developments?|crisis|conflict|war|peace|stability|security|events|"
    r"tensions|violence|elections?|investments?|projects?|operations?|presence|interests|"
    r"troops|forces|settlement|ceasefire|reconstruction)\s+(?:(?:in|at)\s+(?:the\s+)?)?$",
    re.I,
)
"""'the situation in Ukraine', 'investment in Pakistan': what was discussed, not where."""


def find_city(sentence: str, offset: int, trigger: int) -> Place | None:
    """The known city named in the sentence nearest the trigger (not after 'from')."""
    best: tuple[int, Place] | None = None
    for match in _CITY.finditer(sentence):
        before = sentence[max(0, match.start() - 6) : match.start()]
        after = sentence[match.end() : match.end() + 14]
        if re.search(r"\bfrom\s+$|-$|\($", before) or (
            re.match(r"['’]s\b|\s+time\b|-|\s+(?!D\.?C\b|" + _CALENDAR + r")[A-Z]", after)
            and not _HOSTED_EVENT.match(after)
        ):
            continue
        found = city_country(match.group(0))
        if found is None or _is_topic(sentence, match.start()):
            continue
        distance = abs(offset + match.start() - trigger)
        place = Place(found[0], found[1], (offset + match.start(), offset + match.end()))
        if best is None or distance < best[0]:
            best = (distance, place)
    if best is None:
        for match in _IN_PLACE.finditer(sentence):
            world = known_city(match.group("c"))
            if (
                world is not None
                and country_of_phrase(match.group("c")) is None
                and not _is_topic(sentence, match.start())
            ):
                start = offset + match.start("c")
                return Place(world[0], world[1], (start, start + len(match.group("c"))))
    return best[1] if best else None


def find_here(sentence: str, offset: int) -> Span | None:
    """Span of 'here' (the dateline's city) in the sentence."""
    match = _HERE.search(sentence)
    return (offset + match.start(), offset + match.end()) if match else None


_SEAT = re.compile(
    r"\b(?:at|in|inside)\s+the\s+(?P<seat>"
    + "|".join(re.escape(name).replace("\\ ", r"\s+") for name in SEATS.values())
    + r")\b",
    re.IGNORECASE,
)
"""'at the presidential complex', 'at the Prime Minister's office': a seat of office."""


def find_venue(sentence: str, offset: int) -> Place | None:
    """A venue such as 'the Great Hall of the People' or 'General Headquarters (GHQ)'."""
    for match in _VENUE.finditer(sentence):
        venue = match.group("venue").strip()
        longer = _LONGER_VENUE.match(sentence, match.end("venue"))
        if longer:
            venue = sentence[match.start("venue") : longer.end()].strip()
        if _NOT_VENUE.search(venue) or country_of_phrase(venue):
            continue
        raw = venue
        venue = " ".join(venue.split())
        venue = VENUE_ALIASES.get(fold(venue), venue)
        known = venue_city(venue)
        country = known[1] if known else None
        start = offset + match.start("venue")
        return Place(venue, country, (start, start + len(raw)))
    seat = _SEAT.search(sentence)
    if seat is not None:
        start = offset + seat.start("seat")
        return Place(SEATS[fold(seat.group("seat"))], None, (start, offset + seat.end("seat")))
    return None


def venue_city(venue: str) -> tuple[str, str] | None:
    """(city, country code) of a venue: a well-known one from the table ('Great Hall of
    the People' -> Beijing), else the known city its name opens with ('Bogor Palace' ->
    Bogor; not 'Union Buildings', whatever towns share the word)."""
    name = re.sub(r"\s*\([^)]*\)", "", venue)
    city = VENUE_CITY.get(fold(name))
    if city is not None:
        return city_country(city)
    words = name.split()
    for size in (2, 1):
        if len(words) > size and not country_of_phrase(words[0]):
            found = city_country(" ".join(words[:size]))  # the hand-kept table only
            if found is not None:
                return found
    return None


def _is_topic(sentence: str, start: int) -> bool:
    return _TOPIC_IN.search(sentence, max(0, start - 36), start) is not None


def find_country(sentence: str, offset: int) -> Place | None:
    """A country named as the place ('in Pakistan') when no city is known."""
    for match in _IN_COUNTRY.finditer(sentence):
        if _is_topic(sentence, match.start()):
            continue
        words = match.group("c").split()
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[:size]).rstrip(".")  # 'in India.' ends the sentence
            code = country_of_phrase(phrase)
            if (
                code
                and not phrase.endswith(("'s", "’s"))
                and fold(phrase) not in {fold(w) for w in ("Chinese", "Pakistani")}
            ):
                start = offset + match.start("c")
                return Place(phrase, code, (start, start + len(phrase)))
    return None
