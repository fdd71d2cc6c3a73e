"""Mentions of people in each sentence: a name with the office and country beside it
("Chinese President Xi Jinping", "Zhao Leji, chairman of ...", "of Pakistan")."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from api.extract.gazetteer import city_country, country_of_phrase, fold
from api.extract.names import NAME_PARTICLES, STOP_CAPS, is_nameable, is_pinyin_name
from api.extract.offices import CONNECTORS, with_offices
from api.extract.text import Document, Sentence
from api.extract.titles import (
    RANKS,
    TITLE_HEADS,
    counterpart_title,
    has_title_head,
    normalise_title,
    title_country,
)

__all__ = ["Mention", "Span", "find_mentions"]

Span = tuple[int, int]

_COURTESIES = frozenset({"HE", "H.E.", "Excellency", "Hon.", "Honourable", "Honorable"})
"""Forms of address before an office ('HE US Secretary of State'): the country follows."""

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|\([A-Z][A-Za-z]{0,6}\)|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:st|nd|rd|th)?|\S"
)
_DOTTED = frozenset(
    [
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Gen",
        "Lt",
        "Col",
        "Maj",
        "Prof",
        "Sen",
        "Rep",
        "St",
        "Jr",
        "Adm",
        "Capt",
        "Hon",
    ]
)
_WEEKDAYS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One reference to a person in one sentence, with its evidence spans."""

    sentence: int
    start: int
    end: int
    name: tuple[str, ...]
    name_span: Span
    title: str | None = None
    title_span: Span | None = None
    title_rank: int = 9
    country: str | None = None
    country_span: Span | None = None
    possessive: bool = False
    excluded: bool = False
    counterpart: bool = False
    headline: bool = False
    alias: str | None = None
    """A short name the text gives in brackets or quotes ('Joko Widodo (Jokowi)')."""


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int


_NICKNAME = re.compile(r"(?<=[A-Za-z]) [\"“]([A-Z][a-z]+)[\"”](?= [A-Z])")
"""'Joko "Jokowi" Widodo': a nickname inside a name."""


def _tokens(sentence: Sentence) -> list[_Tok]:
    toks: list[_Tok] = []
    nicknames = {m.start(): m for m in _NICKNAME.finditer(sentence.text)}

    for match in _TOKEN.finditer(sentence.text):
        if nicknames and any(n.start() < match.start() < n.end() for n in nicknames.values()):
            continue  # the nickname and its quotes stand outside the name's tokens
        text, start, end = (
            match.group(0),
            sentence.start + match.start(),
            sentence.start + match.end(),
        )
        if text in ("'", "’") and toks and toks[-1].end == start and toks[-1].text == "Dato":
            toks[-1] = _Tok("Dato'", toks[-1].start, end)  # the Malay honorific
            continue
        if text in ("Sri", "Seri") and toks and toks[-1].text in ("Tan", "Dato'", "Datuk"):
            toks[-1] = _Tok(toks[-1].text + " Sri", toks[-1].start, end)
            continue
        if (
            text == "."
            and toks
            and toks[-1].end == start
            and (toks[-1].text in _DOTTED or (len(toks[-1].text) == 1 and toks[-1].text.isupper()))
        ):
            toks[-1] = _Tok(toks[-1].text + ".", toks[-1].start, end)
            continue
        toks.append(_Tok(text, start, end))
    return toks


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar)-[A-Z]")
"""'al-Sabah' inside a name, with the article in lower case."""


_REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{1,3}|V|X)")
"""A regnal number after a name ('King Tupou VI', 'Abdullah II'): part of the name."""
_POSTNOMINALS = frozenset(
    ["MP", "MNA", "MPA", "MLA", "MEP", "KC", "QC", "OBE", "CBE", "MBE", "KBE", "PhD"]
)
"""Letters after a name ('Hon. Bob Carr MP'): they end the name and are no part of it."""
_TITLE_NAMES = frozenset({"Sultan", "Amir", "Malik", "Mir", "Shah", "Nawab", "Khan"})
"""Titles that are also given names: between two names they are part of the name."""
_MONTH_SURNAMES = frozenset({"May", "June", "Jun", "April", "August"})
"""Months that are also family names: after a given name they end it ('Theresa May')."""


def _is_cap(tok: _Tok) -> bool:
    return (
        tok.text[0].isupper()
        or (tok.text[0] == "(" and len(tok.text) > 2)
        or bool(_ARABIC_ARTICLE.match(tok.text))
    )


def _runs(toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for tok in [*toks, _Tok(".", -1, -1)]:
        if tok.text in _WEEKDAYS:  # 'Xi Jinping Wednesday held talks': the name ends here
            tok = _Tok(".", tok.start, tok.end)
        if _is_cap(tok) or (current and tok.text in CONNECTORS):
            current.append(tok)
            continue
        while current and not _is_cap(current[-1]):
            current.pop()
        if current:
            runs.append(current)
        current = []
    return [piece for run in runs for piece in _split_and(run)]


def _nameable(toks: list[_Tok], i: int) -> bool:
    text = toks[i].text
    if text in ("He", "Ma", "Yu") and i + 1 < len(toks):
        return is_pinyin_name([text, toks[i + 1].text.rstrip("'’s")])
    if (
        text in _TITLE_NAMES
        and 0 < i < len(toks) - 1
        and is_nameable(toks[i - 1].text)
        and is_nameable(toks[i + 1].text)
    ):
        return True  # 'Mohammed Sultan Saif Al Suwaidi': a given name between names
    if (
        len(text) >= 3
        and text.isalpha()
        and text.isupper()
        and i + 1 < len(toks)
        and toks[i + 1].text[1:].islower()
        and is_nameable(toks[i + 1].text)
        and is_nameable(text.title())
    ):
        return True  # 'Mr. MOTEGI Toshimitsu': a family name in capitals, written first
    if text.rstrip("'’s") in _MONTH_SURNAMES and i > 0 and is_nameable(toks[i - 1].text):
        following = toks[i + 1].text if i + 1 < len(toks) else ""
        return not following[:1].isdigit()  # 'Theresa May spoke', not 'on 5 May 2019'
    return is_nameable(text)
    return is_nameable(text)


def _split_and(run: list[_Tok]) -> list[list[_Tok]]:
    pieces, start = [], 0
    for i, tok in enumerate(run):
        named_before = any(_nameable(run, k) for k in range(start, i))
        office_after = (
            i + 1 < len(run)
            and (
                fold(run[i + 1].text) in TITLE_HEADS
                or (  # '... and Saudi Crown Prince X'
                    i + 2 < len(run)
                    and country_of_phrase(run[i + 1].text) is not None
                    and any(fold(t.text) in TITLE_HEADS for t in run[i + 2 : i + 5])
                )
            )
        )
        ended = _nameable(run, i - 1) or (
            i > 1 and bool(_REGNAL.fullmatch(run[i - 1].text)) and _nameable(run, i - 2)
        )
        if (
            tok.text == "and"
            and 0 < i < len(run) - 1
            and (ended or (named_before and office_after))
        ):  # 'Trump of the United States and President Putin': two people
            pieces.append(run[start:i])
            start = i + 1
    pieces.append(run[start:])
    return [p for p in pieces if p]


_BIRTH_RANKS = frozenset({"prince", "princess", "his", "her", "royal"})


def _country_prefix(seg: list[_Tok]) -> tuple[str | None, int]:
    for size in (3, 2, 1):
        if len(seg) > size:
            phrase = " ".join(t.text for t in seg[:size])
            code = country_of_phrase(phrase)
            if code:
                return code, size
    return None, 0


def _name_block(seg: list[_Tok], begin: int) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    i = begin
    while i < len(seg):
        if not _nameable(seg, i):
            i += 1
            continue
        j = i + 1
        while j < len(seg) and (
            _nameable(seg, j)
            or _REGNAL.fullmatch(seg[j].text)
            or (seg[j].text in NAME_PARTICLES and j + 1 < len(seg) and _nameable(seg, j + 1))
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


def _parse_run(seg: list[_Tok], sentence: Sentence, doc_text: str) -> Mention | None:
    begin = 0
    while begin < len(seg) and (
        (
            seg[begin].text in STOP_CAPS
            and not _nameable(seg, begin)
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
    if len(words) == 2 and len(words[0]) >= 3 and words[0].isupper() and words[1][1:].islower():
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
    found = _NICKNAME.search(name)
    return found.group(1) if found else None


def _alias(rest: list[_Tok]) -> str | None:
    if rest and re.fullmatch(r"\([A-Z][a-z]+\)", rest[0].text):
        return rest[0].text[1:-1]
    return None


def _suffix_country(rest: list[_Tok]) -> str | None:
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
        for run in _runs(_tokens(sentence)):
            mention = _parse_run(run, sentence, doc.text)
            if mention is None:
                continue
            mention = with_offices(mention, sentence, doc.text)
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
