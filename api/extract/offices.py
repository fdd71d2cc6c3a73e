"""The office and country written beside a name: an office before it in lower case
("external affairs minister S Jaishankar"), a reverse appositive ("the Chinese Foreign
Minister, Wang Yi"), an appositive after it ("Zhao Leji, chairman of ..."), a counterpart
("his Pakistani counterpart"), and words that make a mention no participant ("a message
from")."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from api.extract.gazetteer import country_of_phrase, fold
from api.extract.mention import Mention, Span
from api.extract.names import NAME_PARTICLES, is_nameable
from api.extract.text import Sentence
from api.extract.titles import RANKS, TITLE_WORDS, has_title_head, normalise_title, title_country

__all__ = ["CONNECTORS", "appositive_title", "with_offices"]

CONNECTORS = frozenset({"of", "the", "and", "to", "on", "for", "/"}) | NAME_PARTICLES
"""Small words that may stand inside a name or an office."""
_COUNTERPART = re.compile(
    r"(?:(?P<dem>[A-Z][\w.']*(?:\s[A-Z][\w.']*)?)\s+)?counterparts?"
    r"(?:\s+(?:from|of)\s+(?:the\s+)?(?P<home>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))?,?\s*$"
)
"""'his Pakistani counterpart', 'my counterpart from Laos,': the country may follow."""
_LISTED_COUNTERPART = re.compile(
    r"\bcounterparts\s+(?:in|from|of)\s+[^;.]*(?:,\s*and|,|\band)\s+(?:the\s+)?"
    r"(?P<home>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),\s*$"
)
"""The second and later of counterparts listed by country: '..., and Mozambique, Y'."""
_RESPECTIVE = re.compile(
    r"\bcounterparts\s+(?:in|from|of)\s+(?:the\s+)?(?P<a>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
    r"\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?),\s+"
    r"(?P<first>[A-Z][^,;.()]*?\s+and\s+)?$"
)
"""'his counterparts from Croatia and Japan, A and B': the names pair with the countries
in order (A with Croatia, B with Japan)."""
_EXCLUDING = re.compile(
    r"(?:invitation|behalf|greetings|regards|message|messages|letter|wishes|representative|"
    r"envoy|proposed|put forward|condolences|congratulations)\s+(?:\w+\s+){0,2}?"
    r"(?:of|from|by|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LOWER_OFFICE = re.compile(
    r"(?:^|(?<=[\s(]))(?:(?P<dem>[A-Z][a-z]+)\s+)?"
    r"(?P<title>(?:(?:" + "|".join(sorted(w for w in TITLE_WORDS if w.isalpha())) + r")\s+){0,3}"
    r"(?:minister|president|premier|"
    r"secretary|adviser|advisor|chancellor|chief|ambassador|envoy|governor))\s+$"
)
"""An office in lower case right before a name: 'external affairs minister S Jaishankar'."""
_POSSESSIVE_OFFICE = re.compile(
    r"\b(?P<dem>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+(?:(?:new|visiting)\s+)?"
    r"(?P<title>(?:[a-z][a-z-]+\s+){0,3}[a-z][a-z-]+),\s*$"
)
"""'Australia's new prime minister, Scott Morrison': the country, then the office."""
_LOWER_REVERSE = re.compile(
    r"\b(?i:the)\s+(?P<dem>)(?P<title>(?:[a-z][a-z-]+\s+){1,3}of\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s*$"
)
"""'the president of Cuba, Miguel Diaz-Canel': the office in lower case, its country after."""


def _capitalised(office: str) -> str:
    """'president of Cuba' -> 'President of Cuba' (small words stay small)."""
    return " ".join(w if w in CONNECTORS else w[:1].upper() + w[1:] for w in office.split())


_REVERSE_APPOSITIVE = re.compile(
    r"(?:\b(?i:the)\s+(?:(?P<dem>[A-Z][\w.'’]*)\s+)?|^|(?<=[a-z,:;] ))"
    r"(?P<title>(?:[A-Z][\w'’/-]*\s+(?:(?:of|for|and|the|to)\s+)*){0,10}[A-Z][\w'’/-]*),\s*"
    r"(?:(?:H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s*)?$"
)
"""'the Chinese Foreign Minister, Wang Yi' or '... with Foreign Minister of China, Wang Yi'."""
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:[A-Z]{1,5}(?:\s*\([A-Z]{1,2}\))?,\s+)*(?:the\s+|a\s+)?(?P<title>[^,;.()\n]+)"
)
"""', chairman of ...' after a name; post-nominal letters ('NI (M),') are skipped."""
_LISTED_TITLE = re.compile(
    r"(?:^|(?<=[a-z,:;] ))(?P<head>(?:[A-Z][\w'’-]*\s+)+(?:for|of|on)\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*),\s*$"
)
"""'Minister for Planning, ' before 'Development and Special Initiatives Ahsan Iqbal'."""


def with_offices(mention: Mention, sentence: Sentence, doc_text: str) -> Mention:
    """`mention` with the office, country and exclusion the words around it give."""
    before = doc_text[max(sentence.start, mention.start - 160) : mention.start]
    after = doc_text[mention.end : sentence.end]
    changes: dict[str, Any] = {}
    if _EXCLUDING.search(before):
        changes["excluded"] = True
    counterpart = _COUNTERPART.search(before)
    if counterpart:
        changes["counterpart"] = True
        group = "dem" if counterpart.group("dem") else "home"
        code = country_of_phrase(counterpart.group(group) or "")
        if code and mention.country is None:
            offset = mention.start - len(before) + counterpart.start(group)
            changes["country"] = code
            changes["country_span"] = (offset, offset + len(counterpart.group(group)))
    respective = _RESPECTIVE.search(before)
    if respective is not None and mention.country is None:
        group = "b" if respective["first"] else "a"
        code = country_of_phrase(respective[group])
        if code:
            at = mention.start - len(before) + respective.start(group)
            span = (at, at + len(respective[group]))
            changes.update(counterpart=True, country=code, country_span=span)
    listed_home = None if respective else _LISTED_COUNTERPART.search(before)
    if listed_home and mention.country is None and not counterpart:
        code = country_of_phrase(listed_home.group("home"))
        if code:  # 'his counterparts in Zimbabwe, X, and Mozambique, Y'
            offset = mention.start - len(before) + listed_home.start("home")
            changes.update(
                counterpart=True,
                country=code,
                country_span=(offset, offset + len(listed_home.group("home"))),
            )
    between = doc_text[mention.start : mention.name_span[0]].split()
    bare = all(w in RANKS for w in between)  # only ranks stand between the comma and name
    reverse = _LOWER_REVERSE.search(before) or _REVERSE_APPOSITIVE.search(before)
    if reverse and mention.title is not None:  # 'the King of Tonga, King Tupou VI'
        code = title_country(reverse.group("title"))
        if code and mention.country is None:
            offset = mention.start - len(before)
            span = (offset + reverse.start("title"), offset + reverse.end("title"))
            changes.update(country=code, country_span=span)
    reverse = reverse if mention.title is None and bare else None
    dem_span: Span | None = None
    title_span: Span = (0, 0)
    if reverse:
        dem_span = reverse.span("dem") if reverse.group("dem") else None
        title_span = reverse.span("title")
        if dem_span is not None and not country_of_phrase(reverse.group("dem")):
            title_span = (dem_span[0], title_span[1])  # 'the Prime | Minister'
            dem_span = None
        dem_span, title_span = _split_country(before, dem_span, title_span)
    if reverse and _is_office(_capitalised(before[title_span[0] : title_span[1]]).split()):
        offset = mention.start - len(before)
        office = _capitalised(before[title_span[0] : title_span[1]])
        title_span = (offset + title_span[0], offset + title_span[1])
        changes.update(title=normalise_title(office), title_span=title_span, title_rank=1)
        code = country_of_phrase(before[dem_span[0] : dem_span[1]]) if dem_span else None
        if code and mention.country is None and dem_span:
            changes.update(country=code, country_span=(offset + dem_span[0], offset + dem_span[1]))
        elif mention.country is None and title_country(office):
            changes.update(country=title_country(office), country_span=title_span)
    listed = _LISTED_TITLE.search(before) if mention.title is None and not bare else None
    if listed and _is_office(listed["head"].split()):
        offset = mention.start - len(before)
        rest = doc_text[mention.start : mention.name_span[0]].strip()
        changes.update(
            title=normalise_title(f"{listed['head']}, {rest}"),
            title_span=(offset + listed.start("head"), mention.start + len(rest)),
            title_rank=1,
        )
    lower = _LOWER_OFFICE.search(before) if mention.title is None and bare else None
    if lower and all(fold(w) in TITLE_WORDS for w in lower["title"].split()):
        offset = mention.start - len(before)
        words = [w if w in CONNECTORS else w[:1].upper() + w[1:] for w in lower["title"].split()]
        title_span = (offset + lower.start("title"), offset + lower.end("title"))
        changes.update(title=normalise_title(" ".join(words)), title_span=title_span, title_rank=2)
        dem = country_of_phrase(lower["dem"]) if lower["dem"] else None
        if mention.country is None and dem:  # 'the Saudi ambassador X'
            changes.update(
                country=dem, country_span=(offset + lower.start("dem"), offset + lower.end("dem"))
            )
        elif mention.country is None and title_country(" ".join(words)):
            changes.update(country=title_country(" ".join(words)), country_span=title_span)
    owned = _POSSESSIVE_OFFICE.search(before) if mention.title is None and bare else None
    code = country_of_phrase(owned["dem"]) if owned else None
    if owned and code and all(fold(w) in TITLE_WORDS for w in owned["title"].split()):
        offset = mention.start - len(before)
        office = _capitalised(owned["title"])
        if _is_office(office.split()):
            span = (offset + owned.start("title"), offset + owned.end("title"))
            changes.update(title=normalise_title(office), title_span=span, title_rank=2)
            if mention.country is None:
                owner = (offset + owned.start("dem"), offset + owned.end("dem"))
                changes.update(country=code, country_span=owner)
    appositive = _APPOSITIVE.match(after)
    if appositive and mention.title is None:
        title, length = appositive_title(appositive.group("title"))
        if title:
            start = mention.end + appositive.start("title")
            changes.update(title=title, title_span=(start, start + length), title_rank=1)
            phrase = appositive.group("title")[:length]
            code = title_country(phrase) or _leading_country(phrase)
            if code and mention.country is None and "country" not in changes:
                changes.update(country=code, country_span=(start, start + length))
    return dataclasses.replace(mention, **changes) if changes else mention


def _leading_country(phrase: str) -> str | None:
    """The country an office opens with ('Japanese Minister of Foreign Affairs' -> JP)."""
    words = phrase.split()
    for size in (3, 2, 1):
        if len(words) > size and has_title_head(words[size:]):
            code = country_of_phrase(" ".join(words[:size]))
            if code:
                return code
    return None


def _split_country(text: str, dem: Span | None, title: Span) -> tuple[Span | None, Span]:
    """Move the words of a country name from the start of an office to its qualifier:
    'the United | States Secretary of State' -> 'United States | Secretary of State'."""
    start = dem[0] if dem else title[0]
    words = list(re.finditer(r"\S+", text[start : title[1]]))
    for size in (3, 2, 1):
        if len(words) > size and country_of_phrase(" ".join(w.group(0) for w in words[:size])):
            end, begin = start + words[size - 1].end(), start + words[size].start()
            return (start, end), (begin, title[1])
    return dem, title


def _is_office(words: list[str]) -> bool:
    return has_title_head(words) and not any(
        is_nameable(w) for w in words if w not in CONNECTORS and "/" not in w
    )


def appositive_title(phrase: str) -> tuple[str | None, int]:
    """The office an appositive phrase opens with, and how many characters it spans."""
    words = phrase.split(" ")
    skip = 0
    for size in (3, 2, 1):  # 'Chinese Foreign Minister', "Sierra Leone's minister of ..."
        lead = " ".join(words[:size])
        if (
            len(words) > size + 1
            and country_of_phrase(lead)
            and has_title_head(words[size : size + 2])
        ):
            skip = len(lead) + 1  # the office without its country
            words = words[size:]
            break
    kept: list[str] = []
    for word in words:
        if word and (word[0].isupper() or fold(word) in TITLE_WORDS or word in CONNECTORS):
            kept.append(word)
        else:
            break
    while kept and kept[-1] in CONNECTORS:
        kept.pop()
    raw = " ".join(kept)
    kept = [
        w if w in CONNECTORS or w[:1].isupper() else w[:1].upper() + w[1:]
        for k, w in enumerate(kept)
        if not (k > 0 and kept[k - 1] == "and" and country_of_phrase(w))
    ]  # '... and Chinese foreign minister': the office, its country given elsewhere
    if (
        not kept
        or not has_title_head(kept[:3])
        or len(normalise_title(" ".join(kept)).split()) > 16
    ):
        return None, 0
    checked = kept
    for k, word in enumerate(kept):
        if word == "of" and country_of_phrase(" ".join(kept[k + 1 :])):
            checked = kept[:k]  # '... of the Kingdom of Saudi Arabia': the country, no name
            break
    if any(is_nameable(w) for w in checked[1:] if w not in CONNECTORS):
        return None, 0
    return normalise_title(" ".join(kept)), skip + len(raw)
