"""Offices and honorifics: which words make a title, and how a title is normalised.

A title is the office held at the time ("Prime Minister", "Chief Minister of Sindh"),
never a rank or an honorific ("General", "Dr", "Senator", "Mr").
"""

from __future__ import annotations

import re

from api.countries import country_name
from api.extract.gazetteer import country_of_phrase, fold
from api.extract.vocabulary import word_set

__all__ = [
    "CN_CUES",
    "HONORIFIC_PREFIXES",
    "RANKS",
    "ROLE_WORDS",
    "TITLE_ABBREVIATIONS",
    "TITLE_HEADS",
    "TITLE_WORDS",
    "accredited_title",
    "counterpart_title",
    "has_title_head",
    "is_stateless",
    "normalise_title",
    "title_country",
]


TITLE_HEADS = word_set(
    """
        president premier minister chancellor secretary secretary-general chairman chairwoman
        chairperson chair speaker king queen emir amir sultan prince councilor councillor
        ambassador envoy adviser advisor director director-general member assistant
        representative commander chief governor mayor spokesperson spokesman spokeswoman head
        leader commissioner vice-president vice-chairman vice-premier taoiseach counsellor
        counselor consul attorney-general
        """
)
"""Words that make a phrase an office (lower case)."""

TITLE_WORDS = TITLE_HEADS | word_set(
    """
        crown prime vice deputy acting first extraordinary plenipotentiary foreign interior home defence defense finance planning
        commerce trade external affairs national security state council standing committee
        people's congress political bureau central cpc party communist army staff joint chiefs
        naval navy air force forces federal executive special senior general information
        education health energy petroleum water railways maritime industry industries science
        technology economic economy youth overseas human rights law justice religious culture
        tourism agriculture food climate environment labour labor social welfare development
        housing communications transport aviation power privatization investment board senate
        assembly parliament parliamentary legislative republic government cabinet ministry
        office commission department policy relations international cooperation strategic united
        nations un european union general military central supreme court high lower upper house
        provincial province caretaker interim chief-of-staff pla administration budget treasury
        immigration revenue emergency disaster management capital metropolitan municipal region
        reform reforms duma majlis knesset bundestag bundesrat sejm rada verkhovna diet storting
        folketing riksdag sabha lok rajya khural jirga shura senedd alternate associate permanent
        regional autonomous standing npc cppcc ministers heads chiefs'
        """
)
"""Words that may appear inside a title and so never start or end a person's name."""

RANKS = word_set(
    """
        General Gen Gen. Lt Lt. Lieutenant Major Maj Maj. Colonel Col Col. Brigadier Admiral Adm
        Adm. Marshal Field Captain Capt Capt. Commodore Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof.
        Professor Sir Dame Lord Lady H.E. H.E HE Excellency Senator Sen. Sen Rep. Hon. Honourable
        Honorable Justice Retd Retired Ambassador-at-large HH HRH Highness Majesty Royal
        Dato Dato' Dato’ Datuk Tun Datin Sheikh Sheikha Shaikh
        """
) | {"Tan Sri", "Dato' Sri", "Datuk Sri"}
"""Ranks and honorifics that come before a name and are not part of the office."""

HONORIFIC_PREFIXES = word_set(
    """
        syed sayed sayyid makhdoom sheikh shaikh hafiz mian haji maulana pir nawabzada
        pengiran muda tunku tengku
        """
)
"""Name-initial honorifics dropped from the normalised name when a name remains."""

TITLE_ABBREVIATIONS = {
    "PM": "Prime Minister",
    "FM": "Foreign Minister",
    "COAS": "Chief of Army Staff",
    "NSA": "National Security Adviser",
    "VP": "Vice President",
    "EAM": "External Affairs Minister",
    "CJCSC": "Chairman Joint Chiefs of Staff Committee",
}
"""Abbreviated offices as they appear before names ("PM Shehbaz")."""

ROLE_WORDS = (
    "prime minister|president|premier|vice premier|vice president|foreign minister|"
    "state councilor|chancellor|army chief|chief of army staff|foreign secretary|"
    "secretary of state|defence minister|defense minister|interior minister|"
    "external affairs minister|minister|"
    "king|emir|crown prince|chairman|speaker|governor|chief minister|ambassador|dpm|pm|fm"
)
"""Offices a text may use alone ("the prime minister") to refer back to a person."""

CN_CUES = re.compile(
    r"\b(?:CPC|Communist Party of China|State Council(?:or)?|Vice Premier|Political Bureau|"
    r"Politburo|National People's Congress|NPC|CPPCC|Chinese People's|Central Military "
    r"Commission|Central Foreign Affairs Commission|Zhongnanhai)\b"
)
"""Offices that only China has: they tell the person's country."""

_PAREN = re.compile(r"\s*\([^)]*\)")
_TRAILING_PARTY = re.compile(r"\s+of the (?:Communist Party of China|CPC)$")
_LEADING = re.compile(r"^(?:the|a|an|its|his|her)\s+", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*(?=[A-Z])")
_OF_COUNTRY = re.compile(
    r"\s+(?:of|for)\s+(?:the\s+)?(?P<c>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4})"
    r"(?=\s+to\b|\s*$)"
)
"""'of (the) <country>' inside an office: the country is the person's, not the office's."""
_INNER_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?(?P<q>[A-Z][\w.]*?)(?:['’]s)?\s+(?=[A-Z])")
"""'Premier of China's State Council', 'of the Chinese State Council': the country
qualifies the body, and is the person's, not part of the office."""
_BODY_HEAD = re.compile(
    r"^(?P<body>(?:[A-Z][\w'’]*\s+){1,4}(?:Commission|Committee|Council|Congress|Assembly))\s+"
    r"(?P<head>Vice[- ]Chairman|Chairman|Chairwoman|Vice[- ]Chair|Chair)$"
)
"""'Central Military Commission Vice-Chairman': the head of a body written before it."""
_HEAD_PLACE = re.compile(r"^(?P<head>Chief Minister|Governor)\s+(?P<place>[A-Z][\w'-]+)$")
"""'Governor Punjab': the head before its province, without 'of'."""
_LOCAL_HEADS = re.compile(r"^(?P<place>(?:[A-Z][\w'-]+\s){1,2})(?P<head>Chief Minister|Governor)$")


def has_title_head(words: list[str]) -> bool:
    """True when one of `words` names an office."""
    parts = [p for w in words for p in w.lower().rstrip(".").split("-")]
    return any(p in TITLE_HEADS for p in parts) or any(w in TITLE_ABBREVIATIONS for w in words)


def _country_part(title: str) -> tuple[str, str | None]:
    for of in re.finditer(
        r"\s+(?:of|for)\s+", title
    ):  # every 'of': 'Minister of X of Guinea-Bissau'
        match = _OF_COUNTRY.match(title, of.start())
        code = country_of_phrase(match.group("c")) if match else None
        if match and code:
            return title[: match.start()] + title[match.end() :], code
    return title, None


_OFFICE_COUNTRY = {
    "external affairs minister": "IN", "minister of external affairs": "IN",
    "secretary of state": "US", "taoiseach": "IE", "state councilor": "CN",
    "state councillor": "CN", "federal chancellor": "DE",
}  # fmt: skip
"""Offices that only one country has under this name, as data: the office tells the
country ('Secretary of State' alone is the US office; the UK's has 'for ...' after it)."""
_STATELESS = re.compile(r"\b(?:EU|European|High Representative|Secretary[- ]General|UN)\b")
"""Offices of international bodies: they give no ISO country and block the table above."""


_GENERIC_OFFICE = {
    "external affairs minister": "Foreign Minister", "minister of external affairs":
    "Foreign Minister", "secretary of state": "Foreign Minister", "state councilor":
    "Foreign Minister", "state councillor": "Foreign Minister", "taoiseach": "Prime Minister",
    "federal chancellor": "Chancellor",
}  # fmt: skip
"""The usual name of a one-country office, for a counterpart from another country."""


_LOCAL_OFFICE = {
    ("CN", "prime minister"): "Premier", ("US", "foreign minister"): "Secretary of State",
    ("IN", "foreign minister"): "External Affairs Minister",
}  # fmt: skip
"""The name one country gives a common office: a counterpart holds it under that name."""


def counterpart_title(title: str, country: str | None) -> str:
    """The office of someone's counterpart from `country`: the same office, except that a
    one-country office ('External Affairs Minister') becomes its usual name elsewhere."""
    key = " ".join(_LEADING.sub("", _PAREN.sub("", title)).lower().split())
    owner = _OFFICE_COUNTRY.get(key)
    if owner is not None and country is not None and owner != country:
        title = _GENERIC_OFFICE.get(key, title)
        key = fold(title)
    return _LOCAL_OFFICE.get((country or "", key), title)


_ACCREDITED = frozenset({"ambassador", "high commissioner"})
"""Offices held *to* a country: written alone, they are to the country the holder is in."""
_THE_COUNTRY = re.compile(r"^(?:United|Russian|Czech|Dominican|Central)\b|\b(?:Islands|Emirates)$|"
                          r"(?:Philippines|Netherlands|Bahamas|Maldives|Comoros|Seychelles)$")  # fmt: skip


def accredited_title(title: str | None, own: str | None, host: str | None) -> str | None:
    """'Ambassador' -> 'Ambassador to Pakistan' when the holder, from `own`, meets in (or
    the principal of) `host`, another country; any other title is returned unchanged."""
    if title is None or fold(title) not in _ACCREDITED or host is None or host in (own, "EU"):
        return title
    try:
        name = country_name(host)
    except KeyError:
        return title
    return f"{title} to the {name}" if _THE_COUNTRY.search(name) else f"{title} to {name}"


def is_stateless(title: str | None) -> bool:
    """True for an office of an international body ('EU High Representative'): its holder
    has no ISO country, and none is guessed."""
    return bool(title) and bool(_STATELESS.search(_PAREN.sub("", title or "")))


def title_country(title: str) -> str | None:
    """The country an office names ('Foreign Minister of China' -> CN), if any."""
    bare = _PAREN.sub("", title)
    head = bare.split()
    if len(head) > 2 and head[-1] == head[0]:
        bare = " ".join(head[:-1])  # 'Sultan of Brunei Sultan'
    named = _country_part(bare)[1]
    if named or _STATELESS.search(bare):
        return named
    key = " ".join(_LEADING.sub("", bare).lower().split())
    return _OFFICE_COUNTRY.get(key)


_OFFICE_NAMES = {
    "state secretary": "Secretary of State",
    "us state secretary": "Secretary of State",
    "secretary of state for foreign, commonwealth and development affairs": "Foreign Secretary",
    "secretary of state for foreign and commonwealth affairs": "Foreign Secretary",
    "secretary of state for foreign": "Foreign Secretary",
    "head of the foreign ministry": "Foreign Minister",
}  # fmt: skip
"""Long or translated forms of an office and the name the corpus gives it, as data."""
_LEADING_WORDS = frozenset({"with", "and", "to", "from", "by", "for"})
"""Words a title-case headline puts before an office ('Call With Russian Foreign Minister')."""


def normalise_title(title: str) -> str:
    """'chairman of the X (NPC)' -> 'Chairman of the X'; 'Sindh Chief Minister' -> ...;
    'Foreign Minister of China' -> 'Foreign Minister'; 'A/B' -> 'A and B'."""
    title = _PAREN.sub("", title).strip(" ,;:")
    title = _LEADING.sub("", title)
    while title.split(" ", 1)[0].lower() in _LEADING_WORDS and " " in title:
        title = title.split(" ", 1)[1]
    lead = title.split(" ", 1)
    if len(lead) == 2 and country_of_phrase(lead[0]) and has_title_head(lead[1].split()):
        title = lead[1]  # 'Chinese Foreign Minister': the country is told apart
    title = _SLASH.sub(" and ", title)
    head = title.split()
    if len(head) > 2 and head[-1] == head[0]:
        title = " ".join(head[:-1])  # 'Sultan of Brunei Sultan Hassanal': the style repeats
    title = _country_part(title)[0]
    title = _INNER_COUNTRY.sub(
        lambda m: "of the " if country_of_phrase(m["q"]) else m.group(0), title
    )
    words = title.split()
    while words and words[-1] in RANKS:
        words.pop()
    while words and words[0] in RANKS:
        words.pop(0)
    if len(words) > 2 and words[-1] in ("Prince", "Princess") and has_title_head(words[:-1]):
        words.pop()  # 'Foreign Minister Prince Faisal': the rank of birth is no office
    words = [TITLE_ABBREVIATIONS.get(w, w) for w in words]
    title = " ".join(words)
    title = _TRAILING_PARTY.sub("", title)
    local = _LOCAL_HEADS.match(title) or _HEAD_PLACE.match(title)
    if local:
        title = f"{local['head']} of {local['place'].strip()}"
    body = _BODY_HEAD.match(title)
    if body and country_of_phrase(body["body"].split()[0]) is None:
        title = f"{body['head'].replace('-', ' ')} of the {body['body']}"
    title = _OFFICE_NAMES.get(" ".join(fold(title).split()), title)
    return title[:1].upper() + title[1:]
