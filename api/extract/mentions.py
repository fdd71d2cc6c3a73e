"""Mentions of people in each sentence: a name with the office and country beside it
("Chinese President Xi Jinping", "Zhao Leji, chairman of ...", "of Pakistan")."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from api.extract.gazetteer import city_country, country_of_phrase, fold
from api.extract.mention import Mention, Span
from api.extract.names import NAME_PARTICLES, STOP_CAPS, is_nameable
from api.extract.offices import CONNECTORS, with_offices
from api.extract.runs import NICKNAME, REGNAL, Tok, nameable, runs, tokens
from api.extract.text import Document, Sentence
from api.extract.titles import (
    RANKS,
    counterpart_title,
    has_title_head,
    normalise_title,
    title_country,
)

__all__ = ["find_mentions"]

_COURTESIES = frozenset({"HE", "H.E.", "H.E", "Excellency", "Hon.", "Honourable", "Honorable"})
"""Forms of address before an office ('HE US Secretary of State'): the country follows."""


_POSTNOMINALS = frozenset(
    ["MP", "MNA", "MPA", "MLA", "MEP", "KC", "QC", "OBE", "CBE", "MBE", "KBE", "PhD"]
)
"""Letters after a name ('Hon. Bob Carr MP'): they end the name and are no part of it."""

_FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x-|[Ll]ate|[Oo]netime|[Tt]hen-former)\s*$")
"""Words before an office that make it one no longer held."""
_BIRTH_RANKS = frozenset({"prince", "princess", "his", "her", "royal"})


def _country_prefix(seg: list[Tok]) -> tuple[str | None, int]:
    for size in (3, 2, 1):
        if len(seg) > size:
            phrase = " ".join(t.text for t in seg[:size])
            code = country_of_phrase(phrase)
            if code:
                return code, size
    return None, 0


def _name_block(seg: list[Tok], begin: int) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    i = begin
    while i < len(seg):
        if not nameable(seg, i):
            i += 1
            continue
        j = i + 1
        while j < len(seg) and (
            nameable(seg, j)
            or REGNAL.fullmatch(seg[j].text)
            or (seg[j].text in NAME_PARTICLES and j + 1 < len(seg) and nameable(seg, j + 1))
        ):
            if seg[j - 1].text.endswith(("'s", "’s")):
                break
            j += 1
        rest = seg[j:]
        tail = j == i + 1 and i > 0 and country_of_phrase(f"{seg[i - 1].text} {seg[i].text}")
        if tail:  # 'of New Zealand', 'of Saudi Arabia': the end of a country's name
            pass
        elif (
            not rest
            or not rest[0].text[0].isupper()
            or rest[0].text.startswith("(")
            or rest[0].text.replace(".", "") in _POSTNOMINALS
        ):
            best = (i, j)
        i = j
    return best


def _parse_run(seg: list[Tok], sentence: Sentence, doc_text: str) -> Mention | None:
    begin = 0
    while begin < len(seg) and (
        (
            seg[begin].text in STOP_CAPS
            and not nameable(seg, begin)
            and _country_prefix(seg[begin:])[1] < 2  # 'New Zealand', 'South Africa'
        )
        or seg[begin].text in CONNECTORS
        or (seg[begin].text in _COURTESIES and begin + 1 < len(seg))
    ):
        begin += 1
    country, size = _country_prefix(seg[begin:])
    country_span = (seg[begin].start, seg[begin + size - 1].end) if country else None
    title_begin = begin + size
    block = _name_block(seg, title_begin)
    if block is None:
        return None
    i, j = block
    name_toks = seg[i:j]
    particles = sum(t.text in NAME_PARTICLES or t.text in ("Al", "El") for t in name_toks)
    if len(name_toks) > 5 + min(particles, 2):  # 'Tamim bin Hamad Al Thani' is one name
        return None
    possessive = name_toks[-1].text.endswith(("'s", "’s"))
    last = name_toks[-1]
    name_end = last.end - 2 if possessive else last.end
    words = [t.text for t in name_toks]
    if possessive:
        words[-1] = words[-1][:-2]
    if len(words) > 1 and country_of_phrase(" ".join(words)):
        return None  # 'North Korean issues': a people, however its words look alone
    if (
        len(words) == 2
        and len(words[0]) >= 3
        and words[0].isalpha()  # not the initials 'J.P.'
        and words[0].isupper()
        and words[1][1:].islower()
    ):
        words = [words[1], words[0].title()]  # 'MOTEGI Toshimitsu' -> 'Toshimitsu Motegi'
    title_toks = [t for t in seg[title_begin:i] if t.text not in RANKS and t.text[0] != "("]
    named = [k for k, t in enumerate(title_toks) if is_nameable(t.text)]
    if named:  # 'President Xi Jinping to President Zardari': the office is after the name
        title_toks = title_toks[named[-1] + 1 :]
        while title_toks and title_toks[0].text in CONNECTORS:
            title_toks = title_toks[1:]
    title: str | None = None
    title_span: Span | None = None
    if title_toks and all(fold(t.text) in _BIRTH_RANKS for t in title_toks):
        title_toks = []  # 'His Highness Prince Faisal': a rank of birth, the office follows
    if title_toks and has_title_head([t.text for t in title_toks]):
        title_span = (title_toks[0].start, title_toks[-1].end)
        rest = seg[j:]
        if len(rest) > 2 and rest[0].text == "of" and not _suffix_country(rest):
            title_span = (title_span[0], title_span[1])
            title = normalise_title(
                doc_text[title_span[0] : title_span[1]]
                + " "
                + doc_text[rest[0].start : rest[-1].end]
            )
        else:
            title = normalise_title(doc_text[title_span[0] : title_span[1]])
    rest = seg[j + 1 :] if _alias(seg[j:]) else seg[j:]
    if rest and rest[0].text == "of" and len(rest) > 1 and not country:
        code = _suffix_country(rest)
        if code:
            country, country_span = code, (rest[1].start, rest[-1].end)
    if title_span and not country:
        code = title_country(doc_text[title_span[0] : title_span[1]])
        if code:
            country, country_span = code, title_span
    if title is None and len(words) < 2 and not _is_single_alias(words):
        return None
    if len(words) > 1 and city_country(" ".join(words)):  # 'San Francisco' is no person
        return None
    return Mention(
        sentence=sentence.index,
        start=seg[begin].start,
        end=name_end,
        name=tuple(words),
        name_span=(name_toks[0].start, name_end),
        title=title,
        title_span=title_span,
        title_rank=0 if title and not sentence.headline else (3 if title else 9),
        country=country,
        country_span=country_span,
        possessive=possessive,
        headline=sentence.headline,
        alias=_alias(seg[j:]) or _nickname(doc_text[name_toks[0].start : name_end]),
    )


def _nickname(name: str) -> str | None:
    found = NICKNAME.search(name)
    return found.group(1) if found else None


def _alias(rest: list[Tok]) -> str | None:
    if rest and re.fullmatch(r"\([A-Z][a-z]+\)", rest[0].text):
        return rest[0].text[1:-1]
    return None


def _suffix_country(rest: list[Tok]) -> str | None:
    words = [t.text for t in rest[1:]]
    if words and words[0] == "the":
        words = words[1:]
    return country_of_phrase(" ".join(words)) if words else None


def _is_single_alias(words: list[str]) -> bool:
    return len(words) == 1 and len(words[0]) > 1


def find_mentions(doc: Document) -> list[Mention]:
    """Every person mention in the document's headline and body, in text order."""
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        if sentence.headline and _title_case(sentence.text):
            continue
        previous: Mention | None = None
        last: Mention | None = None
        for run in runs(tokens(sentence)):
            mention = _parse_run(run, sentence, doc.text)
            if mention is None:
                continue
            mention = with_offices(mention, sentence, doc.text)
            if mention.title and _FORMER.search(
                doc.text, max(0, mention.start - 12), mention.start
            ):
                # 'former U.S. President X': no office held at the time
                mention = _replace(mention, title=None, title_span=None, title_rank=9)
            if previous is None and last is not None and mention.counterpart:
                # 'Jaishankar and his Chinese counterpart': the office named earlier
                previous = next(
                    (m for m in reversed(mentions) if m.title and m.name[-1] == last.name[-1]),
                    None,
                )
            last = mention
            if mention.counterpart and mention.title is None and previous and previous.title:
                # a counterpart holds the substantive office: the last of 'A and B'
                title = previous.title.split(" and ")[-1]
                title = title if has_title_head(title.split()) else previous.title
                title = counterpart_title(title, mention.country)
                mention = _replace(
                    mention, title=title, title_span=previous.title_span, title_rank=4
                )
            mentions.append(mention)
            previous = mention if mention.title else previous
    return mentions


def _replace(mention: Mention, **changes: Any) -> Mention:
    return dataclasses.replace(mention, **changes)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7
